/**
 * `npm run projections -- status | rebuild [name] | check [name]`
 *  status:  each projection's position, lag and dead letters (from the running server's /ready on the
 *           embedded default, whose read models live in its memory; from MongoDB when MONGODB_URL is set).
 *  rebuild: with MONGODB_URL, replays every event into a side collection and swaps it in (blue/green)
 *           under the running servers, with a progress bar. It takes each projection's lease over for the
 *           time of its rebuild (the serving owner is fenced out and takes the lease back after it). On the embedded default the read models live
 *           in the server's memory, out of this process's reach: refused (exit 2), saying to restart the
 *           server, which rebuilds them from the events at every start.
 *  check:   replays every event into a private in-memory copy, to check that each applies and measure
 *           the rate; changes nothing anywhere.
 * Exit codes: 0 done, 1 failed, 2 bad usage or refused, 3 no event store at DATA_DIR.
 */
import 'reflect-metadata';
import { complianceConfigOf, openReadStore, projectionsFor } from '../app';
import { loadConfig } from '../config';
import { leaseName } from '../projection/lease';
import { checkpointName, DEAD_LETTERS } from '../projection/names';
import { defaultHolder } from '../projection/ownership';
import { rebuildProjection } from '../projection/rebuild';
import { createMemoryReadStore } from '../readstore/memory';
import type { ReadStore } from '../readstore/port';
import { MissingStoreError, openExistingStore } from './open-store';
import { createProgress } from './progress';

async function status(): Promise<number> {
  const config = loadConfig();
  if (!config.mongodbUrl) {
    const url = process.env.CELLTRAIL_URL ?? `http://127.0.0.1:${config.port}`;
    const response = await fetch(`${url}/ready`).catch(() => null);
    if (!response) {
      process.stderr.write(
        `no server answers at ${url}: the embedded read models live in the server's memory (set CELLTRAIL_URL, or start it)\n`,
      );
      return 1;
    }
    process.stdout.write(`${JSON.stringify(await response.json(), null, 2)}\n`);
    return response.ok ? 0 : 1;
  }
  const store = await openExistingStore(config);
  const readStore = await openReadStore(config);
  try {
    const head = await store.headPosition();
    const rows = [];
    for (const projection of projectionsFor(complianceConfigOf(config))) {
      const position = await readStore.getCheckpoint(checkpointName(projection));
      const behind = position === null ? null : (await store.readAll({ after: position, maxCount: 10_001 })).length;
      const deadLetters = await readStore.count(DEAD_LETTERS, { projection: projection.name });
      rows.push({
        name: projection.name,
        version: projection.version,
        position: position === null ? null : String(position),
        lagEvents: behind,
        deadLetters,
      });
    }
    process.stdout.write(`${JSON.stringify({ head: String(head), projections: rows }, null, 2)}\n`);
    return 0;
  } finally {
    await readStore.close();
    await store.close();
  }
}

const REFUSED_EMBEDDED =
  "refused: without MONGODB_URL the read models live in the running server's memory, out of reach of this command.\n" +
  'Restart the server to rebuild them: it replays every event at start. (`npm run projections -- check` replays them\n' +
  'here, into a private copy, to check that every event applies; it changes nothing.)\n';

async function rebuild(name: string | undefined, mode: 'rebuild' | 'check'): Promise<number> {
  const config = loadConfig();
  if (mode === 'rebuild' && !config.mongodbUrl) {
    process.stderr.write(REFUSED_EMBEDDED);
    return 2;
  }
  const projections = projectionsFor(complianceConfigOf(config)).filter((p) => !name || p.name === name);
  if (projections.length === 0) {
    process.stderr.write(
      `no projection named ${name}; projections: ${projectionsFor(complianceConfigOf(config))
        .map((p) => p.name)
        .join(', ')}\n`,
    );
    return 2;
  }
  const store = await openExistingStore(config);
  const readStore = mode === 'check' ? createMemoryReadStore({ freezeDocuments: false }) : await openReadStore(config);
  try {
    const head = await store.headPosition();
    for (const projection of projections) {
      const progress = createProgress(`rebuild ${projection.name}`, Number(head));
      const started = Date.now();
      let events = 0;
      const lease =
        mode === 'rebuild' ? await takeLeaseOver(readStore, leaseName(projection), config.leaseTtlMs, config.leaseRenewMs) : null;
      let position;
      try {
        position = await rebuildProjection({
          store,
          readStore,
          projection,
          batchSize: config.projectionBatchSize,
          onProgress: (p) => {
            events = p.events;
            progress.update(Number(p.position));
          },
          ...(lease ? { fence: { token: lease.token }, verifyLease: lease.verify } : {}),
        });
      } finally {
        await lease?.release();
      }
      progress.done();
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `${JSON.stringify({ projection: projection.name, mode, events, position: String(position), seconds, eventsPerSecond: Math.round(events / Math.max(seconds, 0.001)) })}\n`,
      );
    }
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await readStore.close();
    await store.close();
  }
}

const USAGE =
  'usage: npm run projections -- status | rebuild [name] | check [name]\n' +
  '\n' +
  "  status           each projection's position, lag and dead letters: from MongoDB when MONGODB_URL is set, else\n" +
  "                   from the running server's /ready at CELLTRAIL_URL (default http://127.0.0.1:$PORT)\n" +
  '  rebuild [name]   with MONGODB_URL: replays every event into a side collection and swaps it in (blue/green);\n' +
  '                   refused on the embedded default (restart the server instead: it rebuilds at every start)\n' +
  '  check [name]     replays every event into a private in-memory copy; changes nothing\n' +
  '  -h, --help       this text\n' +
  'Exit codes: 0 done, 1 failed, 2 bad usage or refused, 3 no event store at DATA_DIR.\n';

/**
 * The projection's lease, taken over from whoever holds it (a new fencing token: the serving owner's
 * writes are refused from now on, and it stops), renewed while the rebuild runs, released after it so
 * that a server takes it back at its next try.
 */
async function takeLeaseOver(
  readStore: ReadStore,
  name: string,
  ttlMs: number,
  renewMs: number,
): Promise<{ token: number; verify: () => Promise<boolean>; release: () => Promise<void> }> {
  const holder = `cli:${defaultHolder()}`;
  const grant = await readStore.leases.acquire(name, holder, ttlMs, undefined, { takeOver: true });
  if (!grant) throw new Error(`could not take the lease of ${name} over`);
  const { token } = grant;
  const takenAt = Date.now();
  const renew = async (): Promise<boolean> => (await readStore.leases.acquire(name, holder, ttlMs, token)) !== null;
  const timer = setInterval(() => void renew().catch(() => {}), renewMs);
  return {
    token,
    // Before the swap: the serving owner stops writing at its next renewal, at the latest once its lease
    // has run out by its own clock (a TTL after the take-over). Swapping earlier, its late writes could
    // recreate the collection between FerretDB's two renames (see mongo-read-store.ts).
    verify: async () => {
      const wait = takenAt + ttlMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return renew();
    },
    release: async () => {
      clearInterval(timer);
      await readStore.leases.release(name, holder, token);
    },
  };
}

async function main(): Promise<number> {
  const [command, name, ...rest] = process.argv.slice(2);
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (rest.length === 0 && (name === undefined || !name.startsWith('-'))) {
    if (command === 'status' && name === undefined) return status();
    if (command === 'rebuild' || command === 'check') return rebuild(name, command);
  }
  process.stderr.write(USAGE);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof MissingStoreError ? 3 : 1);
  },
);

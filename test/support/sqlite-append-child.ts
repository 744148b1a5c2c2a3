/**
 * A child process for the SQLite crash tests. It appends sealed events and prints one JSON line per
 * outcome on stdout (synchronous for pipes on Linux, so a printed ack was acknowledged before any kill).
 *   forever <db>        4 concurrent appenders on 4 streams until killed
 *   sequential <db> <n> n appends in turn to one stream, going on after failures, then a read
 */
import { randomUUID } from 'node:crypto';
import { eventIdFor, sealEvents } from '../../src/eventstore/envelope';
import type { NewEvent } from '../../src/eventstore/port';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';

const [mode, path, countArg] = process.argv.slice(2);
if (!path || (mode !== 'forever' && mode !== 'sequential')) throw new Error('usage: forever|sequential <db> [n]');

const store = createSqliteEventStore({ path });
const print = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

function batch(stream: string, nextRevision: number, prevHash: string | null, size: number): NewEvent[] {
  const commandId = randomUUID();
  return sealEvents({
    stream,
    nextRevision,
    prevHash,
    events: Array.from({ length: size }, (_, i) => ({
      id: eventIdFor(commandId, i),
      type: 'InjectionGiven',
      data: { site: i, volumeMl: 0.5 + i },
      metadata: {
        actor: { id: 'child', role: 'CLINICIAN', name: 'Child Process' },
        recordedAt: new Date().toISOString(),
        occurredAt: new Date().toISOString(),
        commandId,
        correlationId: commandId,
        causationId: null,
        schemaVersion: 1,
      },
    })),
  });
}

/** Appends to one stream in turn; `rounds` undefined = until killed. */
async function appender(stream: string, rounds: number | undefined): Promise<void> {
  let nextRevision = 0;
  let prevHash: string | null = null;
  for (let round = 0; rounds === undefined || round < rounds; round++) {
    const events = batch(stream, nextRevision, prevHash, 1 + (round % 3));
    const ids = events.map((e) => e.id);
    try {
      const result = await store.append(stream, events, nextRevision === 0 ? 'no_stream' : nextRevision - 1);
      print({ ack: true, stream, ids, position: String(result.position) });
      nextRevision = result.nextRevision + 1;
      prevHash = events[events.length - 1]?.metadata.hash ?? null;
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? (err.cause as Error & { code?: string }).code : undefined;
      print({ ack: false, stream, ids, error: err instanceof Error ? err.name : String(err), cause });
    }
  }
}

async function main(): Promise<void> {
  if (mode === 'forever') {
    await Promise.all([0, 1, 2, 3].map((i) => appender(`case-${i}`, undefined)));
    return;
  }
  await appender('case-seq', Number(countArg ?? '10'));
  const stored = await store.readStream('case-seq');
  print({ read: true, count: stored.length });
  await store.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(2);
});

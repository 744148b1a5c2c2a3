/**
 * The MongoDB read side as it grows: the cost of one live write (what the projection owner does per
 * batch: load the touched summary, write it position-guarded and fenced, move the checkpoint) and of
 * the reads around it (a summary by id, the shared checkpoint read-your-writes polls), at 100, 1,000
 * and 10,000 summaries. For comparison, the `_id: {$in}` lookup the adapter used before, which FerretDB
 * 1.x answers with a collection scan.
 *
 *   node dist/bench/read-side-scale.js --mongodb-url mongodb://127.0.0.1:27018/ [--sizes 100,1000,10000] [--samples 60]
 *
 * Flat means: the figures at 10,000 are those at 100, within noise.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';

import { MongoClient } from 'mongodb';

import { positionKey, type StoredDocument } from '../src/readstore/port';
import { createMongoReadStore } from '../src/readstore/mongodb';
import { integerOption, readArgs } from './support/args';
import { percentile, printJson, progress, round, runMain } from './support/output';

const COLLECTION = 'case-summary';

function summary(i: number, position: bigint): StoredDocument {
  return {
    _id: `case-${String(i).padStart(6, '0')}`,
    _position: positionKey(position),
    facilityId: `F${i % 4}`,
    status: i % 3 === 0 ? 'SIGNED' : 'OPEN',
    revision: 3,
    updatedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString(),
    findings: [{ rule: 'consent', severity: 'HIGH' }],
  };
}

async function timed(samples: number, run: (i: number) => Promise<void>): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50), 2), p99: round(percentile(times, 99), 2) };
}

runMain(async () => {
  const args = readArgs({ 'mongodb-url': { type: 'string' }, sizes: { type: 'string' }, samples: { type: 'string' } });
  const url = args['mongodb-url'] ?? process.env.MONGODB_URL ?? '';
  if (!url) throw new Error('give --mongodb-url (or MONGODB_URL): this benchmark measures the MongoDB read side');
  const sizes = (args.sizes ?? '100,1000,10000').split(',').map(Number);
  const samples = integerOption(args.samples, 'samples', 60);
  const database = `celltrail_bench_scale_${randomBytes(4).toString('hex')}`;
  const readStore = await createMongoReadStore({ url, database });
  const client = new MongoClient(url);
  await client.connect();
  const raw = client.db(database).collection<StoredDocument>(COLLECTION);
  const results = [];
  try {
    let seeded = 0;
    let position = 1n;
    const fence = { token: 1 };
    for (const size of sizes) {
      progress(`seeding ${size} summaries`);
      for (let from = seeded; from < size; from += 500) {
        const docs = [];
        for (let i = from; i < Math.min(size, from + 500); i++) docs.push(summary(i, position++));
        await readStore.upsertMany(COLLECTION, docs, fence);
      }
      seeded = size;
      const pick = (i: number) => `case-${String((i * 7919) % size).padStart(6, '0')}`;
      progress(`measuring at ${size}`);
      const parts = { loadMs: [] as number[], upsertMs: [] as number[], checkpointMs: [] as number[] };
      const liveWrite = await timed(samples, async (i) => {
        const id = pick(i);
        let at = performance.now();
        const lap = (into: number[]) => {
          const now = performance.now();
          into.push(now - at);
          at = now;
        };
        const [stored] = await readStore.getMany<StoredDocument>(COLLECTION, [id]);
        lap(parts.loadMs);
        await readStore.upsertMany(COLLECTION, [{ ...(stored as StoredDocument), _position: positionKey(position++), revision: i }], fence);
        lap(parts.upsertMs);
        await readStore.setCheckpoint('case-summary@v3', position, fence);
        lap(parts.checkpointMs);
      });
      const median = (values: number[]) =>
        round(
          percentile(
            [...values].sort((a, b) => a - b),
            50,
          ),
          2,
        );
      const summaryRead = await timed(samples, async (i) => {
        await readStore.get(COLLECTION, pick(i));
      });
      const checkpointPoll = await timed(samples, async () => {
        await readStore.getCheckpoint('case-summary@v3');
      });
      const inLookupBefore = await timed(Math.min(samples, 20), async (i) => {
        await raw.find({ _id: { $in: [pick(i), pick(i + 1)] } }).toArray();
      });
      results.push({
        summaries: size,
        liveWriteMs: liveWrite,
        liveWritePartsP50Ms: { load: median(parts.loadMs), upsert: median(parts.upsertMs), checkpoint: median(parts.checkpointMs) },
        summaryReadMs: summaryRead,
        checkpointPollMs: checkpointPoll,
        inLookupBeforeMs: inLookupBefore,
      });
    }
  } finally {
    await client
      .db(database)
      .dropDatabase()
      .catch(() => {});
    await client.close();
    await readStore.close();
  }
  printJson({ benchmark: 'read-side-scale', samples, results });
});

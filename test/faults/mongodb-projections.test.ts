/**
 * Read models on MongoDB under faults: a crash between a batch's documents and its checkpoint, and the
 * connection cut mid-stream. Runs against the server named by MONGODB_URL (FerretDB in CI).
 */
import { caseSummaryProjection } from '../../projections/case-summary';
import { patientSummaryProjection } from '../../projections/patient-summary';
import type { EventStore } from '../../src/eventstore/port';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import type { Projection } from '../../src/projection/projection';
import { createProjectionRunner, type ProjectionRunner } from '../../src/projection/runner';
import type { ReadStore, StoredDocument } from '../../src/readstore/port';
import { createMemoryReadStore } from '../../src/readstore/memory';
import { createMongoReadStore } from '../../src/readstore/mongodb';
import { startMongoTcpProxy, type MongoTcpProxy } from '../support/mongo-tcp-proxy';
import { dropDatabase, MONGODB_SKIP_REASON, mongoTestUrl, uniqueDatabaseName } from '../support/mongo-test-database';
import { appendTo, caseOpenedData } from '../support/recorded-events';

const url = mongoTestUrl();
if (!url) console.warn(`MongoDB fault tests skipped: ${MONGODB_SKIP_REASON}`);
const describeMongo = url ? describe : describe.skip;

jest.setTimeout(60_000);

const projections = (): Projection[] => [caseSummaryProjection(), patientSummaryProjection];

async function seedCases(store: EventStore, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const caseId = `case-${String(i).padStart(3, '0')}`;
    await appendTo(store, `case-${caseId}`, [{ type: 'CaseOpened', data: caseOpenedData(caseId) }]);
    await appendTo(store, `case-${caseId}`, [
      {
        type: 'OutcomeMeasured',
        data: { leg: 'LEFT', abi: 0.5, restPainScore: 3, ulcerStatus: null, wagnerGrade: null, amputation: null, deceased: null },
      },
    ]);
  }
}

const all = async (readStore: ReadStore): Promise<StoredDocument[]> => (await readStore.find('case-summary', { sort: [['_id', 1]] })).items;

describeMongo(`MongoDB read models under faults${url ? '' : ` (skipped: ${MONGODB_SKIP_REASON})`}`, () => {
  let store: EventStore;
  let database: string;
  const cleanups: Array<() => Promise<void>> = [];
  // at most one pending document: catching up writes and checkpoints after every batch of 5 events
  const runner = async (readStore: ReadStore, batchSize = 5): Promise<ProjectionRunner> => {
    const r = createProjectionRunner({ store, readStore, projections: projections(), batchSize, maxPendingDocuments: 1 });
    cleanups.push(() => r.stop());
    return r;
  };
  const mongo = async (serverUrl = url!): Promise<ReadStore> => {
    const readStore = await createMongoReadStore({ url: serverUrl, database, serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
    cleanups.push(() => readStore.close());
    return readStore;
  };
  const fresh = async (): Promise<StoredDocument[]> => {
    const memory = createMemoryReadStore();
    await (await runner(memory)).start();
    return all(memory);
  };

  beforeEach(() => {
    store = createSqliteEventStore({ path: ':memory:' });
    database = uniqueDatabaseName('faults');
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
    await store.close();
    await dropDatabase(url!, database);
  });

  it('after a crash between the documents and the checkpoint, the model after restart equals a fresh rebuild', async () => {
    await seedCases(store, 0, 2);
    const first = await mongo();
    const before = await runner(first);
    await before.start();
    await before.stop();
    await seedCases(store, 2, 10);
    const setCheckpoint = first.setCheckpoint.bind(first);
    let calls = 0;
    first.setCheckpoint = async (name, position) => {
      // the process dies right after the third batch's documents were written
      if (++calls === 5) throw Object.assign(new Error('process killed'), { name: 'ProjectionFailedError' });
      return setCheckpoint(name, position);
    };
    await expect((await runner(first)).start()).rejects.toThrow('process killed');

    const restarted = await mongo();
    await (await runner(restarted)).start();
    expect(await all(restarted)).toEqual(await fresh());
  });

  it('retries while the connection is cut, reports it, and catches up without loss or double counting', async () => {
    const proxy: MongoTcpProxy = await startMongoTcpProxy(url!);
    cleanups.push(() => proxy.close());
    await seedCases(store, 0, 3);
    const readStore = await mongo(proxy.url);
    const r = await runner(readStore);
    await r.start();

    await proxy.cut();
    await seedCases(store, 3, 4);
    const head = await store.headPosition();
    for (let i = 0; i < 100 && r.status().state !== 'retrying'; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(r.status()).toMatchObject({ state: 'retrying', lastError: expect.any(String) });
    expect(r.status().position < head).toBe(true);

    await proxy.restore();
    const reached = await r.waitFor(head, 30_000);
    if (!reached) console.log(r.status());
    expect(reached).toBe(true);
    expect(r.status()).toMatchObject({ state: 'live', lastError: null });
    const docs = await all(readStore);
    expect(docs).toHaveLength(7);
    expect(docs.every((d) => (d.outcomes as unknown[]).length === 1)).toBe(true);
    expect(docs).toEqual(await fresh());
  });
});

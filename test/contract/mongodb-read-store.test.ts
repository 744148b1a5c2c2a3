/**
 * The MongoDB read store against the server named by MONGODB_URL (CI: FerretDB 1.24 from
 * `.ci/ferretdb.sh start`; users: a real MongoDB). Skipped, loudly, without MONGODB_URL.
 *
 * Where FerretDB 1.24 differs from MongoDB on something the project relies on. MongoDB's
 * behaviour is the one to meet; each difference was seen by running this file against FerretDB.
 * Differences the contract can observe are passed to it as `deviations` and asserted as they
 * are, so a FerretDB that fixes one fails the test and this note can be updated:
 * - `renameCollection` with `dropTarget: true` answers NotImplemented (238), and dropping a
 *   collection while a query reads it returns part of its documents. The adapter renames the
 *   old collection away, renames the source in, then drops the old one, so during a blue/green
 *   swap a reader can briefly see an empty target; MongoDB swaps in one step.
 *   ('swap-exposes-empty-target')
 * - `$elemMatch` with conditions on subdocument fields (`{ findings: { $elemMatch: { rule,
 *   severity } } }`) is rejected with "unknown operator", and with a single field it silently
 *   matches nothing. Queries on FerretDB must not rely on it; a dotted path (`'findings.rule'`)
 *   works. ('elem-match-on-subdocument-fields')
 * Differences the adapter works around, so the contract passes unchanged:
 * - Only a filter that is `_id` alone reaches SQLite's index; any other filter scans the whole
 *   collection, so a guarded `replaceOne({ _id, _position: … })` costs a scan per document.
 *   The adapter reads the batch's stored positions once, inserts the new documents and replaces
 *   only the older ones (see guarded-upsert.ts); replacing existing documents stays O(n) each.
 * - An unordered bulk write stops at its first error and reports it at index 0.
 * - An `update` command that replaces 100 existing documents never completes and blocks the
 *   database (one SQLite connection held per statement, 100 per database): replacements go in
 *   commands of FERRETDB_MAX_OPS_PER_COMMAND.
 * - `createIndexes` naming several indexes that all exist already panics the connection:
 *   indexes are created one per command.
 * - Write concern `{ w: 'majority', j: true }` is accepted and ignored (FerretDB has no replicas).
 */
import { createServer } from 'node:net';

import { MongoClient, type Collection } from 'mongodb';

import { createMongoReadStore } from '../../src/readstore/mongodb';
import { guardedUpsert } from '../../src/readstore/mongodb/guarded-upsert';
import { positionKey, type IndexSpec, type ReadStore, type StoredDocument } from '../../src/readstore/port';
import { dropDatabase, isFerretDB, MONGODB_SKIP_REASON, mongoTestUrl, uniqueDatabaseName } from '../support/mongo-test-database';
import { startMongoTcpProxy } from '../support/mongo-tcp-proxy';
import { describeReadStoreContract, type ServerDeviation } from './read-store.contract';

const FERRETDB_DEVIATIONS: ReadonlySet<ServerDeviation> = new Set(['swap-exposes-empty-target', 'elem-match-on-subdocument-fields']);
const NO_DEVIATIONS: ReadonlySet<ServerDeviation> = new Set();

const url = mongoTestUrl();

if (url === undefined) {
  console.warn(`MongoDB read-store contract skipped: ${MONGODB_SKIP_REASON}`);
  test.skip(`MongoDB read-store contract (skipped: ${MONGODB_SKIP_REASON})`, () => {});
} else {
  const database = uniqueDatabaseName('readstore');
  let ferretDB = false;

  beforeAll(async () => {
    ferretDB = await isFerretDB(url);
  });

  afterAll(async () => {
    await dropDatabase(url, database);
  });

  describeReadStoreContract(
    'MongoDB',
    async () => {
      const store = await createMongoReadStore({ url, database });
      return { store, cleanup: () => store.close() };
    },
    { deviations: () => (ferretDB ? FERRETDB_DEVIATIONS : NO_DEVIATIONS) },
  );

  describe('MongoDB read store', () => {
    let store: ReadStore;
    let client: MongoClient;

    beforeEach(async () => {
      store = await createMongoReadStore({ url, database });
      client = await new MongoClient(url).connect();
    });

    afterEach(async () => {
      await store.close();
      await client.close();
    });

    test('is durable: a store opened later reads what an earlier, closed one wrote', async () => {
      expect(store.durable).toBe(true);
      await store.upsertMany('restart_cases', [{ _id: 'c1', _position: positionKey(3n), status: 'open' }]);
      await store.setCheckpoint('restart_projection', 3n);
      await store.close();

      store = await createMongoReadStore({ url, database });
      expect(await store.get('restart_cases', 'c1')).toEqual({ _id: 'c1', _position: positionKey(3n), status: 'open' });
      expect(await store.getCheckpoint('restart_projection')).toBe(3n);
    });

    test('keeps one collection per projection and the checkpoints in a `checkpoints` collection of the same database', async () => {
      await store.upsertMany('layout_case_summary', [{ _id: 'c1', _position: positionKey(9n) }]);
      await store.setCheckpoint('layout_case_summary', 2n ** 60n);

      const db = client.db(database);
      expect(await db.collection('layout_case_summary').findOne({ _id: 'c1' as never })).toEqual({
        _id: 'c1',
        _position: positionKey(9n),
      });
      expect(await db.collection('checkpoints').findOne({ _id: 'layout_case_summary' as never })).toEqual({
        _id: 'layout_case_summary',
        position: positionKey(2n ** 60n),
      });
    });

    test('refuses `checkpoints` as a projection collection', async () => {
      await expect(store.upsertMany('checkpoints', [{ _id: 'x', _position: positionKey(1n) }])).rejects.toThrow(RangeError);
      await expect(store.dropCollection('checkpoints')).rejects.toThrow(RangeError);
    });

    test('ensureIndexes creates each declared index once', async () => {
      const indexes: IndexSpec[] = [{ keys: { status: 1, openedAt: -1 } }, { keys: { 'findings.rule': 1 } }];
      await store.ensureIndexes('indexed_cases', indexes);
      await store.ensureIndexes('indexed_cases', indexes);

      const keys = (await client.db(database).collection('indexed_cases').indexes()).map((index) => index.key);
      expect(keys).toEqual(expect.arrayContaining([{ _id: 1 }, { status: 1, openedAt: -1 }, { 'findings.rule': 1 }]));
      expect(keys).toHaveLength(3);
    });

    test('a write that breaks a unique index is rejected, not mistaken for an already-applied one', async () => {
      await store.ensureIndexes('unique_cases', [{ keys: { caseNumber: 1 }, unique: true }]);
      await store.upsertMany('unique_cases', [{ _id: 'a', _position: positionKey(1n), caseNumber: 'N-1' }]);

      await expect(store.upsertMany('unique_cases', [{ _id: 'b', _position: positionKey(2n), caseNumber: 'N-1' }])).rejects.toThrow(
        /unique_cases/,
      );
      expect(await store.get('unique_cases', 'b')).toBeNull();
    });

    test('takes the database from the URL when none is given', async () => {
      const named = new URL(url);
      named.pathname = `/${database}`;
      const fromUrl = await createMongoReadStore({ url: named.toString() });
      try {
        await fromUrl.upsertMany('url_cases', [{ _id: 'a', _position: positionKey(1n) }]);
        expect(await store.get('url_cases', 'a')).toEqual({ _id: 'a', _position: positionKey(1n) });
      } finally {
        await fromUrl.close();
      }
    });

    describe('position guard against a writer racing between the read of positions and the write', () => {
      /** The collection, except that the first read of stored positions (one `find` or `findOne`) lets `race` write right after it. */
      function racing(collection: Collection<StoredDocument>, race: () => Promise<unknown>): Collection<StoredDocument> {
        let raced = false;
        return new Proxy(collection, {
          get(target, property) {
            if (property === 'findOne' && !raced) {
              return async (...args: Parameters<Collection<StoredDocument>['findOne']>) => {
                const found = await target.findOne(...args);
                raced = true;
                await race();
                return found;
              };
            }
            if (property === 'find' && !raced) {
              return (...args: Parameters<Collection<StoredDocument>['find']>) => ({
                toArray: async () => {
                  const found = await target.find(...args).toArray();
                  raced = true;
                  await race();
                  return found;
                },
              });
            }
            const value: unknown = Reflect.get(target, property, target);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      }

      test('a newer version written by the racer is not overwritten', async () => {
        const cases = client.db(database).collection<StoredDocument>('race_newer');
        await cases.insertOne({ _id: 'a', _position: positionKey(1n), v: 'first' });

        await guardedUpsert(
          racing(cases, () => cases.replaceOne({ _id: 'a' }, { _id: 'a', _position: positionKey(3n), v: 'racer' })),
          [{ _id: 'a', _position: positionKey(2n), v: 'ours' }],
        );

        expect(await cases.findOne({ _id: 'a' })).toEqual({ _id: 'a', _position: positionKey(3n), v: 'racer' });
      });

      test('an older version inserted by the racer is replaced', async () => {
        const cases = client.db(database).collection<StoredDocument>('race_older');

        await guardedUpsert(
          racing(cases, () => cases.insertOne({ _id: 'a', _position: positionKey(1n), v: 'racer' })),
          [{ _id: 'a', _position: positionKey(2n), v: 'ours' }],
        );

        expect(await cases.findOne({ _id: 'a' })).toEqual({ _id: 'a', _position: positionKey(2n), v: 'ours' });
      });
    });

    test('operations reject while the server is unreachable and succeed again once it is back', async () => {
      const proxy = await startMongoTcpProxy(url);
      const viaProxy = await createMongoReadStore({ url: proxy.url, database, serverSelectionTimeoutMS: 500 });
      try {
        await viaProxy.upsertMany('outage_cases', [{ _id: 'a', _position: positionKey(1n) }]);

        await proxy.cut();
        await expect(viaProxy.get('outage_cases', 'a')).rejects.toThrow();
        await expect(viaProxy.upsertMany('outage_cases', [{ _id: 'b', _position: positionKey(2n) }])).rejects.toThrow();
        await expect(viaProxy.setCheckpoint('outage_projection', 2n)).rejects.toThrow();

        await proxy.restore();
        await viaProxy.upsertMany('outage_cases', [{ _id: 'b', _position: positionKey(2n) }]);
        expect(await viaProxy.count('outage_cases')).toBe(2);
      } finally {
        await viaProxy.close();
        await proxy.close();
      }
    });
  });
}

describe('MongoDB read store without a server', () => {
  test('createMongoReadStore rejects when nothing listens at the URL', async () => {
    const port = await unusedPort();
    await expect(createMongoReadStore({ url: `mongodb://127.0.0.1:${port}/`, serverSelectionTimeoutMS: 300 })).rejects.toThrow(
      /ECONNREFUSED|Server selection timed out/,
    );
  });
});

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

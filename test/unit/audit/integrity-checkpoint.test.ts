/** Recording integrity checkpoints: signed, skipped when nothing is new, safe with several instances. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKPOINT_STREAM, recordCheckpoint, verifyCheckpointAgainstStore } from '../../../src/audit/integrity-checkpoint';
import { LOCAL_KEY_FILE, loadSigningKey, readPublicKeys, type PublicKey, type SigningKey } from '../../../src/audit/signing-key';
import { verifyStream } from '../../../src/audit/verify-stream';
import { createKurrentDbEventStore } from '../../../src/eventstore/kurrentdb';
import type { EventStore } from '../../../src/eventstore/port';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';
import { startEsdbTestServer } from '../../support/esdb-test-server';
import { quickToConnect } from '../../support/esdb-test-server/connection';
import { makeTempDir } from '../../support/sqlite-temp';

type Opened = { store: EventStore; close: () => Promise<void> };

/** Each test gets an empty store of each adapter. */
const ADAPTERS: Array<[string, () => Promise<Opened>]> = [
  [
    'sqlite',
    async () => {
      const store = createSqliteEventStore({ path: ':memory:' });
      return { store, close: () => store.close() };
    },
  ],
  [
    'kurrentdb (EventStoreDB test server)',
    async () => {
      const server = await startEsdbTestServer();
      const store = createKurrentDbEventStore({ url: quickToConnect(server.url) });
      return {
        store,
        close: async () => {
          await store.close();
          await server.stop();
        },
      };
    },
  ],
];
import { append } from './fixtures';

describe('integrity checkpoints', () => {
  const temp = makeTempDir('celltrail-checkpoint');
  let key: SigningKey;
  let keys: PublicKey[];
  beforeAll(async () => {
    // two processes starting at once on a fresh DATA_DIR end up with one key
    const [a, b] = await Promise.all([
      loadSigningKey({ keyFile: null, dataDir: temp.dir }),
      loadSigningKey({ keyFile: null, dataDir: temp.dir }),
    ]);
    expect(a.keyId).toBe(b.keyId);
    key = a;
    keys = await readPublicKeys(key.publicPem);
  });
  afterAll(() => temp.remove());

  it('keeps the generated key owner-only', () => {
    expect(statSync(join(temp.dir, LOCAL_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  describe.each(ADAPTERS)('on %s', (_name, open) => {
    it('records nothing for an empty store, one checkpoint when events are new, and nothing again until more are', async () => {
      const { store, close } = await open();
      expect(await recordCheckpoint(store, key, new Date())).toBeNull();
      await append(store, 'case-c1', [{ type: 'CaseOpened' }]);
      const first = await recordCheckpoint(store, key, new Date('2026-03-01T00:00:00Z'));
      expect(first).toMatchObject({
        kind: 'integrity-checkpoint',
        streamCount: 1,
        keyId: key.keyId,
        recordedAt: '2026-03-01T00:00:00.000Z',
      });
      expect(await recordCheckpoint(store, key, new Date())).toBeNull();
      await append(store, 'case-c1', [{ type: 'Noted' }]);
      // the checkpoint stream is a stream like any: covered by the next checkpoint, chained like any
      expect(await recordCheckpoint(store, key, new Date())).toMatchObject({ streamCount: 2 });
      expect(await verifyStream(store, CHECKPOINT_STREAM)).toMatchObject({ valid: true, eventCount: 2 });
      expect(await verifyCheckpointAgainstStore(store, first!, keys)).toMatchObject({ valid: true });
      await close();
    });

    it('lets one of two instances recording at once win; the other skips', async () => {
      const { store, close } = await open();
      await append(store, 'case-c1', [{ type: 'CaseOpened' }]);
      const results = await Promise.all([recordCheckpoint(store, key, new Date()), recordCheckpoint(store, key, new Date())]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await store.readStream(CHECKPOINT_STREAM)).toHaveLength(1);
      await close();
    });
  });

  it('refuses a kept checkpoint whose fields were edited, or one checked with another key', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    await append(store, 'case-c1', [{ type: 'CaseOpened' }]);
    const kept = (await recordCheckpoint(store, key, new Date()))!;
    const edited = await verifyCheckpointAgainstStore(store, { ...kept, root: '0'.repeat(64) }, keys);
    expect(edited).toMatchObject({ valid: false, problems: ['checkpoint fields differ from what was signed: root'] });
    const otherDir = makeTempDir('celltrail-other-key');
    const other = await readPublicKeys((await loadSigningKey({ keyFile: null, dataDir: otherDir.dir })).publicPem);
    otherDir.remove();
    expect(await verifyCheckpointAgainstStore(store, kept, other)).toMatchObject({
      valid: false,
      problems: [expect.stringMatching(/not with the key given/)],
    });
    await store.close();
  });
});

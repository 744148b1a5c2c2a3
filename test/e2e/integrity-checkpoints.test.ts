/**
 * The server records integrity checkpoints and publishes its public key: an auditor fetches both over
 * HTTP and checks the checkpoint against the store offline.
 */
import { verifyCheckpointAgainstStore, type SignedCheckpoint } from '../../src/audit/integrity-checkpoint';
import { readPublicKeys } from '../../src/audit/signing-key';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { makeTempDir } from '../support/sqlite-temp';
import { startTestApp, type TestApp } from '../support/test-app';
import { append } from '../unit/audit/fixtures';

const QUERY = '{ integrityCheckpoint { root position streamCount recordedAt keyId signature json } }';
type Checkpoint = { integrityCheckpoint: (Omit<SignedCheckpoint, 'kind'> & { json: string }) | null };

describe('integrity checkpoints on the server', () => {
  const temp = makeTempDir('celltrail-checkpoints');
  const store = createSqliteEventStore({ path: ':memory:' });
  let t: TestApp;
  beforeAll(async () => {
    // events no projection reads: this is about the store, not the read models
    await append(store, 'note-1', [{ type: 'Noted', data: { n: 1 } }]);
    await append(store, 'note-2', [
      { type: 'Noted', data: { n: 2 } },
      { type: 'Noted', data: { n: 3 } },
    ]);
    t = await startTestApp({ store, env: { DATA_DIR: temp.dir, INTEGRITY_CHECKPOINT_INTERVAL_MS: '3600000' } });
  });
  afterAll(async () => {
    await t?.stop();
    await store.close();
    temp.remove();
  });

  it('records one at start, which auditors fetch and verify with the published key', async () => {
    const keysResponse = await fetch(`${t.url}/keys/export`);
    expect(keysResponse.status).toBe(200);
    const jwks = (await keysResponse.json()) as { keys: Array<{ kid: string; kty: string; crv: string; d?: string }> };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' })]);
    expect(jwks.keys[0]).not.toHaveProperty('d'); // never the private part

    const auditor = await t.token({ roles: ['AUDITOR'], facilities: ['F1'], sub: 'aud-1' });
    let checkpoint: Checkpoint['integrityCheckpoint'] = null;
    // recorded in the background right after start
    for (let attempt = 0; attempt < 100 && !checkpoint; attempt++) {
      const result = await t.gql<Checkpoint>(auditor, QUERY);
      expect(result.errors).toBeUndefined();
      checkpoint = result.data!.integrityCheckpoint;
      if (!checkpoint) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(checkpoint).toMatchObject({ streamCount: 2, keyId: jwks.keys[0]!.kid });
    const kept = JSON.parse(checkpoint!.json) as SignedCheckpoint;
    const check = await verifyCheckpointAgainstStore(store, kept, await readPublicKeys(JSON.stringify(jwks)));
    expect(check).toMatchObject({ valid: true, problems: [] });
  });

  it('is for auditors and administrators only', async () => {
    const clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-1' });
    const result = await t.gql<Checkpoint>(clinician, QUERY);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

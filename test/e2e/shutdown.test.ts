/** SIGTERM: the server drains, flushes the access log it had buffered, and exits 0. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { signToken } from '../../src/graphql/auth/tokens';
import { operation, patientInput } from '../support/case-steps';
import { startServerProcess } from '../support/server-process';
import { TEST_SECRET } from '../support/test-app';

describe('graceful shutdown', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-term-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 on SIGTERM with the reads it served in the access log', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir, JWT_SECRET: TEST_SECRET });
    const token = await signToken(TEST_SECRET, { sub: 'dr-term', name: 'Dr Term', roles: ['CLINICIAN'], facilities: ['F1'] });
    const post = async (query: string, variables: object) =>
      (
        await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        })
      ).json() as Promise<{ data: { registerPatient: { patient: { id: string } } } }>;
    const registered = await post(operation('RegisterPatient'), { input: patientInput('F1') });
    const patientId = registered.data.registerPatient.patient.id;
    await post(operation('PatientSummary'), { id: patientId });

    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const store = createSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    try {
      const accesses = await store.readAll({ filter: { streamPrefix: 'access-' } });
      expect(accesses).toEqual([
        expect.objectContaining({
          type: 'PatientDataAccessed',
          data: expect.objectContaining({ operation: 'patient', patientId, outcome: 'OK' }),
        }),
      ]);
      expect(accesses[0]!.metadata.actor).toMatchObject({ id: 'dr-term' });
    } finally {
      await store.close();
    }
  }, 60_000);
});

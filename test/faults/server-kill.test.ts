/** A server killed with SIGKILL during a stream of writes loses no write it acknowledged. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyChain } from '../../src/eventstore/envelope';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { signToken } from '../../src/graphql/auth/tokens';
import { leftLegCase, operation, patientInput } from '../support/case-steps';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { TEST_SECRET } from '../support/test-app';

jest.setTimeout(120_000);

async function gql(url: string, token: string, query: string, variables: object) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, { eventIds: string[]; patient?: { id: string } }>; errors?: unknown[] };
}

describe('kill -9 of the server', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-kill-'));
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged event, in a chain that still verifies', async () => {
    server = await startServerProcess({ DATA_DIR: dataDir, JWT_SECRET: TEST_SECRET });
    const token = await signToken(TEST_SECRET, { sub: 'dr-kill', name: 'Dr Kill', roles: ['CLINICIAN'], facilities: ['F1'] });
    const registered = await gql(server.url, token, operation('RegisterPatient'), { input: patientInput('F1') });
    const patientId = registered.data!.registerPatient!.patient!.id;
    const caseIds = Array.from({ length: 4 }, () => randomUUID());
    const acknowledged: string[] = [...registered.data!.registerPatient!.eventIds];
    for (const caseId of caseIds) {
      const opened = await gql(server.url, token, operation('OpenCase'), { input: leftLegCase(caseId, patientId, new Date()).open });
      acknowledged.push(...opened.data!.openCase!.eventIds);
    }

    // Four writers, one per case, until the process is killed under them.
    let killed = false;
    const writer = async (caseId: string) => {
      const input = leftLegCase(caseId, patientId, new Date()).doppler;
      while (!killed) {
        try {
          const result = await gql(server!.url, token, operation('RecordDopplerAssessment'), { input });
          if (result.data) acknowledged.push(...result.data.recordDopplerAssessment!.eventIds);
        } catch {
          return; // connection refused/reset: the server is gone
        }
      }
    };
    const writers = caseIds.map(writer);
    while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 20));
    await server.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    server = null;

    const store = createSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    try {
      const stored = new Set((await store.readAll()).map((e) => e.id));
      const missing = acknowledged.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(200);
      for (const caseId of caseIds) {
        expect(verifyChain(await store.readStream(`case-${caseId}`))).toMatchObject({ valid: true });
      }
    } finally {
      await store.close();
    }

    // and the server starts again on the same file, with the acknowledged events in its read model
    server = await startServerProcess({ DATA_DIR: dataDir, JWT_SECRET: TEST_SECRET });
    const summary = await gql(server.url, token, operation('CaseSummary'), { id: caseIds[0] });
    expect((summary.data as unknown as { case: { id: string } }).case.id).toBe(caseIds[0]);
  });
});

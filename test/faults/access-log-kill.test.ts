/**
 * No answer without its record: a server killed with SIGKILL right after answering N `case(id)` reads
 * keeps an access record of each of them, on the embedded SQLite store and on KurrentDB (through the
 * EventStoreDB test server, which lives in this process and so outlives the killed server).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACCESS_EVENT_TYPE } from '../../src/audit/event-store-access-log';
import { createKurrentDbEventStore } from '../../src/eventstore/kurrentdb';
import type { EventStore } from '../../src/eventstore/port';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { signToken } from '../../src/graphql/auth/tokens';
import { leftLegCase, operation, patientInput } from '../support/case-steps';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb-test-server';
import { quickToConnect } from '../support/esdb-test-server/adapter-fixture';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { TEST_SECRET } from '../support/test-app';

jest.setTimeout(120_000);

interface Backend {
  name: string;
  env(): Record<string, string>;
  open(): EventStore;
}

async function gql(url: string, token: string, query: string, variables: object, correlationId = randomUUID()) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-correlation-id': correlationId },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, { id?: string; patient?: { id: string } } | null>; errors?: unknown[] };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-access-kill-'));
let esdb: EsdbTestServer | null = null;
afterAll(async () => {
  await esdb?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const backends: Backend[] = [
  {
    name: 'SQLite',
    env: () => ({ DATA_DIR: path.join(dataDir, 'sqlite') }),
    open: () => createSqliteEventStore({ path: path.join(dataDir, 'sqlite', 'events.sqlite'), catchUpWorkerFrom: false }),
  },
  {
    name: 'KurrentDB (EventStoreDB test server)',
    env: () => ({ DATA_DIR: path.join(dataDir, 'esdb'), EVENTSTORE_URL: quickToConnect(esdb!.url) }),
    open: () => createKurrentDbEventStore({ url: quickToConnect(esdb!.url) }),
  },
];

describe.each(backends)('kill -9 right after answering reads, on $name', (backend) => {
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    esdb ??= await startEsdbTestServer();
  });
  afterEach(async () => {
    await server?.kill('SIGKILL');
    server = null;
  });

  it('keeps an access record of every read it answered', async () => {
    server = await startServerProcess({ ...backend.env(), JWT_SECRET: TEST_SECRET });
    const token = await signToken(TEST_SECRET, { sub: 'dr-read', name: 'Dr Read', roles: ['CLINICIAN'], facilities: ['F1'] });
    const registered = await gql(server.url, token, operation('RegisterPatient'), { input: patientInput('F1') });
    const patientId = registered.data!.registerPatient!.patient!.id;
    const caseId = randomUUID();
    await gql(server.url, token, operation('OpenCase'), { input: leftLegCase(caseId, patientId, new Date()).open });

    // 70 reads, 10 at a time (so that records share commits), each with its own correlation id;
    // the last answer is followed at once by the kill.
    const answered: string[] = [];
    for (let wave = 0; wave < 7; wave++) {
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const id = randomUUID();
          const result = await gql(server!.url, token, operation('CaseSummary'), { id: caseId }, id);
          expect(result.data?.case?.id).toBe(caseId);
          answered.push(id);
        }),
      );
    }
    await server.kill('SIGKILL');
    server = null;

    const store = backend.open();
    try {
      const records = await store.readAll({ filter: { types: [ACCESS_EVENT_TYPE] } });
      const reads = records.filter((e) => e.data.operation === 'case');
      expect(reads.map((e) => e.metadata.correlationId).sort()).toEqual([...answered].sort());
      expect(reads.every((e) => e.data.caseId === caseId && e.data.patientId === patientId && e.data.outcome === 'OK')).toBe(true);
    } finally {
      await store.close();
    }
  });
});

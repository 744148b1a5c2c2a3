/**
 * SIGTERM and SIGINT: the real server (src/main.ts, a child process) stops accepting, finishes what is in
 * flight, ends subscriptions, writes the access log out, closes its stores and exits 0 within its bound
 * (past SHUTDOWN_TIMEOUT_MS it would exit 1), on the embedded SQLite store and on KurrentDB (the
 * EventStoreDB test server, in this process, outlives the server); also during start-up. A second
 * signal exits at once.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createKurrentDbEventStore } from '../../src/eventstore/kurrentdb';
import type { EventStore } from '../../src/eventstore/port';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { signToken } from '../../src/graphql/auth/tokens';
import { recordRealisticHistory } from '../../bench/support/dataset';
import { leftLegCase, operation, patientInput } from '../support/case-steps';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb-test-server';
import { quickToConnect } from '../support/esdb-test-server/adapter-fixture';
import { dropDatabase, MONGODB_SKIP_REASON, mongoTestUrl, uniqueDatabaseName } from '../support/mongo-test-database';
import { spawnServerProcess, type SpawnedServer } from '../support/server-process';
import { TEST_SECRET } from '../support/test-app';

jest.setTimeout(120_000);

type Gql = { data?: Record<string, { id?: string; eventIds?: string[]; patient?: { id: string } } | null>; errors?: unknown[] };

async function gql(url: string, token: string, query: string, variables: object): Promise<Gql> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Gql;
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-term-'));
let esdb: EsdbTestServer | null = null;
const servers = new Set<SpawnedServer>();
afterEach(() => {
  for (const server of servers) server.child.kill('SIGKILL');
  servers.clear();
});
afterAll(async () => {
  await esdb?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

interface Backend {
  name: string;
  env(dataDir: string): Record<string, string>;
  open(dataDir: string): EventStore;
}

const backends: Backend[] = [
  {
    name: 'SQLite',
    env: (dataDir) => ({ DATA_DIR: dataDir }),
    open: (dataDir) => createSqliteEventStore({ path: path.join(dataDir, 'events.sqlite'), catchUpWorkerFrom: false }),
  },
  {
    name: 'KurrentDB (EventStoreDB test server)',
    env: (dataDir) => ({ DATA_DIR: dataDir, EVENTSTORE_URL: quickToConnect(esdb!.url) }),
    open: () => createKurrentDbEventStore({ url: quickToConnect(esdb!.url) }),
  },
];

/**
 * Not NODE_ENV=test (jest's, which the child would inherit): Apollo Server installs its own signal
 * handlers unless NODE_ENV is test, and those are what made a server that had served reads never exit.
 */
function spawn(env: Record<string, string>): SpawnedServer {
  const server = spawnServerProcess({ JWT_SECRET: TEST_SECRET, NODE_ENV: 'development', ...env });
  servers.add(server);
  return server;
}

async function listening(server: SpawnedServer): Promise<string> {
  return (await server.waitFor(/"url":"(http:\/\/[^"]+)\/graphql"/))[1]!;
}

const clinician = (sub: string) => signToken(TEST_SECRET, { sub, name: 'Dr Term', roles: ['CLINICIAN'], facilities: ['F1'] });

/** A registered patient with one open case. */
async function openCase(url: string, token: string): Promise<{ patientId: string; caseId: string }> {
  const registered = await gql(url, token, operation('RegisterPatient'), { input: patientInput('F1') });
  const patientId = registered.data!.registerPatient!.patient!.id;
  const caseId = randomUUID();
  const opened = await gql(url, token, operation('OpenCase'), { input: leftLegCase(caseId, patientId, new Date()).open });
  expect(opened.errors).toBeUndefined();
  return { patientId, caseId };
}

describe.each(backends)('SIGTERM on $name', (backend) => {
  let dataDir: string;
  beforeAll(async () => {
    esdb ??= await startEsdbTestServer();
  });
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(root, 'data-'));
  });

  it('exits 0 after serving reads, each read in the access log', async () => {
    const server = spawn(backend.env(dataDir));
    const url = await listening(server);
    const token = await clinician('dr-term');
    const { patientId, caseId } = await openCase(url, token);
    await gql(url, token, operation('PatientSummary'), { id: patientId });
    for (let i = 0; i < 5; i++) expect((await gql(url, token, operation('CaseSummary'), { id: caseId })).data?.case?.id).toBe(caseId);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"msg":"stopped"');

    const store = backend.open(dataDir);
    try {
      // The queries' reads (the mutations' answers, logged too, are the setup's).
      const reads = (await store.readAll({ filter: { streamPrefix: 'access-' } })).filter(
        (e) => e.metadata.actor.id === 'dr-term' && ['case', 'patient'].includes(String(e.data.operation)),
      );
      expect(reads.map((e) => `${e.data.operation}:${e.data.outcome}`).sort()).toEqual([
        'case:OK',
        'case:OK',
        'case:OK',
        'case:OK',
        'case:OK',
        'patient:OK',
      ]);
    } finally {
      await store.close();
    }
  });

  it('exits 0 with a live caseUpdated subscription open over graphql-ws, and ends it', async () => {
    const server = spawn(backend.env(dataDir));
    const url = await listening(server);
    const token = await clinician('dr-sub');
    const { patientId, caseId } = await openCase(url, token);

    const client = createClient({
      url: url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {}, // the close at shutdown is expected (and checked below); the default logs it
    });
    const updates: number[] = [];
    let firstUpdate: () => void = () => {};
    const updated = new Promise<void>((resolve) => (firstUpdate = resolve));
    const ended = new Promise<string>((resolve) => {
      client.subscribe<{ caseUpdated: { revision: number } }>(
        { query: 'subscription($id: ID!) { caseUpdated(caseId: $id) { revision } }', variables: { id: caseId } },
        {
          next: (message) => {
            if (message.data) updates.push(message.data.caseUpdated.revision);
            firstUpdate();
          },
          error: (error) => resolve(`closed ${(error as { code?: number }).code ?? String(error)}`),
          complete: () => resolve('complete'),
        },
      );
    });
    // Live: a write reaches the subscriber before the signal.
    for (let attempt = 0; updates.length === 0 && attempt < 50; attempt++) {
      await gql(url, token, operation('RecordDopplerAssessment'), { input: leftLegCase(caseId, patientId, new Date()).doppler });
      await Promise.race([updated, new Promise((r) => setTimeout(r, 100))]);
    }
    expect(updates.length).toBeGreaterThan(0);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await ended).toMatch(/^(complete|closed 1001)$/);
    await client.dispose();
  });

  it('exits 0 during a write burst, keeping every write it acknowledged', async () => {
    const server = spawn(backend.env(dataDir));
    const url = await listening(server);
    const token = await clinician('dr-burst');
    const { patientId, caseId } = await openCase(url, token);
    const input = leftLegCase(caseId, patientId, new Date()).doppler;

    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (): Promise<void> => {
      while (!stop) {
        try {
          const result = await gql(url, token, operation('RecordDopplerAssessment'), { input });
          if (result.data?.recordDopplerAssessment) acknowledged.push(...result.data.recordDopplerAssessment.eventIds!);
        } catch {
          return; // the port is closed: the server no longer accepts
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 10));
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    stop = true;
    await Promise.all(writers);

    const store = backend.open(dataDir);
    try {
      const stored = new Set((await store.readStream(`case-${caseId}`)).map((e) => e.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    } finally {
      await store.close();
    }
  });
});

/**
 * A WebSocket peer that never answers: it neither returns the close frame nor closes its side of the
 * connection, as a stuck client or proxy would.
 */
async function silentWebSocketPeer(base: string): Promise<net.Socket> {
  const url = new URL(base);
  const silent = net.connect({ port: Number(url.port), host: url.hostname, allowHalfOpen: true });
  await new Promise((resolve) => silent.once('connect', resolve));
  const upgraded = new Promise((resolve) => silent.once('data', resolve));
  silent.write(
    [
      'GET /graphql HTTP/1.1',
      `Host: ${url.host}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${Buffer.from(randomUUID().slice(0, 16)).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      'Sec-WebSocket-Protocol: graphql-transport-ws',
      '',
      '',
    ].join('\r\n'),
  );
  expect(String(await upgraded)).toMatch(/^HTTP\/1\.1 101/);
  return silent;
}

/** A TCP relay to the EventStoreDB test server that can stop relaying: the store then hangs rather than fails. */
async function stallableRelay(targetUrl: string): Promise<{ url: string; stall(): void; close(): Promise<void> }> {
  const target = new URL(targetUrl.replace(/^kurrentdb:/, 'http:'));
  const sockets = new Set<net.Socket>();
  let stalled = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (chunk) => !stalled && upstream.write(chunk));
    upstream.on('data', (chunk) => !stalled && client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: targetUrl.replace(`:${target.port}`, `:${port}`),
    stall: () => (stalled = true),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('SIGTERM during start-up, and a second signal', () => {
  it('exits 0 when signalled while the read models are being built from a large store', async () => {
    const dataDir = fs.mkdtempSync(path.join(root, 'large-'));
    const seeded = createSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    await recordRealisticHistory({ store: seeded, seed: 13, events: 40_000 });
    await seeded.close();

    // Small batches, so that building the read models takes a while even on a fast machine.
    const server = spawn({ DATA_DIR: dataDir, PROJECTION_BATCH_SIZE: '50' });
    await server.waitFor(/"msg":"building read models"/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"msg":"stopped during start-up"');
    expect(server.output()).not.toContain('"msg":"read models built"');
  });

  it('cuts a peer that never answers after the grace (half the bound) and still exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(root, 'grace-'));
    const server = spawn({ DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: '3000' });
    const silent = await silentWebSocketPeer(await listening(server));
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"msg":"stopped"');
    silent.destroy();
  });

  it('exits 1 once its bound has passed, when a read waits for a store that stopped answering', async () => {
    esdb ??= await startEsdbTestServer();
    const relay = await stallableRelay(quickToConnect(esdb.url));
    try {
      const dataDir = fs.mkdtempSync(path.join(root, 'bound-'));
      const server = spawn({ DATA_DIR: dataDir, EVENTSTORE_URL: relay.url, SHUTDOWN_TIMEOUT_MS: '1500' });
      const url = await listening(server);
      const token = await clinician('dr-bound');
      const { caseId } = await openCase(url, token);
      relay.stall();
      // Its access record cannot be written: the read waits (and never answers with the case).
      const read = gql(url, token, operation('CaseSummary'), { id: caseId }).then(
        (answer) => answer.data?.case ?? null,
        () => null,
      );
      await new Promise((r) => setTimeout(r, 300));
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 1, signal: null });
      expect(server.output()).toContain('"msg":"shutdown did not finish in time: exiting"');
      expect(await read).toBeNull();
    } finally {
      await relay.close();
    }
  });

  it('exits at once on a second signal while the first shutdown waits', async () => {
    const dataDir = fs.mkdtempSync(path.join(root, 'second-'));
    // A minute's bound: the shutdown waits half of it for a WebSocket peer that never answers its close.
    const server = spawn({ DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: '60000' });
    const silent = await silentWebSocketPeer(await listening(server));

    server.child.kill('SIGTERM');
    await server.waitFor(/"msg":"shutting down"/);
    await new Promise((r) => setTimeout(r, 300)); // the first shutdown is waiting for the silent peer
    expect(server.child.exitCode).toBeNull();
    server.child.kill('SIGINT');
    expect(await server.exited).toEqual({ code: 130, signal: null });
    expect(server.output()).toContain('"msg":"second signal: exiting at once"');
    silent.destroy();
  });
});

const mongoUrl = mongoTestUrl();
if (!mongoUrl) console.warn(`MongoDB shutdown tests skipped: ${MONGODB_SKIP_REASON}`);
const describeMongo = mongoUrl ? describe : describe.skip;

describeMongo(`SIGTERM with MongoDB read models${mongoUrl ? '' : ` (skipped: ${MONGODB_SKIP_REASON})`}`, () => {
  const databases: string[] = [];
  afterAll(async () => {
    for (const database of databases) await dropDatabase(mongoUrl!, database);
  });
  const freshDatabase = (): string => {
    const database = uniqueDatabaseName('term');
    databases.push(database);
    const url = new URL(mongoUrl!);
    url.pathname = `/${database}`;
    return url.toString();
  };

  it('exits 0 after serving reads', async () => {
    const dataDir = fs.mkdtempSync(path.join(root, 'mongo-'));
    const server = spawn({ DATA_DIR: dataDir, MONGODB_URL: freshDatabase() });
    const url = await listening(server);
    const token = await clinician('dr-mongo');
    const { caseId } = await openCase(url, token);
    expect((await gql(url, token, operation('CaseSummary'), { id: caseId })).data?.case?.id).toBe(caseId);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });

  it('exits 0 when signalled mid-rebuild, and the next start rebuilds and serves', async () => {
    const dataDir = fs.mkdtempSync(path.join(root, 'mongo-rebuild-'));
    const seeded = createSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    await recordRealisticHistory({ store: seeded, seed: 17, events: 5_000 });
    const [opened] = await seeded.readAll({ filter: { types: ['CaseOpened'] }, maxCount: 1 });
    await seeded.close();
    const caseId = String(opened!.data.caseId);
    const readModels = freshDatabase();

    // No checkpoint in a fresh database: every projection is rebuilt (blue/green) at start.
    const first = spawn({ DATA_DIR: dataDir, MONGODB_URL: readModels });
    await first.waitFor(/"msg":"rebuilding projection"/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.output()).toContain('"msg":"stopped during start-up"');

    const second = spawn({ DATA_DIR: dataDir, MONGODB_URL: readModels });
    const url = await listening(second);
    const token = await signToken(TEST_SECRET, {
      sub: 'aud-1',
      name: 'Ann Auditor',
      roles: ['AUDITOR'],
      facilities: [String(opened!.data.facilityId)],
    });
    expect((await gql(url, token, operation('CaseSummary'), { id: caseId })).data?.case?.id).toBe(caseId);
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });
});

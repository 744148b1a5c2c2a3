/**
 * Several real servers (src/main.ts, child processes) over one EventStoreDB test server (in this process)
 * and one MongoDB database (FerretDB in CI): what an operator gets with `docker compose up --scale api=3`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { createClient, type Client } from 'graphql-ws';
import { MongoClient } from 'mongodb';
import WebSocket from 'ws';

import { signToken } from '../../src/graphql/auth/tokens';
import { leftLegCase, operation, patientInput } from '../support/case-steps';
import { MONGODB_SKIP_REASON, mongoTestUrl } from '../support/mongo-test-database';
import { spawnServerProcess, type SpawnedServer } from '../support/server-process';
import { TEST_SECRET } from '../support/test-app';

export const mongoUrl = mongoTestUrl();

/**
 * The suite needs a MongoDB server: without MONGODB_URL it is skipped, saying so, except under CI=true,
 * where a missing server is a failure (CI starts FerretDB before `npm test`).
 */
export function describeMultiInstance(title: string, body: () => void): void {
  if (mongoUrl) return describe(title, body);
  if (process.env.CI === 'true') {
    describe(title, () => {
      test('needs MONGODB_URL (CI starts FerretDB with .ci/ferretdb.sh)', () => {
        throw new Error(`multi-instance suite cannot run: ${MONGODB_SKIP_REASON}`);
      });
    });
    return;
  }
  console.warn(`multi-instance suite skipped: ${MONGODB_SKIP_REASON}`);
  describe.skip(`${title} (skipped: ${MONGODB_SKIP_REASON})`, body);
}

/** The database's URL: `mongodb://host:port/` + name (keeping any query string). */
export function databaseUrl(database: string): string {
  const url = new URL(mongoUrl!);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface Instance {
  name: string;
  server: SpawnedServer;
  url: string;
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-multi-'));
export const removeTempFiles = (): void => fs.rmSync(root, { recursive: true, force: true });

/**
 * Not NODE_ENV=test (jest's, which the child would inherit): the server must own its signals, as in
 * production. Short lease timings would hide a slow handover: the defaults are what is tested.
 */
export function spawnInstance(name: string, env: Record<string, string>): SpawnedServer {
  const dataDir = fs.mkdtempSync(path.join(root, `${name}-`));
  return spawnServerProcess({ JWT_SECRET: TEST_SECRET, NODE_ENV: 'development', DATA_DIR: dataDir, ...env });
}

export async function listening(name: string, server: SpawnedServer): Promise<Instance> {
  const url = (await server.waitFor(/"url":"(http:\/\/[^"]+)\/graphql"/, 90_000))[1]!;
  return { name, server, url };
}

/** SIGTERM, and the exit it must lead to within 10 s. */
export async function terminate(server: SpawnedServer): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = Date.now();
  server.child.kill('SIGTERM');
  const exit = await Promise.race([server.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000))]);
  if (exit === null) {
    server.child.kill('SIGKILL');
    return { code: null, signal: null, ms: Date.now() - started };
  }
  return { ...exit, ms: Date.now() - started };
}

export type Gql = { data?: Record<string, any> | null; errors?: Array<{ message: string }> }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function gql(url: string, token: string, query: string, variables: object): Promise<Gql> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Gql;
}

export const clinician = (sub = 'dr-scale') => signToken(TEST_SECRET, { sub, name: 'Dr Scale', roles: ['CLINICIAN'], facilities: ['F1'] });

/** A registered patient with one open case, through `url`. */
export async function openCase(url: string, token: string): Promise<{ patientId: string; caseId: string }> {
  const registered = await gql(url, token, operation('RegisterPatient'), { input: patientInput('F1') });
  const patientId = registered.data!.registerPatient.patient.id as string;
  const caseId = randomUUID();
  const opened = await gql(url, token, operation('OpenCase'), { input: leftLegCase(caseId, patientId, new Date()).open });
  if (opened.errors) throw new Error(`openCase: ${JSON.stringify(opened.errors)}`);
  return { patientId, caseId };
}

/** One more Doppler assessment on the case: answers the case's new revision (null when the write failed). */
export async function recordDoppler(url: string, token: string, caseId: string, patientId: string): Promise<number | null> {
  const result = await gql(url, token, operation('RecordDopplerAssessment'), { input: leftLegCase(caseId, patientId, new Date()).doppler });
  return (result.data?.recordDopplerAssessment?.revision as number | undefined) ?? null;
}

export async function caseRevision(url: string, token: string, caseId: string): Promise<number | null> {
  const result = await gql(url, token, operation('CaseSummary'), { id: caseId });
  return (result.data?.case?.revision as number | undefined) ?? null;
}

export interface Watch {
  client: Client;
  /** Revisions delivered, in order. */
  revisions: number[];
}

export function watchCase(url: string, token: string, caseId: string): Watch {
  const client = createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
  });
  const watch: Watch = { client, revisions: [] };
  client.subscribe<{ caseUpdated: { revision: number } }>(
    { query: 'subscription($id: ID!) { caseUpdated(caseId: $id) { revision } }', variables: { id: caseId } },
    { next: (message) => message.data && watch.revisions.push(message.data.caseUpdated.revision), error: () => {}, complete: () => {} },
  );
  return watch;
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Documents per read-model collection of the database, read directly. */
export async function countDocuments(database: string, collections: readonly string[]): Promise<Record<string, number>> {
  const client = new MongoClient(mongoUrl!, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.connect();
    const counts: Record<string, number> = {};
    for (const name of collections) counts[name] = await client.db(database).collection(name).countDocuments({});
    return counts;
  } finally {
    await client.close();
  }
}

/** Whether the instance's log says it holds `projection`'s lease now (acquired, and not lost since). */
export function holdsLease(instance: Instance, projection: string): boolean {
  let holds = false;
  for (const line of instance.server.output().split('\n')) {
    if (!line.startsWith('{') || !line.includes(`"projection":"${projection}"`)) continue;
    if (line.includes('projection lease acquired')) holds = true;
    else if (line.includes('projection lease lost') || line.includes('lease lost')) holds = false;
  }
  return holds;
}

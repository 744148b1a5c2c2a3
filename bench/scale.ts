/**
 * Capacity as instances are added: 1, 2 and 3 servers (`dist/src/main.js`, production settings) over
 * one EventStoreDB test server (in this process) and one MongoDB database (FerretDB here), each run on a
 * fresh database. Clients spread over the instances record Doppler assessments (mutations, each waiting
 * for its read-your-writes) and read case summaries; reported per instance count: writes/s, reads/s,
 * p50/p99 of each, answers that came back stale, and the projection lag sampled from `/ready`.
 *
 *   npm run -s bench:scale -- --mongodb-url mongodb://127.0.0.1:27018/ [--instances 1,2,3] [--duration 15]
 *                              [--connections 16] [--reads-per-write 3]
 *
 * On a machine with few cores (these have 2, shared by the instances, the event store, FerretDB and
 * the load generator) the figure is bounded by CPU: `cpuBound` reports the cores and the load average.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { MongoClient } from 'mongodb';

import { parse, print, type OperationDefinitionNode } from 'graphql';

import { startEsdbTestServer } from '../test/support/esdb-test-server';
import { benchToken, celltrailEnv } from './support/celltrail-env';
import { integerOption, readArgs } from './support/args';
import { percentile, printJson, progress, round, runMain } from './support/output';

const ROOT = path.join(__dirname, '..', '..');

const operations = parse(fs.readFileSync(path.join(ROOT, 'schema/operations.graphql'), 'utf8'));
/** One operation of the client contract (schema/operations.graphql), as clients send it. */
function operation(name: string): string {
  const def = operations.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && d.name?.value === name);
  if (!def) throw new Error(`no operation ${name} in operations.graphql`);
  return print(def);
}

/** The Doppler mutation, asking whether its answer waited out the read-your-writes bound. */
const RECORD_DOPPLER = 'mutation ($input: RecordDopplerAssessmentInput!) { recordDopplerAssessment(input: $input) { revision stale } }';

const DAY = 24 * 3600_000;
const patientInput = {
  facilityId: 'F1',
  mrn: 'MRN-BENCH',
  givenName: 'Bench',
  familyName: 'Patient',
  birthDate: '1950-01-01',
  sex: 'FEMALE',
};
/** A one-leg case opened 100 days before a harvest 10 days ago, and a Doppler assessment 90 days before it (as test/support/case-steps.ts). */
function caseInputs(caseId: string, patientId: string) {
  const harvestAt = Math.floor((Date.now() - 10 * DAY) / DAY) * DAY + 8 * 3600_000;
  return {
    open: {
      caseId,
      patientId,
      legs: ['LEFT'],
      occurredAt: new Date(harvestAt - 100 * DAY).toISOString(),
      diagnosisCode: 'I70.222',
      rutherfordCategory: 4,
      revascularizationNotPossible: true,
      amputationOnlyAlternative: true,
    },
    doppler: {
      caseId,
      occurredAt: new Date(harvestAt - 90 * DAY).toISOString(),
      leg: 'LEFT',
      brachialLeftMmHg: 130,
      brachialRightMmHg: 128,
      dorsalisPedisMmHg: 45,
      posteriorTibialMmHg: 40,
    },
  };
}

interface Instance {
  child: ChildProcess;
  url: string;
}

function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--max-semi-space-size=64', path.join(ROOT, 'dist/src/main.js')], {
    env: { ...process.env, ...env, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`instance did not start:\n${output}`)), 120_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output);
      if (match && output.length < 1e6) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.once('exit', (code) => reject(new Error(`instance exited with ${String(code)}:\n${output}`)));
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of several operations, read by field
type Answer = { data?: any; errors?: unknown[] };

async function gql(url: string, token: string, query: string, variables: object): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

runMain(async () => {
  const args = readArgs({
    'mongodb-url': { type: 'string' },
    instances: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    'reads-per-write': { type: 'string' },
  });
  const mongoUrl = args['mongodb-url'] ?? process.env.MONGODB_URL ?? '';
  if (!mongoUrl) throw new Error('give --mongodb-url (or MONGODB_URL): several instances share a MongoDB read model');
  const counts = (args.instances ?? '1,2,3').split(',').map(Number);
  const durationS = integerOption(args.duration, 'duration', 15);
  const connections = integerOption(args.connections, 'connections', 16);
  const readsPerWrite = integerOption(args['reads-per-write'], 'reads-per-write', 3);
  const esdb = await startEsdbTestServer();
  const token = await benchToken(['CLINICIAN']);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-scale-'));
  const results = [];
  try {
    for (const count of counts) {
      const database = `celltrail_bench_scale_${randomBytes(4).toString('hex')}`;
      const url = new URL(mongoUrl);
      url.pathname = `/${database}`;
      progress(`${count} instance(s): starting`);
      const instances = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          startInstance(
            celltrailEnv({ dataDir: fs.mkdtempSync(path.join(root, `i${i}-`)), eventStoreUrl: esdb.url, mongodbUrl: url.toString() }),
          ),
        ),
      );
      try {
        // One case per connection, opened through the first instance.
        const registered = await gql(instances[0]!.url, token, operation('RegisterPatient'), { input: patientInput });
        const patientId = registered.data.registerPatient.patient.id as string;
        const cases: string[] = [];
        for (let i = 0; i < connections; i++) {
          const caseId = randomUUID();
          await gql(instances[0]!.url, token, operation('OpenCase'), { input: caseInputs(caseId, patientId).open });
          cases.push(caseId);
        }
        const writes: number[] = [];
        const reads: number[] = [];
        let stale = 0;
        let errors = 0;
        let maxLag = 0;
        const end = performance.now() + durationS * 1000;
        const sampler = (async () => {
          while (performance.now() < end) {
            for (const instance of instances) {
              const ready = (await (await fetch(`${instance.url}/ready`)).json().catch(() => null)) as { lag?: { events: number } } | null;
              maxLag = Math.max(maxLag, ready?.lag?.events ?? 0);
            }
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        })();
        progress(`${count} instance(s): ${connections} connections for ${durationS} s`);
        const load0 = os.loadavg()[0];
        await Promise.all(
          cases.map(async (caseId, i) => {
            const instance = instances[i % count]!;
            const doppler = caseInputs(caseId, patientId).doppler;
            while (performance.now() < end) {
              let started = performance.now();
              const written = await gql(instance.url, token, RECORD_DOPPLER, { input: doppler });
              writes.push(performance.now() - started);
              if (written.errors) errors++;
              else if (written.data?.recordDopplerAssessment?.stale) stale++;
              for (let r = 0; r < readsPerWrite; r++) {
                started = performance.now();
                const read = await gql(instance.url, token, operation('CaseSummary'), { id: caseId });
                reads.push(performance.now() - started);
                if (read.errors) errors++;
              }
            }
          }),
        );
        await sampler;
        const w = sorted(writes);
        const r = sorted(reads);
        results.push({
          instances: count,
          writesPerSecond: round(writes.length / durationS),
          readsPerSecond: round(reads.length / durationS),
          writeMs: { p50: round(percentile(w, 50)), p99: round(percentile(w, 99)) },
          readMs: { p50: round(percentile(r, 50)), p99: round(percentile(r, 99)) },
          staleWrites: stale,
          errors,
          maxProjectionLagEvents: maxLag,
          cpuBound: { cores: os.cpus().length, loadAverage1m: round(os.loadavg()[0] ?? 0, 2), loadAverageAtStart: round(load0 ?? 0, 2) },
        });
      } finally {
        await Promise.all(
          instances.map(
            (instance) =>
              new Promise<void>((resolve) => {
                instance.child.once('exit', () => resolve());
                instance.child.kill('SIGTERM');
              }),
          ),
        );
        const client = new MongoClient(mongoUrl);
        await client
          .connect()
          .then(() => client.db(database).dropDatabase())
          .catch(() => {});
        await client.close();
      }
    }
  } finally {
    await esdb.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
  printJson({
    benchmark: 'scale',
    durationSeconds: durationS,
    connections,
    readsPerWrite,
    results,
    bound:
      'CPU: every instance, the EventStoreDB test server, FerretDB and the load generator share this machine; a write is also bounded by the projection owner (one per projection) and FerretDB, whose every _id lookup scans its SQLite table',
  });
});

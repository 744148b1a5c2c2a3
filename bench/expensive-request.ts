/**
 * How long the most expensive request the cost limit allows holds the server, measured by how late
 * `GET /health` answers meanwhile (the review found 15 aliased caseAsOf of a 390-entry case answering
 * 60 MB in 1.6 s and stalling /health for 1.3 s). The case: one leg, 390 entries with long target lists.
 *
 *   node dist/bench/expensive-request.js [--entries 390] [--rounds 5] [--aliases 2] [--profile FILE.cpuprofile]
 *
 * `--profile` writes a V8 CPU profile of the server during the allowed rounds (read it with profile-summary.js).
 *
 * It also sends the request the review sent (15 aliases), which the cost limit must refuse at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { handleCommand } from '../src/commands/command-handler';
import { caseDecider, patientDecider } from '../src/commands/deciders';
import type { CaseCommand } from '../src/domain/case-commands';
import { caseStream, patientStream } from '../src/domain/events';
import { createSqliteEventStore } from '../src/eventstore/sqlite';
import { integerOption, readArgs } from './support/args';
import { benchToken, celltrailEnv } from './support/celltrail-env';
import { startChildServer } from './support/child-server';
import { printJson, progress, runMain } from './support/output';

const DAY = 86_400_000;

async function recordLargeCase(file: string, entries: number): Promise<string> {
  const store = createSqliteEventStore({ path: file });
  const deps = { store, clock: () => new Date() };
  const actor = { id: 'bench-dr', name: 'Bench Doctor', role: 'CLINICIAN' };
  let n = 0;
  const meta = () => ({ commandId: `bench-${n++}`, actor, correlationId: 'bench' });
  const patientId = '00000000-0000-4000-8000-00000000b001';
  const caseId = '00000000-0000-4000-8000-00000000c001';
  const start = Date.now() - 300 * DAY;
  const at = (i: number) => new Date(start + i * 60_000).toISOString();
  await handleCommand(
    deps,
    patientStream(patientId),
    patientDecider({ facilities: ['F1'], maxClockSkewMs: 0 }),
    {
      type: 'RegisterPatient',
      data: { patientId, facilityId: 'F1', mrn: 'B-1', givenName: 'Bench', familyName: 'Patient', birthDate: '1950-01-01', sex: 'OTHER' },
    },
    meta(),
  );
  const decider = caseDecider({ facilities: ['F1'], maxClockSkewMs: 0 });
  const run = (command: CaseCommand) => handleCommand(deps, caseStream(caseId), decider, command, meta());
  const targets = Array.from({ length: 40 }, (_, i) => `segment ${i} of the posterior tibial artery, distal third`);
  await run({
    type: 'OpenCase',
    occurredAt: at(0),
    data: {
      caseId,
      patientId,
      facilityId: 'F1',
      legs: ['LEFT'],
      diagnosisCode: 'I70.222',
      rutherfordCategory: 5,
      fontaineStage: null,
      revascularizationNotPossible: true,
      amputationOnlyAlternative: true,
      harvestPlanned: true,
    },
  });
  await run({
    type: 'RecordHarvest',
    occurredAt: at(1),
    data: { site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE', sides: 'BILATERAL', aspirateVolumeMl: 240, needle: null },
  } as CaseCommand);
  await run({
    type: 'RecordCellConcentration',
    occurredAt: at(2),
    data: {
      method: 'CENTRIFUGATION',
      inputVolumeMl: 240,
      concentrateVolumeMl: 40,
      device: null,
      totalNucleatedCells: null,
      cd34Cells: null,
    },
  } as CaseCommand);
  for (let i = 3; i < entries; i++) {
    await run(
      i % 2 === 0
        ? ({
            type: 'RecordInjection',
            occurredAt: at(3),
            data: {
              leg: 'LEFT',
              route: 'INTRAMUSCULAR',
              injectionCount: 2,
              totalVolumeMl: 1,
              targetSegments: targets,
              ultrasoundGuided: true,
            },
          } as CaseCommand)
        : ({
            type: 'RecordAngiography',
            occurredAt: at(0),
            data: { leg: 'LEFT', findings: targets.map((segment) => ({ segment, kind: 'STENOSIS', severityPercent: 80 })) },
          } as CaseCommand),
    );
  }
  await store.close();
  return caseId;
}

/** Polls /health every 5 ms while `during` runs; the slowest answers show how long the event loop was held. */
async function healthDuring(url: string, during: () => Promise<unknown>) {
  const latencies: number[] = [];
  let running = true;
  let resets = 0;
  const poller = (async () => {
    while (running) {
      const t0 = performance.now();
      // A reset connection is counted, not thrown: the server closes a kept-alive socket whose idle timer
      // ran out while its event loop was held, which is this bench's finding, not its failure.
      await fetch(`${url}/health`).then(
        (response) => response.text(),
        () => resets++,
      );
      latencies.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const t0 = performance.now();
  const body = await during();
  const requestMs = performance.now() - t0;
  running = false;
  await poller;
  latencies.sort((a, b) => a - b);
  return {
    requestMs,
    body,
    healthMaxMs: latencies[latencies.length - 1] ?? 0,
    healthP50Ms: latencies[Math.floor(latencies.length / 2)] ?? 0,
    healthSamples: latencies.length,
    healthResets: resets,
  };
}

async function main(): Promise<void> {
  const args = readArgs({
    entries: { type: 'string' },
    rounds: { type: 'string' },
    aliases: { type: 'string' },
    profile: { type: 'string' },
  });
  const entries = integerOption(args.entries, 'entries', 390);
  const rounds = integerOption(args.rounds, 'rounds', 5);
  const aliases = integerOption(args.aliases, 'aliases', 2);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-bench-expensive-'));
  try {
    const caseId = await recordLargeCase(path.join(dataDir, 'events.sqlite'), entries);
    progress(`recorded a case of ${entries} entries`);
    const server = await startChildServer({ kind: 'celltrail', env: celltrailEnv({ dataDir }) });
    try {
      const token = await benchToken(['AUDITOR']);
      const query = (n: number) =>
        `query { ${Array.from({ length: n }, (_, i) => `a${i}: caseAsOf(caseId: "${caseId}", at: "${new Date().toISOString()}") { id status injections { targetSegments } angiographies { findings { segment } } compliance { findings { rule message } } amendments { reason } }`).join(' ')} }`;
      const send = async (n: number) => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: query(n) }),
        });
        const text = await response.text();
        return { status: response.status, bytes: text.length, refused: text.includes('costs too much') };
      };
      const allowed = [];
      if (args.profile) await server.startProfile();
      for (let r = 0; r < rounds; r++) allowed.push(await healthDuring(server.url, () => send(aliases)));
      if (args.profile) await server.stopProfile(args.profile);
      const refused = await healthDuring(server.url, () => send(15));
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      printJson({
        bench: 'expensive-request',
        caseEntries: entries,
        allowed: {
          aliases,
          answerBytes: (allowed[0]?.body as { bytes: number }).bytes,
          requestMsMedian: Math.round(median(allowed.map((a) => a.requestMs))),
          healthMaxMsMedian: Math.round(median(allowed.map((a) => a.healthMaxMs))),
          healthMaxMsWorst: Math.round(Math.max(...allowed.map((a) => a.healthMaxMs))),
          healthP50Ms: Math.round(median(allowed.map((a) => a.healthP50Ms))),
          healthResets: allowed.reduce((sum, a) => sum + a.healthResets, 0),
        },
        fifteenAliases: {
          refused: (refused.body as { refused: boolean }).refused,
          requestMs: Math.round(refused.requestMs),
          healthMaxMs: Math.round(refused.healthMaxMs),
        },
      });
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runMain(main);

/**
 * Write throughput and latency: 32 connections recording clinical steps (Doppler, angiography, harvest,
 * concentration, injection, outcome) across many cases, against a bare Apollo server in the same run.
 *
 *   node dist/bench/write.js [--connections 32] [--duration 10] [--warmup 3] [--rounds 1] [--cases 4000]
 *                            [--eventstore-url kurrentdb://…  |  --esdb-test-server] [--profile FILE.cpuprofile]
 *
 * --rounds N alternates N measurements of each server (the ratio is the median of the rounds' ratios).
 * --profile FILE.cpuprofile writes a V8 CPU profile of the celltrail server over the measured rounds
 * (read it with profile-summary.js).
 *
 * Processes: autocannon runs here, each server in a child process of its own (2 cores: the load
 * generator and the server must not share one event loop, or each would slow the other down).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKurrentDbEventStore } from '../src/eventstore/kurrentdb/kurrentdb-event-store';
import { createSqliteEventStore } from '../src/eventstore/sqlite';
import type { EventStore } from '../src/eventstore/port';
import type { Leg } from '../src/domain/values';
import { integerOption, LOAD_OPTIONS, loadOptions, numberOption, readArgs } from './support/args';
import { BARE_BASELINE } from './support/bare-apollo';
import { arrivals } from './support/dataset';
import type { CasePlan } from './support/case-plans';
import { benchToken, celltrailEnv } from './support/celltrail-env';
import { startChildServer, type ChildServer } from './support/child-server';
import { compareServers, reported } from './support/compare';
import { writeCases } from './support/event-writer';
import { bodyFor, operation } from './support/operations';
import { printJson, progress, runMain } from './support/output';
import { createRandom, type Random } from './support/prng';

const DAY = 24 * 3600_000;

type Step = 'doppler' | 'angiography' | 'harvest' | 'concentration' | 'injection' | 'outcome';

/** Shares of the mix. Harvest and concentration go to a fresh case each time (once per case). */
const MIX: ReadonlyArray<[Step, number]> = [
  ['doppler', 0.2],
  ['angiography', 0.15],
  ['harvest', 0.1],
  ['concentration', 0.1],
  ['injection', 0.15],
  ['outcome', 0.3],
];

interface Pools {
  /** Every case: Doppler, angiography and outcomes may be recorded any number of times. */
  all: CasePlan[];
  /** Cases with a planned harvest not yet recorded: each takes one harvest. */
  awaitingHarvest: CasePlan[];
  /** Cases whose cells were harvested elsewhere, no concentration yet: each takes one concentration. */
  awaitingConcentration: CasePlan[];
  /** Cases with a concentration: injections may be recorded any number of times. */
  concentrated: CasePlan[];
}

async function populate(store: EventStore, random: Random, sizes: { open: number; oneShot: number; concentrated: number }): Promise<Pools> {
  const now = Date.now();
  // Opened some days ago (harvest due in ~3 months); concentrated ones had their procedure yesterday.
  const openPlans = [
    ...arrivals(random, { count: sizes.open, from: now + 80 * DAY, to: now + 85 * DAY, shape: 'oneLeg', stage: 'opened' }),
  ];
  const elsewherePlans = [
    ...arrivals(random, { count: sizes.oneShot, from: now + 80 * DAY, to: now + 85 * DAY, shape: 'harvestElsewhere', stage: 'opened' }),
  ];
  const concentratedPlans = [
    ...arrivals(random, { count: sizes.concentrated, from: now - 3 * DAY, to: now - DAY, shape: 'oneLeg', stage: 'concentrated' }),
  ];
  const plans = [...openPlans, ...elsewherePlans, ...concentratedPlans].sort(
    (a, b) => (a.steps[0]?.recordedAt ?? 0) - (b.steps[0]?.recordedAt ?? 0),
  );
  const stats = await writeCases({ store, random, plans, notAfter: now });
  const complete = (p: CasePlan) => stats.recordedSteps.get(p.caseId) === p.steps.length;
  if (![...openPlans, ...elsewherePlans, ...concentratedPlans].every(complete))
    throw new Error('generator bug: a write-benchmark case was not fully recorded');
  progress(`populated ${stats.events} events (${plans.length} cases)`);
  return {
    all: [...openPlans, ...elsewherePlans, ...concentratedPlans],
    awaitingHarvest: openPlans,
    awaitingConcentration: elsewherePlans,
    concentrated: concentratedPlans,
  };
}

function pickStep(random: Random): Step {
  let r = random.next();
  for (const [step, share] of MIX) {
    r -= share;
    if (r < 0) return step;
  }
  return 'outcome';
}

/** Builds request bodies; one-shot steps take the next unused case, and fall back to an outcome once none is left. */
function createMix(pools: Pools, seed: number) {
  const random = createRandom(seed);
  const body = {
    doppler: bodyFor(operation('RecordDopplerAssessment')),
    angiography: bodyFor(operation('RecordAngiography')),
    harvest: bodyFor(operation('RecordHarvest')),
    concentration: bodyFor(operation('RecordCellConcentration')),
    injection: bodyFor(operation('RecordInjection')),
    outcome: bodyFor(operation('RecordOutcome')),
  };
  const sent: Record<Step, number> = { doppler: 0, angiography: 0, harvest: 0, concentration: 0, injection: 0, outcome: 0 };
  let nextHarvest = 0;
  let nextConcentration = 0;
  let fallbacks = 0;
  const resetCounts = () => {
    for (const key of Object.keys(sent) as Step[]) sent[key] = 0;
    fallbacks = 0;
  };
  const occurredAt = () => new Date(Date.now() - random.int(5, 60) * 60_000).toISOString();
  const legOf = (plan: CasePlan): Leg => plan.legs[0] as Leg;

  function next(): string {
    let step = pickStep(random);
    let plan: CasePlan | undefined;
    if (step === 'harvest') plan = pools.awaitingHarvest[nextHarvest++];
    else if (step === 'concentration') plan = pools.awaitingConcentration[nextConcentration++];
    else if (step === 'injection') plan = random.pick(pools.concentrated);
    else plan = random.pick(pools.all);
    if (!plan) {
      fallbacks++;
      step = 'outcome';
      plan = random.pick(pools.all);
    }
    sent[step]++;
    const caseId = plan.caseId;
    const leg = legOf(plan);
    switch (step) {
      case 'doppler': {
        const brachial = random.int(110, 160);
        return body.doppler({
          input: {
            caseId,
            occurredAt: occurredAt(),
            leg,
            brachialLeftMmHg: brachial,
            brachialRightMmHg: brachial - 4,
            dorsalisPedisMmHg: random.int(20, 70),
            posteriorTibialMmHg: random.int(20, 70),
          },
        });
      }
      case 'angiography':
        return body.angiography({
          input: {
            caseId,
            occurredAt: occurredAt(),
            leg,
            findings: [{ segment: 'posterior tibial, proximal', kind: 'OCCLUSION', severityPercent: 100 }],
          },
        });
      case 'harvest':
        return body.harvest({
          input: {
            caseId,
            occurredAt: occurredAt(),
            site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE',
            sides: 'BILATERAL',
            aspirateVolumeMl: random.int(120, 240),
          },
        });
      case 'concentration':
        return body.concentration({
          input: { caseId, occurredAt: occurredAt(), method: 'CENTRIFUGATION', inputVolumeMl: 240, concentrateVolumeMl: 40 },
        });
      case 'injection':
        return body.injection({
          input: {
            caseId,
            occurredAt: occurredAt(),
            leg,
            route: 'INTRAMUSCULAR',
            injectionCount: random.int(20, 40),
            totalVolumeMl: 40,
            targetSegments: ['posterior tibial, proximal'],
            ultrasoundGuided: true,
          },
        });
      case 'outcome':
        return body.outcome({
          input: {
            caseId,
            occurredAt: occurredAt(),
            leg,
            abi: random.int(30, 90) / 100,
            restPainScore: random.int(0, 8),
            ulcerStatus: 'HEALING',
          },
        });
    }
  }
  return { next, resetCounts, sent: () => ({ ...sent }), fallbacks: () => fallbacks };
}

async function main(): Promise<void> {
  const args = readArgs({
    ...LOAD_OPTIONS,
    cases: { type: 'string' },
    'max-rps': { type: 'string' },
    'eventstore-url': { type: 'string' },
    'esdb-test-server': { type: 'boolean', default: false },
  });
  const { load, seed } = loadOptions(args, 20240601);
  const { connections, durationS, warmupS, rounds } = load;
  // One-shot steps need a fresh case each: enough for this rate over warm-up and every round.
  const maxRps = numberOption(args['max-rps'], 'max-rps', 3000);
  const oneShot = Math.ceil(maxRps * (durationS * rounds + warmupS) * 0.1);
  const open = Math.max(integerOption(args.cases, 'cases', 4000), oneShot);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-bench-write-'));
  let esdb: ChildServer | null = null;
  try {
    if (args['esdb-test-server']) {
      esdb = await startChildServer({ kind: 'esdb-test-server' });
      progress(`EventStoreDB test server (child process) at ${esdb.url}`);
    }
    const eventStoreUrl = esdb?.url ?? args['eventstore-url'];
    const store = eventStoreUrl
      ? await createKurrentDbEventStore({ url: eventStoreUrl })
      : createSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    const random = createRandom(seed);
    let pools: Pools;
    try {
      pools = await populate(store, random, { open, oneShot, concentrated: Math.ceil(open / 2) });
    } finally {
      await store.close();
    }

    const mix = createMix(pools, seed + 1);
    const token = await benchToken(['CLINICIAN']);
    const result = await compareServers({
      ...load,
      baseline: BARE_BASELINE,
      subject: {
        label: eventStoreUrl ? 'celltrail (KurrentDB)' : 'celltrail (SQLite)',
        spec: { kind: 'celltrail', env: celltrailEnv({ dataDir, ...(eventStoreUrl ? { eventStoreUrl } : {}) }) },
        load: { headers: { authorization: `Bearer ${token}` }, nextBody: mix.next },
        onMeasureStart: mix.resetCounts,
        ...(args.profile ? { profileFile: path.resolve(args.profile) } : {}),
      },
    });
    const { ratio } = result;
    const errors = result.subjectTotals.errors + result.subjectTotals.non2xx;
    printJson({
      bench: 'write',
      connections,
      durationS,
      warmupS,
      ...(rounds > 1 ? { roundsMeasured: rounds } : {}),
      eventStore: eventStoreUrl
        ? esdb
          ? 'kurrentdb (EventStoreDB test server, in-memory, child process)'
          : 'kurrentdb'
        : 'sqlite (file, WAL, synchronous=FULL)',
      readStore: 'memory',
      cases: pools.all.length,
      celltrail: reported(result.subject, result.subjectTotals),
      bareApollo: reported(result.baseline, result.baselineTotals),
      ratio,
      ...(rounds > 1 ? { rounds: result.rounds } : {}),
      // Bodies built during the measurement (a few more than were answered: those in flight at the end).
      mix: { built: mix.sent(), oneShotFallbacksToOutcome: mix.fallbacks() },
      ...(esdb
        ? {
            note: 'over the EventStoreDB test server (a stand-in, in memory): the figure is the client and protocol overhead, not EventStoreDB',
          }
        : {}),
      targets: {
        throughputRatio: { target: '>= 0.5', met: ratio >= 0.5 },
        p99Ms: { target: '<= 25', met: result.subject.p99Ms <= 25 },
        errors: { target: '~0 (at most 0.1 %)', met: errors <= result.subjectTotals.requests * 0.001 },
      },
    });
  } finally {
    await esdb?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runMain(main);

/**
 * Rebuild and start-up over a large store of realistic, interleaved cases (generated once into a
 * SQLite file and cached in the temp directory; generation is not measured):
 *   (a) raw read-all rate of the store (every event, in pages, as the projection runner reads them),
 *       and the rate of a read filtered by the case event types (what a blue/green rebuild reads);
 *   (b) rebuilding every projection as the app's start-up does: the projection runner from an empty
 *       memory read store until caught up, or, with --mongodb-url, the blue/green rebuild into MongoDB;
 *   (c) the app's start-up on that store, in a fresh child process (createApp → listening).
 *
 *   node dist/bench/rebuild.js [--events 1000000] [--access-share 0.2] [--batch-size 1000] [--rounds 1]
 *                              [--mongodb-url mongodb://…] [--max-rebuild-seconds 600] [--skip-startup]
 *                              [--profile FILE.cpuprofile]
 *
 * --rounds N (memory only) repeats (a)'s read-all and (b) N times, each rebuild right after its read-all,
 * and reports the round with the median ratio: on a noisy machine one pair can be minutes apart in speed.
 * --profile writes a CPU profile of (b) to FILE and one of the whole start-up process (c) beside it.
 *
 * The memory path reads through the runner's subscription, which the time limit does not cut; the
 * MongoDB path (blue/green, through readAll) stops at the limit and reports the rate of the part done.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { projectionsFor } from '../src/app';
import { DEFAULT_COMPLIANCE_CONFIG } from '../src/compliance';
import { loadConfig } from '../src/config';
import { CASE_EVENT_TYPES } from '../src/domain/events';
import type { EventStore, Position } from '../src/eventstore/port';
import { createSqliteEventStore } from '../src/eventstore/sqlite';
import { createProjectionRunner } from '../src/projection/runner';
import { createMemoryReadStore } from '../src/readstore/memory';
import { createMongoReadStore } from '../src/readstore/mongodb';
import type { ReadStore } from '../src/readstore/port';
import { integerOption, numberOption, readArgs } from './support/args';
import { cachedRealisticStore } from './support/cached-store';
import { celltrailEnv } from './support/celltrail-env';
import { startChildServer } from './support/child-server';
import { startProfiler } from './support/profiler';
import { printJson, progress, round, runMain } from './support/output';

const round3 = (n: number): number => round(n, 3);

const PAGE = 2000; // the SQLite subscription's page size, i.e. what the runner reads per page

async function readAllRate(store: EventStore, filter?: { types: readonly string[] }) {
  const started = performance.now();
  let after: Position | undefined;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ ...(after === undefined ? {} : { after }), maxCount: PAGE, ...(filter ? { filter } : {}) });
    const last = page[page.length - 1];
    if (!last) break;
    events += page.length;
    after = last.position;
  }
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds: round(seconds, 2), eventsPerSec: Math.round(events / seconds) };
}

/** Counts the writes a rebuild makes: how many documents each upsert carries tells how large its batches were. */
function counting(readStore: ReadStore) {
  const counts = { upserts: 0, documents: 0, checkpoints: 0 };
  const wrapped: ReadStore = {
    ...readStore,
    upsertMany(collection, docs) {
      counts.upserts++;
      counts.documents += docs.length;
      return readStore.upsertMany(collection, docs);
    },
    setCheckpoint(name, position) {
      counts.checkpoints++;
      return readStore.setCheckpoint(name, position);
    },
  };
  return { wrapped, counts };
}

class DeadlineExceeded extends Error {
  constructor() {
    super('rebuild time limit reached');
    this.name = 'DeadlineExceeded';
  }
}

/**
 * Counts the events a blue/green rebuild reads (it pages through readAll), and cuts it short at the
 * deadline: a rebuild into a slow read store must not hold the benchmark for hours.
 */
function limitedReads(store: EventStore, deadline: number) {
  const read = { events: 0 };
  const wrapped: EventStore = {
    ...store,
    async readAll(options) {
      if (performance.now() > deadline) throw new DeadlineExceeded();
      const page = await store.readAll(options);
      read.events += page.length;
      return page;
    },
  };
  return { wrapped, read };
}

async function rebuildRate(source: EventStore, target: ReadStore, options: { batchSize: number; totalEvents: number; maxSeconds: number }) {
  const { wrapped: readStore, counts } = counting(target);
  const started = performance.now();
  const { wrapped: store, read } = limitedReads(source, started + options.maxSeconds * 1000);
  const runner = createProjectionRunner({
    store,
    readStore,
    projections: projectionsFor(DEFAULT_COMPLIANCE_CONFIG),
    batchSize: options.batchSize,
  });
  const heapBefore = process.memoryUsage().heapUsed;
  let completed = true;
  try {
    await runner.start();
  } catch (error) {
    if (!(error instanceof DeadlineExceeded)) throw error;
    completed = false;
  }
  const seconds = (performance.now() - started) / 1000;
  const heapAfterMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
  const status = runner.status();
  await runner.stop();
  if (!completed) {
    return {
      completed,
      note: `stopped after ${options.maxSeconds} s (--max-rebuild-seconds): the rate is of the part rebuilt, events read by the blue/green rebuild's readAll pages`,
      seconds: round(seconds, 2),
      eventsRead: read.events,
      eventsPerSec: Math.round(read.events / seconds),
      readStoreWrites: { ...counts, documentsPerUpsert: round(counts.documents / Math.max(1, counts.upserts), 1) },
    };
  }
  return {
    completed,
    seconds: round(seconds, 2),
    eventsPerSec: Math.round(options.totalEvents / seconds),
    caseSummaries: await readStore.count('case-summary'),
    patientSummaries: await readStore.count('patient-summary'),
    deadLetters: status.projections.reduce((sum, p) => sum + p.deadLetters, 0),
    /** Includes garbage not yet collected: an indication, not the read models' size. */
    heapUsedGrowthMb: heapAfterMb,
    readStoreWrites: { ...counts, documentsPerUpsert: round(counts.documents / Math.max(1, counts.upserts), 1) },
  };
}

async function main(): Promise<void> {
  const args = readArgs({
    events: { type: 'string' },
    'access-share': { type: 'string' },
    'batch-size': { type: 'string' },
    'mongodb-url': { type: 'string' },
    'skip-startup': { type: 'boolean', default: false },
    'max-rebuild-seconds': { type: 'string' },
    profile: { type: 'string' },
    seed: { type: 'string' },
    rounds: { type: 'string' },
  });
  const events = integerOption(args.events, 'events', 1_000_000);
  const accessShare = args['access-share'] === '0' ? 0 : numberOption(args['access-share'], 'access-share', 0.2);
  if (accessShare >= 1) throw new RangeError('--access-share must be below 1');
  const batchSize = integerOption(args['batch-size'], 'batch-size', loadConfig({}).projectionBatchSize);
  const seed = integerOption(args.seed, 'seed', 20240603);
  const mongodbUrl = args['mongodb-url'];
  const maxSeconds = numberOption(args['max-rebuild-seconds'], 'max-rebuild-seconds', 600);
  const rounds = mongodbUrl ? 1 : integerOption(args.rounds, 'rounds', 1);

  const cache = await cachedRealisticStore({ events, accessShare, seed });
  const caseEvents = CASE_EVENT_TYPES.reduce((sum, type) => sum + (cache.byType[type] ?? 0), 0);

  const store = createSqliteEventStore({ path: cache.file });
  let readAll;
  let readCaseTypes;
  let rebuild;
  const profileFile = args.profile ? path.resolve(args.profile) : null;
  try {
    progress('(a) reading every event');
    readAll = await readAllRate(store);
    progress(`    ${readAll.eventsPerSec} events/s`);
    readCaseTypes = await readAllRate(store, { types: CASE_EVENT_TYPES });
    progress(`    filtered by case event types: ${readCaseTypes.eventsPerSec} events/s`);

    const profiler = profileFile ? await startProfiler() : null;
    if (mongodbUrl) {
      const database = `celltrail_bench_rebuild_${process.pid}`;
      progress(`(b) rebuilding into MongoDB (database ${database}, batch ${batchSize})`);
      const readStore = await createMongoReadStore({ url: mongodbUrl, database });
      try {
        rebuild = {
          readStore: 'mongodb',
          batchSize,
          ...(await rebuildRate(store, readStore, { batchSize, totalEvents: cache.events, maxSeconds })),
        };
      } finally {
        await readStore.close();
        const client = await MongoClient.connect(mongodbUrl);
        await client
          .db(database)
          .dropDatabase()
          .catch(() => {});
        await client.close();
      }
    } else {
      const measured: { readAll: typeof readAll; rebuild: Awaited<ReturnType<typeof rebuildRate>>; ratio: number }[] = [];
      for (let round = 1; round <= rounds; round++) {
        if (round > 1) {
          progress(`round ${round}/${rounds}: reading every event`);
          readAll = await readAllRate(store);
          progress(`    ${readAll.eventsPerSec} events/s`);
        }
        progress(`(b) rebuilding into the memory read store (batch ${batchSize})`);
        const result = await rebuildRate(store, createMemoryReadStore({ freezeDocuments: false }), {
          batchSize,
          totalEvents: cache.events,
          maxSeconds,
        });
        progress(`    ${result.eventsPerSec} events/s`);
        measured.push({ readAll, rebuild: result, ratio: round3(result.eventsPerSec / readAll.eventsPerSec) });
      }
      const median = [...measured].sort((a, b) => a.ratio - b.ratio)[Math.floor((measured.length - 1) / 2)]!;
      readAll = median.readAll;
      rebuild = {
        readStore: 'memory',
        batchSize,
        ...median.rebuild,
        ...(rounds > 1
          ? {
              rounds: measured.map((m) => ({
                readAllPerSec: m.readAll.eventsPerSec,
                rebuildPerSec: m.rebuild.eventsPerSec,
                ratio: m.ratio,
              })),
            }
          : {}),
      };
    }
    await profiler?.stop(profileFile as string);
    if (mongodbUrl) progress(`    ${rebuild.eventsPerSec} events/s`);
  } finally {
    await store.close();
  }

  let startup = null;
  if (!args['skip-startup']) {
    progress('(c) app start-up in a fresh process');
    const server = await startChildServer(
      { kind: 'celltrail', env: celltrailEnv({ dataDir: cache.dir }) },
      profileFile
        ? {
            execArgv: [
              '--cpu-prof',
              `--cpu-prof-dir=${path.dirname(profileFile)}`,
              `--cpu-prof-name=${path.basename(profileFile, '.cpuprofile')}.startup.cpuprofile`,
            ],
          }
        : {},
    );
    await server.stop();
    const t = server.timings;
    startup = {
      readStore: 'memory',
      createAppToReadyMs: Math.round((t.createAppMs ?? 0) + (t.listenMs ?? 0)),
      moduleLoadMs: Math.round(t.modulesMs ?? 0),
      processStartToReadyMs: Math.round(t.sinceProcessStartMs ?? 0),
      forkToReadyMs: Math.round(server.forkToReadyMs),
    };
    progress(`    createApp → ready ${startup.createAppToReadyMs} ms`);
  }

  const ratio = round(rebuild.eventsPerSec / readAll.eventsPerSec, 3);
  printJson({
    bench: 'rebuild',
    events: cache.events,
    dataset: {
      caseEvents,
      patientEvents: cache.byType.PatientRegistered ?? 0,
      accessEvents: cache.byType.PatientDataAccessed ?? 0,
      casesStarted: cache.casesStarted,
      casesFinished: cache.casesFinished,
      byType: cache.byType,
      cachedIn: cache.dir,
      generationS: cache.cached ? 'cached' : round(cache.generationS, 1),
    },
    readAll,
    readAllCaseTypes: readCaseTypes,
    rebuild,
    rebuildToReadAllRatio: ratio,
    startup,
    targets: {
      rebuildVsReadAll: { target: '>= 0.5', met: ratio >= 0.5 },
      ...(events >= 1_000_000 && !mongodbUrl ? { rebuildEventsPerSec: { target: '>= 100000', met: rebuild.eventsPerSec >= 100_000 } } : {}),
      ...(events >= 1_000_000 && startup ? { startupMs: { target: '< 15000', met: startup.createAppToReadyMs < 15_000 } } : {}),
    },
  });
}

runMain(main);

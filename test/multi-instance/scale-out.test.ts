/**
 * Any number of API instances over one KurrentDB (the EventStoreDB test server) and one MongoDB
 * (FerretDB in CI): instances started together on an empty read model keep every summary; a kill -9
 * of the projections' owner hands over within the default bound and loses no acknowledged write; a
 * subscriber on an instance that was paused receives the final state of every case written through
 * another; SIGTERM ends every instance within 10 s. (A deposed owner's late write being refused is
 * tested on the lease and read store: test/contract/read-store.contract.ts, "leases and fencing".)
 */
import { createKurrentDbEventStore } from '../../src/eventstore/kurrentdb';
import { recordRealisticHistory } from '../../bench/support/dataset';
import { runScript } from '../support/cli-process';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb-test-server';
import { quickToConnect } from '../support/esdb-test-server/adapter-fixture';
import { dropDatabase, uniqueDatabaseName } from '../support/mongo-test-database';
import type { SpawnedServer } from '../support/server-process';
import {
  caseRevision,
  clinician,
  countDocuments,
  databaseUrl,
  describeMultiInstance,
  holdsLease,
  listening,
  mongoUrl,
  openCase,
  recordDoppler,
  removeTempFiles,
  spawnInstance,
  terminate,
  until,
  watchCase,
  type Instance,
  type Watch,
} from './support';

jest.setTimeout(240_000);

const CASE_SUMMARY = 'case-summary';
const PATIENT_SUMMARY = 'patient-summary';
/** The default lease TTL (6 s) plus one renewal interval (2 s), within the 10 s. */
const HANDOVER_BOUND_MS = 10_000;

describeMultiInstance('several instances over one KurrentDB and one MongoDB', () => {
  let esdb: EsdbTestServer;
  const databases: string[] = [];
  const running = new Set<SpawnedServer>();

  beforeAll(async () => {
    esdb = await startEsdbTestServer();
  });
  afterEach(async () => {
    for (const server of running) server.child.kill('SIGKILL');
    running.clear();
  });
  afterAll(async () => {
    await esdb.stop();
    for (const database of databases) await dropDatabase(mongoUrl!, database).catch(() => {});
    removeTempFiles();
  });

  /** Runs after the current test, passed or failed (before its instances are killed). */
  const cleanups: Array<() => void> = [];
  const afterCurrent = (cleanup: () => void): void => {
    cleanups.push(cleanup);
  };
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  const env = (database: string): Record<string, string> => ({
    EVENTSTORE_URL: quickToConnect(esdb.url),
    MONGODB_URL: databaseUrl(database),
  });
  const spawn = (name: string, database: string, extra: Record<string, string> = {}): SpawnedServer => {
    const server = spawnInstance(name, { ...env(database), ...extra });
    running.add(server);
    return server;
  };
  const newDatabase = (): string => {
    const database = uniqueDatabaseName('multi');
    databases.push(database);
    return database;
  };
  const stopAll = async (instances: readonly Instance[]): Promise<void> => {
    const exits = await Promise.all(instances.map((instance) => terminate(instance.server)));
    for (const exit of exits) {
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.ms).toBeLessThan(10_000);
    }
  };

  /** How many cases the shared event store holds (every test of this file writes into it). */
  const caseStreamsInStore = async (): Promise<number> => {
    const store = createKurrentDbEventStore({ url: quickToConnect(esdb.url) });
    try {
      return new Set((await store.readAll({ filter: { streamPrefix: 'case-' } })).map((e) => e.stream)).size;
    } finally {
      await store.close();
    }
  };

  test('two instances started together on an empty read model, at several offsets, keep every summary and rebuild once', async () => {
    // A history written before any instance runs: every start is a first deploy on an empty read model.
    const store = createKurrentDbEventStore({ url: quickToConnect(esdb.url) });
    let cases: number;
    let patients: number;
    try {
      await recordRealisticHistory({ store, seed: 19, events: 1500 });
      const streams = new Set((await store.readAll({ filter: { streamPrefix: 'case-' } })).map((e) => e.stream));
      cases = streams.size;
      patients = new Set((await store.readAll({ filter: { streamPrefix: 'patient-' } })).map((e) => e.stream)).size;
    } finally {
      await store.close();
    }
    // The offsets at which two instances of the code before lost summaries (0.2–0.25 s), and at once.
    for (const offsetMs of [0, 200, 250]) {
      const database = newDatabase();
      const a = spawn('a', database);
      await new Promise((resolve) => setTimeout(resolve, offsetMs));
      const b = spawn('b', database);
      const instances = await Promise.all([listening('a', a), listening('b', b)]);
      expect({ offsetMs, counts: await countDocuments(database, [CASE_SUMMARY, PATIENT_SUMMARY]) }).toEqual({
        offsetMs,
        counts: { [CASE_SUMMARY]: cases, [PATIENT_SUMMARY]: patients },
      });
      // Each projection was rebuilt by one instance, its lease holder, and is run by exactly one.
      const rebuilds = instances.flatMap((i) => i.server.output().match(/"msg":"rebuilding projection"/g) ?? []);
      expect(rebuilds).toHaveLength(2);
      for (const projection of [CASE_SUMMARY, PATIENT_SUMMARY]) {
        expect(instances.filter((i) => holdsLease(i, projection))).toHaveLength(1);
      }
      await stopAll(instances);
    }
  });

  test('kill -9 of the projections owner mid-burst: another instance takes over within the bound, and every acknowledged write is readable through every instance', async () => {
    const database = newDatabase();
    const first = await listening('a', spawn('a', database));
    // The first instance built the read models and owns every projection; two more join it.
    expect(holdsLease(first, CASE_SUMMARY) && holdsLease(first, PATIENT_SUMMARY)).toBe(true);
    const others = await Promise.all([listening('b', spawn('b', database)), listening('c', spawn('c', database))]);
    const token = await clinician();
    const opened = await Promise.all(Array.from({ length: 6 }, (_, i) => openCase(others[i % 2]!.url, token)));

    const acknowledged = new Map<string, number>();
    let stop = false;
    const writer = async (index: number): Promise<void> => {
      const { caseId, patientId } = opened[index]!;
      while (!stop) {
        const revision = await recordDoppler(others[index % 2]!.url, token, caseId, patientId).catch(() => null);
        if (revision !== null) acknowledged.set(caseId, revision);
      }
    };
    const writers = opened.map((_, i) => writer(i));
    afterCurrent(() => {
      stop = true;
    });
    await until(() => acknowledged.size === opened.length, 30_000);
    const killedAt = Date.now();
    first.server.child.kill('SIGKILL');
    await first.server.exited;
    running.delete(first.server);
    const tookOver = await until(
      () => others.some((i) => holdsLease(i, CASE_SUMMARY)) && others.some((i) => holdsLease(i, PATIENT_SUMMARY)),
      HANDOVER_BOUND_MS + 5000,
      50,
    );
    const handoverMs = Date.now() - killedAt;
    expect(tookOver).toBe(true);
    expect(handoverMs).toBeLessThan(HANDOVER_BOUND_MS);
    // The burst goes on across the handover, then stops.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    stop = true;
    await Promise.all(writers);

    // Every remaining instance is ready, and /ready names one owner per projection among them.
    const readiness = await Promise.all(
      others.map(
        async (i) =>
          (await (await fetch(`${i.url}/ready`)).json()) as { ready: boolean; projections: Array<{ name: string; owner?: boolean }> },
      ),
    );
    expect(readiness.map((r) => r.ready)).toEqual([true, true]);
    for (const projection of [CASE_SUMMARY, PATIENT_SUMMARY]) {
      expect(readiness.filter((r) => r.projections.some((p) => p.name === projection && p.owner))).toHaveLength(1);
    }

    // Read-your-writes through every remaining instance: each case at the last revision acknowledged.
    for (const instance of others) {
      for (const { caseId } of opened) {
        const expected = acknowledged.get(caseId)!;
        expect(await until(async () => ((await caseRevision(instance.url, token, caseId)) ?? -1) >= expected, 5000)).toBe(true);
        expect({ instance: instance.name, caseId, revision: await caseRevision(instance.url, token, caseId) }).toEqual({
          instance: instance.name,
          caseId,
          revision: expected,
        });
      }
    }
    await stopAll(others);
  });

  test('a subscriber on an instance paused with SIGSTOP (the projections owner, deposed meanwhile) receives the final state of every case written through another', async () => {
    const database = newDatabase();
    const paused = await listening('a', spawn('a', database));
    const writerInstance = await listening('b', spawn('b', database));
    expect(holdsLease(paused, CASE_SUMMARY)).toBe(true);
    const token = await clinician();
    const opened = await Promise.all(Array.from({ length: 5 }, () => openCase(writerInstance.url, token)));
    const watches: Watch[] = opened.map(({ caseId }) => watchCase(paused.url, token, caseId));
    try {
      // Subscribed and live: writes through the other instance reach every subscriber (the first ones may
      // come before a subscription is registered).
      const live = await until(
        async () => {
          await Promise.all(opened.map(({ caseId, patientId }) => recordDoppler(writerInstance.url, token, caseId, patientId)));
          return watches.every((w) => w.revisions.length > 0);
        },
        20_000,
        300,
      );
      expect(live).toBe(true);

      paused.server.child.kill('SIGSTOP');
      // Paused past its lease: the other instance takes the projections over, and the writes go on there.
      const final = new Map<string, number>();
      const deadline = Date.now() + HANDOVER_BOUND_MS + 2000;
      while (Date.now() < deadline) {
        for (const { caseId, patientId } of opened) {
          const revision = await recordDoppler(writerInstance.url, token, caseId, patientId);
          if (revision !== null) final.set(caseId, revision);
        }
      }
      expect(holdsLease(writerInstance, CASE_SUMMARY)).toBe(true);
      paused.server.child.kill('SIGCONT');

      // Every subscriber gets its case's final state; the paused instance stopped running the projections.
      const delivered = await until(() => watches.every((w, i) => w.revisions.at(-1) === final.get(opened[i]!.caseId)), 20_000);
      if (!delivered) console.log(paused.server.output().split('\n').slice(-40).join('\n'));
      expect(watches.map((w) => w.revisions.at(-1))).toEqual(opened.map(({ caseId }) => final.get(caseId)));
      expect(delivered).toBe(true);
      expect(await until(() => !holdsLease(paused, CASE_SUMMARY), 10_000)).toBe(true);
      for (const { caseId } of opened) expect(await caseRevision(paused.url, token, caseId)).toBe(final.get(caseId));
    } finally {
      for (const watch of watches) await watch.client.dispose();
    }
    await stopAll([paused, writerInstance]);
  });
  test('`projections rebuild` under two serving instances and a burst of writes: the owner is fenced out for the run and takes the lease back, and no write is lost', async () => {
    const database = newDatabase();
    const instances = [await listening('a', spawn('a', database))];
    instances.push(await listening('b', spawn('b', database)));
    const token = await clinician();
    const opened = await Promise.all(Array.from({ length: 4 }, (_, i) => openCase(instances[i % 2]!.url, token)));
    const acknowledged = new Map<string, number>();
    let stop = false;
    const writers = opened.map(async ({ caseId, patientId }, i) => {
      while (!stop) {
        const revision = await recordDoppler(instances[i % 2]!.url, token, caseId, patientId).catch(() => null);
        if (revision !== null) acknowledged.set(caseId, revision);
      }
    });
    afterCurrent(() => {
      stop = true;
    });
    await until(() => acknowledged.size === opened.length, 30_000);

    const rebuilt = await runScript('src/cli/projections.ts', ['rebuild'], env(database));
    expect({ code: rebuilt.code, stderr: rebuilt.code === 0 ? '' : rebuilt.stderr }).toEqual({ code: 0, stderr: '' });
    expect(rebuilt.stdout).toContain('"projection":"case-summary"');
    // The owner was fenced out (it notices at its next renewal or write), then the instances take the
    // leases back within the bound, and the writes go on.
    const deposed = /"projection":"case-summary","token":1,"why":.*"msg":"projection lease lost/;
    expect(await until(() => instances.some((i) => deposed.test(i.server.output())), HANDOVER_BOUND_MS, 50)).toBe(true);
    const back = await until(
      () => [CASE_SUMMARY, PATIENT_SUMMARY].every((p) => instances.filter((i) => holdsLease(i, p)).length === 1),
      HANDOVER_BOUND_MS,
      50,
    );
    expect(back).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    stop = true;
    await Promise.all(writers);

    // The rebuild replayed the whole event store, which this file's earlier tests share: every case in it.
    expect((await countDocuments(database, [CASE_SUMMARY]))[CASE_SUMMARY]).toBe(await caseStreamsInStore());
    for (const instance of instances) {
      for (const { caseId } of opened) {
        const expected = acknowledged.get(caseId)!;
        expect(await until(async () => ((await caseRevision(instance.url, token, caseId)) ?? -1) >= expected, 5000)).toBe(true);
        expect(await caseRevision(instance.url, token, caseId)).toBe(expected);
      }
    }
    await stopAll(instances);
  });
});

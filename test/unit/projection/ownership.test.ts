/**
 * Projection ownership over one shared read store (the memory store, presented as durable and shared
 * by several "instances" in this process): one lease holder per projection, handover when it stops or
 * is taken over, and instances without the projections role following the shared checkpoints.
 */
import { caseSummaryProjection } from '../../../projections/case-summary';
import { patientSummaryProjection } from '../../../projections/patient-summary';
import type { EventStore, Position } from '../../../src/eventstore/port';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';
import { leaseName } from '../../../src/projection/lease';
import { createOwnedProjections, type OwnedProjectionsOptions } from '../../../src/projection/ownership';
import type { Projection } from '../../../src/projection/projection';
import type { ProjectionRunner } from '../../../src/projection/runner';
import type { ReadStore, StoredDocument } from '../../../src/readstore/port';
import { createMemoryReadStore } from '../../../src/readstore/memory';
import { appendTo, caseOpenedData } from '../../support/recorded-events';

const projections = (): Projection[] => [caseSummaryProjection(), patientSummaryProjection];
const shared = (): ReadStore => Object.assign(createMemoryReadStore(), { durable: true });
const owns = (runner: ProjectionRunner): string[] =>
  runner
    .status()
    .projections.filter((p) => p.owner)
    .map((p) => p.name);

async function openCases(store: EventStore, from: number, count: number): Promise<Position> {
  let last: Position = -1n;
  for (let i = from; i < from + count; i++) {
    const caseId = `case-${String(i).padStart(3, '0')}`;
    last = (await appendTo(store, `case-${caseId}`, [{ type: 'CaseOpened', data: caseOpenedData(caseId) }])).at(-1)!.position;
  }
  return last;
}

describe('projection ownership', () => {
  let store: EventStore;
  const runners: ProjectionRunner[] = [];
  const instance = (readStore: ReadStore, holder: string, options: Partial<OwnedProjectionsOptions> = {}): ProjectionRunner => {
    const runner = createOwnedProjections({
      store,
      readStore,
      projections: projections(),
      holder,
      leaseTtlMs: 600,
      leaseRenewMs: 100,
      checkpointPollMs: 20,
      ...options,
    });
    runners.push(runner);
    return runner;
  };
  beforeEach(() => {
    store = createSqliteEventStore({ path: ':memory:' });
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await store.close();
  });

  it('three instances started at once on an empty read model: one runs each projection, and every summary is there', async () => {
    await openCases(store, 0, 40);
    const readStore = shared();
    const instances = ['a', 'b', 'c'].map((holder) => instance(readStore, holder));
    await Promise.all(instances.map((i) => i.start()));

    for (const name of ['case-summary', 'patient-summary']) {
      expect(instances.filter((i) => owns(i).includes(name))).toHaveLength(1);
    }
    expect(await readStore.count('case-summary')).toBe(40);
    expect(instances.map((i) => i.status().caughtUp)).toEqual([true, true, true]);
  });

  it('when the owner stops, another instance takes over and applies what is written next; the follower sees it', async () => {
    await openCases(store, 0, 5);
    const readStore = shared();
    const first = instance(readStore, 'a');
    await first.start();
    const second = instance(readStore, 'b');
    const follower = instance(readStore, 'api-only', { runProjections: false });
    await Promise.all([second.start(), follower.start()]);
    expect(owns(first)).toEqual(['case-summary', 'patient-summary']);
    expect(owns(follower)).toEqual([]);

    await first.stop();
    const written = await openCases(store, 5, 3);
    expect(await follower.waitFor(written, 5000)).toBe(true);
    expect(owns(second)).toEqual(['case-summary', 'patient-summary']);
    const ids = (await readStore.find<StoredDocument>('case-summary')).items.map((d) => d._id);
    expect(ids).toHaveLength(8);
  });

  it('an owner whose lease is taken over stops writing; the new holder goes on from the checkpoint', async () => {
    await openCases(store, 0, 3);
    const readStore = shared();
    const owner = instance(readStore, 'a');
    await owner.start();
    // What `projections rebuild` does: take the lease over (a greater token), then write with it.
    const taken = await readStore.leases.acquire(leaseName({ name: 'case-summary' }), 'cli', 60_000, undefined, { takeOver: true });
    const claimed = (await readStore.getCheckpoint('case-summary@v3'))!;
    await readStore.setCheckpoint('case-summary@v3', claimed, { token: taken!.token });
    await openCases(store, 3, 2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(owns(owner)).toEqual(['patient-summary']);
    // Until it noticed, the deposed owner may have added summaries nobody else had written (position-guarded,
    // replayed by its successor), but its checkpoint writes were refused: the checkpoint is where it was claimed.
    expect(await readStore.getCheckpoint('case-summary@v3')).toBe(claimed);

    await readStore.leases.release(leaseName({ name: 'case-summary' }), 'cli', taken!.token);
    const position = await openCases(store, 5, 1);
    expect(await owner.waitFor(position, 5000)).toBe(true);
    expect(owns(owner)).toEqual(['case-summary', 'patient-summary']);
    expect(await readStore.count('case-summary')).toBe(6);
  });
});

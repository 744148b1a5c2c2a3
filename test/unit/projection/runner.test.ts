/** The projection runner: catch-up, live, position guard, crash between write and checkpoint, dead letters, version change. */
import { caseSummaryProjection } from '../../../projections/case-summary';
import { patientSummaryProjection } from '../../../projections/patient-summary';
import type { EventStore, RecordedEvent } from '../../../src/eventstore/port';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';
import { foldBatch, writeFolded } from '../../../src/projection/apply-batch';
import type { Projection } from '../../../src/projection/projection';
import { checkpointName } from '../../../src/projection/names';
import { createProjectionRunner, type ProjectionRunner } from '../../../src/projection/runner';
import type { ReadStore, StoredDocument } from '../../../src/readstore/port';
import { createMemoryReadStore } from '../../../src/readstore/memory';
import { appendTo, caseOpenedData } from '../../support/recorded-events';

/** The memory store, presented as durable: the runner then resumes from checkpoints as it does on MongoDB. */
const durableMemory = (): ReadStore => Object.assign(createMemoryReadStore(), { durable: true });

async function documents(readStore: ReadStore, collection: string): Promise<StoredDocument[]> {
  return (await readStore.find(collection, { sort: [['_id', 1]] })).items;
}

async function seed(store: EventStore, cases: number, from = 0): Promise<void> {
  for (let i = from; i < from + cases; i++) {
    const caseId = `case-${String(i).padStart(3, '0')}`;
    await appendTo(store, `case-${caseId}`, [{ type: 'CaseOpened', data: caseOpenedData(caseId) }]);
    await appendTo(store, `case-${caseId}`, [
      { type: 'HarvestPerformed', data: { site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE', sides: 'LEFT', aspirateVolumeMl: 100 + i, needle: null } },
    ]);
  }
}

/** Holds the read store's writes until `release` is called: the runner is then busy with one batch. */
function holdWrites(readStore: ReadStore): { release: () => void } {
  const upsert = readStore.upsertMany.bind(readStore);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  readStore.upsertMany = async (collection, docs) => {
    await gate;
    return upsert(collection, docs);
  };
  return { release };
}

describe('projection runner', () => {
  let store: EventStore;
  const runners: ProjectionRunner[] = [];
  const start = async (
    readStore: ReadStore,
    projections: Projection[] = [caseSummaryProjection()],
    batchSize = 7,
    maxPendingDocuments?: number,
  ) => {
    const runner = createProjectionRunner({ store, readStore, projections, batchSize, maxPendingDocuments });
    runners.push(runner);
    await runner.start();
    return runner;
  };
  beforeEach(() => {
    store = createSqliteEventStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await store.close();
  });

  it('catches up with the store, then applies live appends; waitFor resolves at the written position', async () => {
    await seed(store, 10);
    const readStore = createMemoryReadStore();
    const upserts = jest.spyOn(readStore, 'upsertMany');
    const runner = await start(readStore, [caseSummaryProjection(), patientSummaryProjection]);
    expect(await readStore.count('case-summary')).toBe(10);
    // catching up folds all 20 events (3 batches) and writes each document once
    expect(upserts.mock.calls.map(([collection, docs]) => [collection, docs.length])).toEqual([['case-summary', 10]]);
    const [event] = await appendTo(store, 'case-case-000', [
      {
        type: 'OutcomeMeasured',
        data: { leg: 'LEFT', abi: 0.5, restPainScore: 2, ulcerStatus: null, wagnerGrade: null, amputation: null, deceased: null },
      },
    ]);
    expect(await runner.waitFor(event!.position, 5000)).toBe(true);
    const doc = await readStore.get<StoredDocument & { outcomes: unknown[]; revision: number }>('case-summary', 'case-000');
    expect(doc!.outcomes).toHaveLength(1);
    expect(doc!.revision).toBe(2);
    expect(runner.status()).toMatchObject({ caughtUp: true, state: 'live', position: event!.position });
  });

  it('never changes a stored document a reader holds, even where the store shares its documents unfrozen (production)', async () => {
    await seed(store, 1);
    const readStore = createMemoryReadStore({ freezeDocuments: false });
    const runner = await start(readStore, [caseSummaryProjection()]);
    const held = await readStore.get<StoredDocument & { outcomes: unknown[]; revision: number }>('case-summary', 'case-000');
    const snapshot = structuredClone(held);
    const outcome = { leg: 'LEFT', abi: 0.5, restPainScore: 2, ulcerStatus: null, wagnerGrade: null, amputation: null, deceased: null };
    const [event] = await appendTo(store, 'case-case-000', [{ type: 'OutcomeMeasured', data: outcome }]);
    expect(await runner.waitFor(event!.position, 5000)).toBe(true);
    expect(held).toEqual(snapshot);
    expect((await readStore.get<StoredDocument & { outcomes: unknown[] }>('case-summary', 'case-000'))!.outcomes).toHaveLength(1);
  });

  it('applies an event that arrived while the previous batch was being written, with nothing arriving after it', async () => {
    await seed(store, 1);
    const readStore = createMemoryReadStore();
    const runner = await start(readStore);
    const { release } = holdWrites(readStore); // the first live batch is slow to write
    const [slow] = await appendTo(store, 'case-case-000', [{ type: 'CaseClosed', data: { reason: 'COMPLETED' } }]);
    await new Promise((r) => setTimeout(r, 50)); // the runner is now writing the slow batch
    const [late] = await appendTo(store, 'case-case-001', [{ type: 'CaseOpened', data: caseOpenedData('case-001') }]);
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await runner.waitFor(slow!.position, 5000)).toBe(true);
    expect(await runner.waitFor(late!.position, 5000)).toBe(true);
    expect(await readStore.get('case-summary', 'case-001')).not.toBeNull();
  });

  it('changes nothing when a batch is applied twice (position guard)', async () => {
    await seed(store, 5);
    const readStore = createMemoryReadStore();
    const events = await store.readAll();
    const projection = caseSummaryProjection();
    const applyBatch = async (target: ReadStore, p: Projection, collection: string, batch: RecordedEvent[], onError: 'throw') => {
      const pending = new Map();
      await foldBatch(target, p, collection, batch, onError, pending);
      await writeFolded(target, p, collection, pending);
    };
    await applyBatch(readStore, projection, 'case-summary', events, 'throw');
    const once = await documents(readStore, 'case-summary');
    await applyBatch(readStore, projection, 'case-summary', events, 'throw');
    await applyBatch(readStore, projection, 'case-summary', events.slice(3), 'throw');
    expect(await documents(readStore, 'case-summary')).toEqual(once);
  });

  it('after a crash between the documents and the checkpoint, the model equals a fresh rebuild', async () => {
    const readStore = durableMemory();
    await seed(store, 2);
    await (await start(readStore)).stop();
    await seed(store, 12, 2);
    const setCheckpoint = readStore.setCheckpoint.bind(readStore);
    let crashes = 0;
    // the "process" dies on the third checkpoint write, after that batch's documents were written
    readStore.setCheckpoint = async (name, position) => {
      if (++crashes === 3) throw Object.assign(new Error('process killed'), { name: 'ProjectionFailedError' });
      return setCheckpoint(name, position);
    };
    // one pending document at most: catching up writes (and checkpoints) after every batch
    await expect(start(readStore, undefined, 7, 1)).rejects.toThrow('process killed');
    readStore.setCheckpoint = setCheckpoint;
    const checkpoint = await readStore.getCheckpoint(checkpointName(caseSummaryProjection()));
    expect(checkpoint).not.toBeNull();
    expect(checkpoint! < (await store.headPosition())).toBe(true);

    await start(readStore); // restarts from the stale checkpoint: replays documents it had already written
    const fresh = createMemoryReadStore();
    await start(fresh);
    expect(await documents(readStore, 'case-summary')).toEqual(await documents(fresh, 'case-summary'));
  });

  it('resumes a durable read model from its checkpoint instead of rebuilding it', async () => {
    await seed(store, 3);
    const readStore = durableMemory();
    const first = await start(readStore);
    await first.stop();
    const upserts = jest.spyOn(readStore, 'upsertMany');
    await appendTo(store, 'case-case-001', [{ type: 'CaseClosed', data: { reason: 'CANCELLED' } }]);
    await start(readStore);
    expect(upserts.mock.calls.flatMap(([, docs]) => docs.map((d) => d._id))).toEqual(['case-001']);
    expect((await readStore.get<StoredDocument & { status: string }>('case-summary', 'case-001'))!.status).toBe('CLOSED');
  });

  const failing = (badId: string): Projection => {
    const base = caseSummaryProjection();
    return {
      ...base,
      evolve(doc, event) {
        if (event.id === badId) throw new Error('cannot apply');
        return base.evolve(doc, event);
      },
    };
  };

  it('stops a rebuild on an event it cannot apply, naming the event', async () => {
    await seed(store, 3);
    const bad = (await store.readAll())[3]!;
    await expect(start(createMemoryReadStore(), [failing(bad.id)])).rejects.toThrow(
      `failed on event ${bad.id} (${bad.type}, stream ${bad.stream}`,
    );
  });

  it('records a dead letter in live running and goes on with the next events, keeping nothing of the failed one', async () => {
    await seed(store, 2);
    const readStore = createMemoryReadStore();
    const base = caseSummaryProjection();
    // Fails on one kind of event after it has already changed the document in place: none of that may be kept.
    const poisoned = (event: { type: string; data: Record<string, unknown> }) =>
      event.type === 'CaseClosed' && event.data.reason === 'LOST_TO_FOLLOW_UP';
    const projection: Projection = {
      ...base,
      evolve: (doc, event) => {
        const next = base.evolve(doc, event);
        if (poisoned(event)) throw new Error('cannot apply');
        return next;
      },
    };
    const runner = await start(readStore, [projection]);
    // A slow write holds the runner, so that the failing event and the next one land in one batch.
    const { release } = holdWrites(readStore);
    await appendTo(store, 'case-case-001', [{ type: 'CaseClosed', data: { reason: 'COMPLETED' } }]);
    await new Promise((r) => setTimeout(r, 50));
    const outcome = { leg: 'LEFT', abi: 0.5, restPainScore: 2, ulcerStatus: null, wagnerGrade: null, amputation: null, deceased: null };
    const [bad, after] = await appendTo(store, 'case-case-000', [
      { type: 'CaseClosed', data: { reason: 'LOST_TO_FOLLOW_UP' } },
      { type: 'OutcomeMeasured', data: outcome },
    ]);
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await runner.waitFor(after!.position, 5000)).toBe(true);
    expect((await readStore.get<StoredDocument & { status: string }>('case-summary', 'case-001'))!.status).toBe('CLOSED');
    const failed = await readStore.get<StoredDocument & { status: string; outcomes: unknown[]; revision: number }>(
      'case-summary',
      'case-000',
    );
    expect(failed).toMatchObject({ status: 'OPEN', revision: after!.revision });
    expect(failed!.outcomes).toHaveLength(1);
    expect(runner.deadLetters()).toEqual([
      expect.objectContaining({ eventId: bad!.id, projection: 'case-summary', error: 'cannot apply' }),
    ]);
    expect(await readStore.get('dead-letters', `case-summary:${bad!.id}`)).toMatchObject({ eventId: bad!.id });
    expect(runner.status().projections[0]!.deadLetters).toBe(1);
  });

  it('hands each projection its own event objects: one that keeps and changes them does not reach another', async () => {
    await seed(store, 3);
    /** Keeps the harvest payload it is handed as its document, and marks it. */
    const keeper = (name: string): Projection => ({
      name,
      version: 1,
      eventTypes: ['HarvestPerformed'],
      key: (event) => event.stream,
      evolve: (_doc, event) => Object.assign(event.data, { _id: event.stream, [`seenBy-${name}`]: true }),
    });
    const readStore = createMemoryReadStore();
    await start(readStore, [keeper('first'), caseSummaryProjection(), keeper('second')]);
    const first = await documents(readStore, 'first');
    const second = await documents(readStore, 'second');
    expect(first).toHaveLength(3);
    expect(first.every((d) => d['seenBy-first'] === true && !('seenBy-second' in d))).toBe(true);
    expect(second.every((d) => d['seenBy-second'] === true && !('seenBy-first' in d))).toBe(true);
    const summaries = await documents(readStore, 'case-summary');
    expect(
      summaries.map((d) => (d as unknown as { harvest: object }).harvest).every((h) => !('seenBy-first' in h) && !('seenBy-second' in h)),
    ).toBe(true);
  });

  it('rebuilds a durable read model whose projection version changed (blue/green), and one ahead of the store', async () => {
    await seed(store, 4);
    const readStore = durableMemory();
    await (await start(readStore)).stop();
    const v2: Projection = {
      ...caseSummaryProjection(),
      version: caseSummaryProjection().version + 1,
      evolve: (doc, event) => {
        const next = caseSummaryProjection().evolve(doc, event);
        return next && { ...next, shape: 'v2' };
      },
    };
    await (await start(readStore, [v2])).stop();
    const docs = await documents(readStore, 'case-summary');
    expect(docs).toHaveLength(4);
    expect(docs.every((d) => d.shape === 'v2')).toBe(true);
    expect(await readStore.count('case-summary_rebuild')).toBe(0);

    // a read model restored from a backup newer than the store is rebuilt too
    await readStore.setCheckpoint(checkpointName(v2), (await store.headPosition()) + 1000n);
    await readStore.upsertMany('case-summary', [{ _id: 'ghost', _position: '99999999999999999999' }]);
    await (await start(readStore, [v2])).stop();
    expect(await readStore.get('case-summary', 'ghost')).toBeNull();
  });
});

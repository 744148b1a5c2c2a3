/**
 * Records planned cases straight into an event store, as the server would have: each command goes
 * through the real deciders, events get deterministic ids and a sealed hash chain, and the steps of
 * all cases are interleaved by recording time (many cases open at once), with access-log events
 * between them. Appends are issued a chunk at a time, so the SQLite store commits each chunk at once.
 */
import { decideCase, evolveCase, initialCaseState, type CaseState } from '../../src/domain/case-decider';
import type { CaseCommand } from '../../src/domain/case-commands';
import { caseStream, patientStream, SCHEMA_VERSION, type CaseEvent, type PatientDataAccessed } from '../../src/domain/events';
import { decidePatient, initialPatientState } from '../../src/domain/patient-decider';
import { eventIdFor, sealEvents, type UnsealedEvent } from '../../src/eventstore/envelope';
import type { Actor, EventStore, ExpectedRevision, JsonObject, NewEvent } from '../../src/eventstore/port';
import { ACCESS_EVENT_TYPE, accessStream } from '../../src/audit/event-store-access-log';
import { AMENDMENT_TARGET_PREFIX, type CasePlan, type PlannedStep } from './case-plans';
import type { Random } from './prng';

export interface WriteOptions {
  store: EventStore;
  /** In order of their first step, give or take `slackMs`. */
  plans: Iterable<CasePlan>;
  random: Random;
  /** Stop once this many events are written (cases then in progress stay open, as in real life). */
  maxEvents?: number;
  /** Steps later than this have not happened yet: they and the rest of their case are not recorded. */
  notAfter: number;
  /** Share of all events that are access-log events (reads of patient data), 0 to 1. */
  accessShare?: number;
  /** Events per round of appends. */
  chunkEvents?: number;
  slackMs?: number;
  onProgress?: (events: number) => void;
}

export interface WriteStats {
  events: number;
  byType: Record<string, number>;
  casesStarted: number;
  casesFinished: number;
  streams: number;
  /** Cases started, by shape and by documentation defect. */
  shapes: Record<string, number>;
  defects: Record<string, number>;
  /** Case ids with the number of their planned steps that were recorded. */
  recordedSteps: Map<string, number>;
}

interface StreamState {
  revision: number;
  hash: string | null;
  caseState: CaseState | null;
}

interface Cursor {
  plan: CasePlan;
  index: number;
  seq: number;
}

/** A binary min-heap by (recordedAt, seq): the next step of every case in progress. */
class StepHeap {
  private items: Cursor[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Cursor | undefined {
    return this.items[0];
  }
  private less(a: Cursor, b: Cursor): boolean {
    const ta = (a.plan.steps[a.index] as PlannedStep).recordedAt;
    const tb = (b.plan.steps[b.index] as PlannedStep).recordedAt;
    return ta < tb || (ta === tb && a.seq < b.seq);
  }
  push(cursor: Cursor): void {
    const items = this.items;
    items.push(cursor);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i] as Cursor, items[parent] as Cursor)) break;
      [items[i], items[parent]] = [items[parent] as Cursor, items[i] as Cursor];
      i = parent;
    }
  }
  pop(): Cursor | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l] as Cursor, items[m] as Cursor)) m = l;
        if (r < items.length && this.less(items[r] as Cursor, items[m] as Cursor)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m] as Cursor, items[i] as Cursor];
        i = m;
      }
    }
    return top;
  }
}

const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export async function writeCases(options: WriteOptions): Promise<WriteStats> {
  const { store, random, notAfter } = options;
  const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
  const chunkEvents = options.chunkEvents ?? 5000;
  const slackMs = options.slackMs ?? 30 * 24 * 3600_000;
  const accessPerStep = options.accessShare ? options.accessShare / (1 - options.accessShare) : 0;
  const streams = new Map<string, StreamState>();
  const stats: WriteStats = {
    events: 0,
    byType: {},
    casesStarted: 0,
    casesFinished: 0,
    streams: 0,
    shapes: {},
    defects: {},
    recordedSteps: new Map(),
  };
  let chunk = new Map<string, { expected: ExpectedRevision; events: NewEvent[] }>();
  let chunkSize = 0;
  let accessDebt = 0;
  let accessBuffer: Array<{ at: number; actor: Actor; data: PatientDataAccessed }> = [];
  let accessBatch = random.int(1, 8);
  let lastProgress = 0;

  const stateOf = (stream: string): StreamState => {
    let state = streams.get(stream);
    if (!state) {
      state = { revision: -1, hash: null, caseState: null };
      streams.set(stream, state);
      stats.streams++;
    }
    return state;
  };

  async function flushChunk(): Promise<void> {
    const pending = chunk;
    chunk = new Map();
    chunkSize = 0;
    await Promise.all([...pending].map(([stream, { expected, events }]) => store.append(stream, events, expected)));
    if (options.onProgress && stats.events - lastProgress >= 100_000) {
      lastProgress = stats.events;
      options.onProgress(stats.events);
    }
  }

  async function record(stream: string, state: StreamState, unsealed: UnsealedEvent[]): Promise<void> {
    const sealed = sealEvents({ stream, nextRevision: state.revision + 1, prevHash: state.hash, events: unsealed });
    const entry = chunk.get(stream);
    if (entry) entry.events.push(...sealed);
    else chunk.set(stream, { expected: state.revision < 0 ? 'no_stream' : state.revision, events: sealed });
    state.revision += sealed.length;
    state.hash = (sealed[sealed.length - 1] as NewEvent).metadata.hash;
    stats.events += sealed.length;
    for (const e of sealed) stats.byType[e.type] = (stats.byType[e.type] ?? 0) + 1;
    chunkSize += sealed.length;
    if (chunkSize >= chunkEvents) await flushChunk();
  }

  async function flushAccess(): Promise<void> {
    const records = accessBuffer;
    accessBuffer = [];
    accessBatch = random.int(1, 8);
    const first = records[0];
    if (!first) return;
    const stream = accessStream(new Date(first.at));
    await record(
      stream,
      stateOf(stream),
      records.map((r) => {
        const at = new Date(r.at).toISOString();
        return {
          id: random.uuid(),
          type: ACCESS_EVENT_TYPE,
          data: { ...r.data },
          metadata: {
            actor: r.actor,
            recordedAt: at,
            occurredAt: at,
            commandId: random.uuid(),
            correlationId: random.uuid(),
            causationId: null,
            schemaVersion: SCHEMA_VERSION,
          },
        };
      }),
    );
  }

  async function recordStep(plan: CasePlan, step: PlannedStep): Promise<void> {
    const now = new Date(step.recordedAt);
    const meta = (occurredAt: string) => ({
      actor: step.actor,
      recordedAt: now.toISOString(),
      occurredAt,
      commandId: step.commandId,
      correlationId: random.uuid(),
      causationId: null,
      schemaVersion: SCHEMA_VERSION,
    });
    if (step.planned.stream === 'patient') {
      const stream = patientStream(plan.patientId);
      const state = stateOf(stream);
      const decision = decidePatient(step.planned.command, initialPatientState(), { now });
      if (!decision.ok) throw new Error(`generator bug: ${decision.error.rule} registering a patient`);
      await record(
        stream,
        state,
        decision.events.map((e, i) => ({
          id: eventIdFor(step.commandId, i),
          type: e.type,
          data: { ...e.data },
          metadata: meta(e.occurredAt),
        })),
      );
      return;
    }
    const stream = caseStream(plan.caseId);
    const state = stateOf(stream);
    state.caseState ??= initialCaseState();
    let command: CaseCommand = step.planned.command;
    if (command.type === 'AmendEntry' && command.data.targetEventId.startsWith(AMENDMENT_TARGET_PREFIX)) {
      command = {
        ...command,
        data: { ...command.data, targetEventId: eventIdFor(command.data.targetEventId.slice(AMENDMENT_TARGET_PREFIX.length), 0) },
      };
    }
    const decision = decideCase(command, state.caseState, { now, maxClockSkewMs: MAX_CLOCK_SKEW_MS });
    if (!decision.ok) throw new Error(`generator bug: ${decision.error.rule} on ${command.type}`);
    const unsealed = decision.events.map((e, i) => ({
      id: eventIdFor(step.commandId, i),
      type: e.type,
      data: e.data as unknown as JsonObject,
      metadata: meta(e.occurredAt),
    }));
    for (const e of unsealed) {
      state.caseState = evolveCase(state.caseState, {
        id: e.id,
        type: e.type,
        data: e.data,
        occurredAt: e.metadata.occurredAt,
      } as unknown as CaseEvent);
    }
    await record(stream, state, unsealed);
    accessDebt += accessPerStep;
    while (accessDebt >= 1 && stats.events + accessBuffer.length < maxEvents) {
      accessDebt -= 1;
      accessBuffer.push({
        at: step.recordedAt,
        actor: step.actor,
        data: { operation: 'case', patientId: plan.patientId, caseId: plan.caseId, outcome: 'OK' },
      });
      if (accessBuffer.length >= accessBatch) await flushAccess();
    }
  }

  const heap = new StepHeap();
  let seq = 0;
  const budgetLeft = () => stats.events + accessBuffer.length < maxEvents;

  /** Records every step due before `until`. */
  async function drain(until: number): Promise<void> {
    for (let cursor = heap.peek(); cursor && budgetLeft(); cursor = heap.peek()) {
      const step = cursor.plan.steps[cursor.index] as PlannedStep;
      if (step.recordedAt > until) return;
      heap.pop();
      await recordStep(cursor.plan, step);
      stats.recordedSteps.set(cursor.plan.caseId, cursor.index + 1);
      const next = cursor.plan.steps[cursor.index + 1];
      if (next && next.recordedAt <= notAfter) heap.push({ plan: cursor.plan, index: cursor.index + 1, seq: seq++ });
      else if (!next) stats.casesFinished++;
    }
  }

  for (const plan of options.plans) {
    if (!budgetLeft()) break;
    const first = plan.steps[0];
    if (!first || first.recordedAt > notAfter) continue;
    await drain(first.recordedAt - slackMs);
    heap.push({ plan, index: 0, seq: seq++ });
    stats.casesStarted++;
    stats.shapes[plan.shape] = (stats.shapes[plan.shape] ?? 0) + 1;
    for (const defect of plan.defects) stats.defects[defect] = (stats.defects[defect] ?? 0) + 1;
  }
  await drain(Number.POSITIVE_INFINITY);
  await flushAccess();
  await flushChunk();
  return stats;
}

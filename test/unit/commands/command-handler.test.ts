/** The command handler with kept stream states: reads only newer events, and answers exactly as with a full read. */
import { handleCommand, type CommandMeta } from '../../../src/commands/command-handler';
import { caseDecider } from '../../../src/commands/deciders';
import { createStreamStates } from '../../../src/commands/stream-states';
import type { CaseCommand } from '../../../src/domain/case-commands';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';
import type { EventStore } from '../../../src/eventstore/port';
import { appendTo, caseOpenedData } from '../../support/recorded-events';

const actor = { id: 'dr-1', name: 'Dr One', role: 'CLINICIAN' };
const meta = (commandId: string): CommandMeta => ({ commandId, actor, correlationId: 'r-1' });
const decider = caseDecider({ facilities: ['F1'], maxClockSkewMs: 60_000 });
const outcome = (occurredAt: string): CaseCommand => ({
  type: 'RecordOutcome',
  occurredAt,
  data: { leg: 'LEFT', abi: 0.6, restPainScore: 2, ulcerStatus: null, wagnerGrade: null, amputation: null, deceased: null },
});

describe('command handling with kept stream states', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = createSqliteEventStore({ path: ':memory:' });
    await appendTo(store, 'case-c1', [{ type: 'CaseOpened', data: caseOpenedData('c1') }]);
  });
  afterEach(() => store.close());

  it('reads only the events after the state it kept, and still answers a retried command with its first result', async () => {
    const states = createStreamStates();
    const reads = jest.spyOn(store, 'readStream');
    const deps = { store, clock: () => new Date(), states };
    const firstCommand = outcome(new Date().toISOString());
    const first = await handleCommand(deps, 'case-c1', decider, firstCommand, meta('cmd-1'));
    const second = await handleCommand(deps, 'case-c1', decider, outcome(new Date().toISOString()), meta('cmd-2'));
    expect(first).toMatchObject({ ok: true, revision: 1, duplicate: false });
    expect(second).toMatchObject({ ok: true, revision: 2, duplicate: false });
    // the first command reads the stream, the second only the first one's event
    expect(reads.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([0, 1]);

    const retried = await handleCommand(deps, 'case-c1', decider, firstCommand, meta('cmd-1'));
    expect(retried).toEqual({ ...first, duplicate: true });
    expect(await store.readStream('case-c1')).toHaveLength(3);
  });

  it('sees what another writer appended since, and chains the hash onto it', async () => {
    const states = createStreamStates();
    const deps = { store, clock: () => new Date(), states };
    await handleCommand(deps, 'case-c1', decider, outcome(new Date().toISOString()), meta('cmd-1'));
    await appendTo(store, 'case-c1', [{ type: 'CaseClosed', data: { reason: 'COMPLETED' } }]); // another process
    const refused = await handleCommand(deps, 'case-c1', decider, outcome(new Date().toISOString()), meta('cmd-2'));
    expect(refused).toMatchObject({ ok: false, failure: { kind: 'domain' } });
    const stale = await handleCommand(deps, 'case-c1', decider, outcome(new Date().toISOString()), {
      ...meta('cmd-3'),
      expectedRevision: 1,
    });
    expect(stale).toMatchObject({ ok: false, failure: { kind: 'conflict', expectedRevision: 1, currentRevision: 2 } });
  });

  it('keeps at most the given number of streams, dropping the least recently used', () => {
    const states = createStreamStates(2);
    const snapshot = { revision: 0, state: null, lastHash: null, commands: new Map() };
    states.set('a', snapshot);
    states.set('b', snapshot);
    states.get('a');
    states.set('c', snapshot);
    expect([states.get('a'), states.get('b'), states.get('c')]).toEqual([snapshot, undefined, snapshot]);
  });

  it('after a lost race, answers a conflict with the current revision, and records a command that raced itself once', async () => {
    const states = createStreamStates();
    const deps = { store, clock: () => new Date(), states };
    await handleCommand(deps, 'case-c1', decider, outcome(new Date().toISOString()), meta('cmd-1'));
    // Another writer appends between this command's read and its append, once.
    const racing = (write: () => Promise<unknown>): EventStore => {
      let raced = false;
      return Object.assign(Object.create(store) as EventStore, {
        append: async (...args: Parameters<EventStore['append']>) => {
          if (!raced) {
            raced = true;
            await write();
          }
          return store.append(...args);
        },
      });
    };
    const other = racing(() => appendTo(store, 'case-c1', [{ type: 'OutcomeMeasured', data: outcome('x').data as never }]));
    const lost = await handleCommand({ ...deps, store: other }, 'case-c1', decider, outcome(new Date().toISOString()), {
      ...meta('cmd-2'),
      expectedRevision: 1,
    });
    expect(lost).toMatchObject({ ok: false, failure: { kind: 'conflict', expectedRevision: 1, currentRevision: 2 } });

    // The "other writer" is this very command, whose first append was acknowledged late (an ambiguous append):
    // it is recorded once, at the revision it first got.
    const self = racing(() => handleCommand(deps, 'case-c1', decider, outcome(new Date().toISOString()), meta('cmd-3')));
    const first = await handleCommand({ ...deps, store: self }, 'case-c1', decider, outcome(new Date().toISOString()), {
      ...meta('cmd-3'),
      expectedRevision: 2,
    });
    expect(first).toMatchObject({ ok: true, revision: 3 });
    expect(await store.readStream('case-c1')).toHaveLength(4);
  });
});

describe("command ids are their sender's idempotency keys, checked after authorization", () => {
  let store: EventStore;
  const deps = () => ({ store, clock: () => new Date(), states: createStreamStates() });
  beforeEach(async () => {
    store = createSqliteEventStore({ path: ':memory:' });
    await appendTo(store, 'case-c1', [{ type: 'CaseOpened', data: caseOpenedData('c1') }]);
  });
  afterEach(() => store.close());

  it("never answers another facility's caller with the earlier result of a command id it replays", async () => {
    const command = outcome(new Date().toISOString());
    const first = await handleCommand(deps(), 'case-c1', decider, command, meta('shared-id'));
    expect(first).toMatchObject({ ok: true, duplicate: false });
    const outsider = caseDecider({ facilities: ['F2'], maxClockSkewMs: 60_000 });
    const replay = await handleCommand(deps(), 'case-c1', outsider, command, {
      commandId: 'shared-id',
      actor: { id: 'dr-2', name: 'Dr Two', role: 'CLINICIAN' },
      correlationId: 'r-2',
    });
    expect(replay).toEqual({ ok: false, failure: { kind: 'not_found', what: 'case' } });
  });

  it('answers a missing case and a case outside the facilities alike, whatever the expected revision', async () => {
    const outsider = caseDecider({ facilities: ['F2'], maxClockSkewMs: 60_000 });
    const command = outcome(new Date().toISOString());
    const stale = { ...meta('c-1'), expectedRevision: 7 };
    const outside = await handleCommand(deps(), 'case-c1', outsider, command, stale);
    const missing = await handleCommand(deps(), 'case-nope', outsider, command, stale);
    expect(outside).toEqual({ ok: false, failure: { kind: 'not_found', what: 'case' } });
    expect(missing).toEqual(outside);
  });

  it('treats the same id from another user of the facility as another command, with other event ids', async () => {
    const command = outcome(new Date().toISOString());
    const mine = await handleCommand(deps(), 'case-c1', decider, command, meta('same-id'));
    const theirs = await handleCommand(deps(), 'case-c1', decider, command, {
      commandId: 'same-id',
      actor: { id: 'dr-3', name: 'Dr Three', role: 'CLINICIAN' },
      correlationId: 'r-3',
    });
    expect(theirs).toMatchObject({ ok: true, duplicate: false });
    if (!mine.ok || !theirs.ok) throw new Error('both should be recorded');
    expect(theirs.eventIds).not.toEqual(mine.eventIds);
    expect(await store.readStream('case-c1')).toHaveLength(3);
  });

  it('refuses the same id with a different payload, recording nothing', async () => {
    await handleCommand(deps(), 'case-c1', decider, outcome('2026-01-01T10:00:00.000Z'), meta('once'));
    const changed = await handleCommand(deps(), 'case-c1', decider, outcome('2026-01-02T10:00:00.000Z'), meta('once'));
    expect(changed).toEqual({ ok: false, failure: { kind: 'idempotency_key_reused' } });
    expect(await store.readStream('case-c1')).toHaveLength(2);
  });

  it('lets racing writers without an expected revision all succeed', async () => {
    const writers = Array.from({ length: 12 }, (_, i) =>
      handleCommand({ store, clock: () => new Date() }, 'case-c1', decider, outcome(new Date().toISOString()), meta(`race-${i}`)),
    );
    const results = await Promise.all(writers);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await store.readStream('case-c1')).toHaveLength(13);
  });
});

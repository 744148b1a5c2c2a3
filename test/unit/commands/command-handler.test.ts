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
    const first = await handleCommand(deps, 'case-c1', decider, outcome(new Date().toISOString()), meta('cmd-1'));
    const second = await handleCommand(deps, 'case-c1', decider, outcome(new Date().toISOString()), meta('cmd-2'));
    expect(first).toMatchObject({ ok: true, revision: 1, duplicate: false });
    expect(second).toMatchObject({ ok: true, revision: 2, duplicate: false });
    // the first command reads the stream, the second only the first one's event
    expect(reads.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([0, 1]);

    const retried = await handleCommand(deps, 'case-c1', decider, outcome(new Date().toISOString()), meta('cmd-1'));
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

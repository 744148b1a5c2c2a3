/**
 * The write half of the seam: every command runs as the caller, in the caller's facilities, through the
 * command handler (which authorizes before it looks at an earlier result of the command id or checks
 * input against stored state). The summary a command answers with is a read of patient data: logged.
 */
import { randomUUID } from 'node:crypto';
import type { CaseSummary } from '../../projections/case-summary';
import type { PatientSummary } from '../../projections/patient-summary';
import type { AccessRecord } from '../audit/access-log';
import { handleCommand, type CommandFailure, type CommandMeta, type CommandResult } from '../commands/command-handler';
import { caseDecider, patientDecider } from '../commands/deciders';
import type { CaseCommand } from '../domain/case-commands';
import { caseStream, patientStream } from '../domain/events';
import type { PatientRegistered } from '../domain/events';
import { eventIdFor } from '../eventstore/envelope';
import { primaryRole, type User } from '../graphql/auth/user';
import { CASE_SUMMARY, PATIENT_SUMMARY } from '../graphql/collections';
import { amendmentProblems } from '../graphql/case/amendment-changes';
import type { Services } from '../services';

export interface CommandOptions {
  /** The caller's idempotency key (a random one when absent). */
  commandId?: string | null;
  expectedRevision?: number | null;
}

export interface Recorded<T> {
  value: T | null;
  eventIds: string[];
  revision: number;
  /** The read model did not show the write within the read-your-writes timeout. */
  stale: boolean;
}

export class CommandRefused extends Error {
  constructor(readonly failure: CommandFailure) {
    super(`command refused: ${failure.kind}`);
    this.name = 'CommandRefused';
  }
}

export interface CaseCommands {
  registerPatient(data: Omit<PatientRegistered, 'patientId'>, options: CommandOptions): Promise<Recorded<PatientSummary>>;
  /** Opens a case for a patient of the caller's facilities; `caseId` when the client chose one. */
  openCase(
    patientId: string,
    caseId: string | null,
    command: (ids: { caseId: string; facilityId: string }) => CaseCommand,
    options: CommandOptions,
  ): Promise<Recorded<CaseSummary>>;
  recordCase(caseId: string, command: CaseCommand, options: CommandOptions): Promise<Recorded<CaseSummary>>;
}

type Authorize = () => { user: User };
type Log = (user: User, entries: Omit<AccessRecord, 'actor' | 'correlationId'>[]) => Promise<void>;

/** Ids of new entities come from the sender's own key: another user's command id can never steer them. */
const entityIdFor = (user: User, commandId: string, kind: string): string => eventIdFor(`${user.id}\u0000${commandId}:${kind}`, 0);

export function caseCommands(services: Services, authorize: Authorize, log: Log, correlationId: () => string): CaseCommands {
  const { store, clock, config, runner, readStore, streamStates: states } = services;

  function metaOf(user: User, commandId: string, options: CommandOptions): CommandMeta {
    return {
      commandId,
      actor: { id: user.id, name: user.name, role: primaryRole(user) },
      correlationId: correlationId(),
      causationId: null,
      expectedRevision: options.expectedRevision ?? null,
    };
  }

  async function answer<T extends { facilityId: string }>(
    user: User,
    result: CommandResult,
    collection: string,
    id: string,
    subject: (doc: T) => { caseId: string | null; patientId: string | null },
    operation: string,
  ): Promise<Recorded<T>> {
    if (!result.ok) throw new CommandRefused(result.failure);
    const fresh = await runner.waitFor(result.position, config.readYourWritesTimeoutMs);
    const value = (await readStore.get(collection, id)) as unknown as T | null;
    if (value) await log(user, [{ operation, facilityId: value.facilityId, ...subject(value), outcome: 'OK' }]);
    return { value, eventIds: result.eventIds, revision: result.revision, stale: !fresh };
  }

  const caseSubject = (c: CaseSummary) => ({ caseId: c.id, patientId: c.patientId });

  async function runCase(user: User, caseId: string, command: CaseCommand, commandId: string, options: CommandOptions) {
    const decider = caseDecider({
      facilities: user.facilities,
      maxClockSkewMs: config.maxClockSkewMs,
      validate: async (cmd, state) => {
        if (cmd.type !== 'AmendEntry') return null;
        const fields = await amendmentProblems(state.entries[cmd.data.targetEventId], cmd.data.changes);
        return fields ? { kind: 'input', fields } : null;
      },
    });
    const result = await handleCommand({ store, clock, states }, caseStream(caseId), decider, command, metaOf(user, commandId, options));
    return answer<CaseSummary>(user, result, CASE_SUMMARY, caseId, caseSubject, command.type);
  }

  return {
    async registerPatient(data, options) {
      const { user } = authorize();
      const commandId = options.commandId ?? randomUUID();
      // A retried registration (same sender, same commandId) lands on the same patient.
      const patientId = entityIdFor(user, commandId, 'patient');
      const decider = patientDecider({ facilities: user.facilities, maxClockSkewMs: config.maxClockSkewMs });
      const result = await handleCommand(
        { store, clock, states },
        patientStream(patientId),
        decider,
        { type: 'RegisterPatient', data: { patientId, ...data } },
        metaOf(user, commandId, options),
      );
      return answer<PatientSummary>(
        user,
        result,
        PATIENT_SUMMARY,
        patientId,
        (p) => ({ caseId: null, patientId: p.id }),
        'RegisterPatient',
      );
    },

    async openCase(patientId, chosenCaseId, command, options) {
      const { user } = authorize();
      const [registered] = await store.readStream(patientStream(patientId), { maxCount: 1 });
      const facilityId = registered?.type === 'PatientRegistered' ? String(registered.data.facilityId) : null;
      // A patient outside the caller's facilities answers exactly as one that does not exist.
      if (!facilityId || !user.facilities.includes(facilityId)) throw new CommandRefused({ kind: 'not_found', what: 'patient' });
      const commandId = options.commandId ?? randomUUID();
      const caseId = chosenCaseId ?? entityIdFor(user, commandId, 'case');
      return runCase(user, caseId, command({ caseId, facilityId }), commandId, options);
    },

    recordCase(caseId, command, options) {
      const { user } = authorize();
      return runCase(user, caseId, command, options.commandId ?? randomUUID(), options);
    },
  };
}

/**
 * The case decider: `decide(command, state, context)` → events or a domain error; `evolve` folds the
 * events back into the little state decide needs. Pure. Invariants from shared/domain.md.
 */
import { computeAbi } from './abi';
import type { CaseCommand, DecidedEvent } from './case-commands';
import { accept, reject, type Decision } from './errors';
import { AMENDABLE_EVENT_TYPES, type AmendableEventType, type CaseEvent, type CaseOpened } from './events';
import { upcastData } from './upcast';
import type { Leg } from './values';

export interface CaseState {
  exists: boolean;
  facilityId: string | null;
  closed: boolean;
  legs: Leg[];
  harvestPlanned: boolean;
  hasHarvest: boolean;
  hasConcentration: boolean;
  hasInjection: boolean;
  /** Every recorded entry's type by event id: amendments must target one of these. */
  entries: Record<string, string>;
}

export const initialCaseState = (): CaseState => ({
  exists: false,
  facilityId: null,
  closed: false,
  legs: [],
  harvestPlanned: true,
  hasHarvest: false,
  hasConcentration: false,
  hasInjection: false,
  entries: {},
});

export interface DecideContext {
  now: Date;
  /** Clinical times up to this far ahead of the server clock are accepted (device clocks drift). */
  maxClockSkewMs: number;
}

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  const entries = { ...state.entries, [event.id]: event.type };
  switch (event.type) {
    case 'CaseOpened': {
      // stored events may be older than this code: read them in the current shape
      const data = upcastData(event.type, event.data as never, event.schemaVersion) as unknown as CaseOpened;
      return {
        ...state,
        entries,
        exists: true,
        facilityId: data.facilityId,
        legs: [...data.legs],
        harvestPlanned: data.harvestPlanned,
      };
    }
    case 'HarvestPerformed':
      return { ...state, entries, hasHarvest: true };
    case 'CellsConcentrated':
      return { ...state, entries, hasConcentration: true };
    case 'InjectionGiven':
      return { ...state, entries, hasInjection: true };
    case 'CaseClosed':
      return { ...state, entries, closed: true };
    default:
      return { ...state, entries };
  }
}

function inFuture(occurredAt: string, context: DecideContext): boolean {
  return Date.parse(occurredAt) > context.now.getTime() + context.maxClockSkewMs;
}

const one = (event: DecidedEvent): Decision<DecidedEvent> => accept(event);

export function decideCase(command: CaseCommand, state: CaseState, context: DecideContext): Decision<DecidedEvent> {
  if (command.type === 'OpenCase') {
    if (state.exists) return reject('CASE_ALREADY_EXISTS');
    if (inFuture(command.occurredAt, context)) return reject('OCCURRED_IN_FUTURE');
    const data: CaseOpened = {
      ...command.data,
      additionalDiagnosisCodes: command.data.additionalDiagnosisCodes ?? [],
      legRutherfordCategories: command.data.legRutherfordCategories ?? [],
      harvestOnly: command.data.harvestOnly ?? false,
    };
    if (data.harvestOnly && !data.harvestPlanned) return reject('HARVEST_ONLY_NOT_PLANNED');
    const foreign = data.legRutherfordCategories.find((r) => !data.legs.includes(r.leg));
    if (foreign) return reject('LEG_NOT_TREATED', foreign.leg);
    return one({ type: 'CaseOpened', data, occurredAt: command.occurredAt });
  }
  if (!state.exists) return reject('CASE_NOT_FOUND');
  if (command.type === 'AmendEntry') return decideAmendment(command.data, state, context);
  if (command.type === 'SignProcedure') {
    if (!state.hasHarvest && !state.hasInjection) return reject('NOTHING_TO_SIGN');
    const signedAt = context.now.toISOString();
    const attestedAt = command.data.attestedAt ?? null;
    if (attestedAt !== null && inFuture(attestedAt, context)) return reject('OCCURRED_IN_FUTURE');
    // a late signature's clinical time is when the procedure was attested; the signing time stays the server's
    return one({ type: 'ProcedureSigned', data: { ...command.data, signedAt, attestedAt }, occurredAt: attestedAt ?? signedAt });
  }
  if (state.closed) return reject(command.type === 'CloseCase' ? 'CASE_ALREADY_CLOSED' : 'CASE_CLOSED');
  if (command.type === 'CloseCase') {
    const at = context.now.toISOString();
    return one({ type: 'CaseClosed', data: command.data, occurredAt: at });
  }
  if (inFuture(command.occurredAt, context)) return reject('OCCURRED_IN_FUTURE');
  const occurredAt = command.occurredAt;
  switch (command.type) {
    case 'RecordDopplerAssessment': {
      const computedAbi = computeAbi(command.data);
      const given = command.data.abi;
      return one({
        type: 'DopplerAssessmentRecorded',
        data: {
          ...command.data,
          abi: given ?? computedAbi,
          computedAbi,
          abiSource: given === null ? 'COMPUTED' : 'GIVEN',
        },
        occurredAt,
      });
    }
    case 'RecordAngiography':
      return one({ type: 'AngiographyRecorded', data: command.data, occurredAt });
    case 'RecordHarvest':
      if (!state.harvestPlanned) return reject('HARVEST_NOT_PLANNED');
      if (state.hasHarvest) return reject('HARVEST_ALREADY_RECORDED');
      return one({ type: 'HarvestPerformed', data: { ...command.data, performedBy: command.data.performedBy ?? null }, occurredAt });
    case 'RecordCellConcentration':
      if (state.harvestPlanned && !state.hasHarvest) return reject('CONCENTRATION_WITHOUT_HARVEST');
      if (state.hasConcentration) return reject('CONCENTRATION_ALREADY_RECORDED');
      return one({ type: 'CellsConcentrated', data: command.data, occurredAt });
    case 'RecordInjection':
      if (!state.legs.includes(command.data.leg)) return reject('LEG_NOT_TREATED', command.data.leg);
      if (!state.hasConcentration) return reject('INJECTION_WITHOUT_CONCENTRATION');
      return one({ type: 'InjectionGiven', data: { ...command.data, performedBy: command.data.performedBy ?? null }, occurredAt });
    case 'RecordOutcome':
      if (!state.legs.includes(command.data.leg)) return reject('LEG_NOT_TREATED', command.data.leg);
      return one({ type: 'OutcomeMeasured', data: command.data, occurredAt });
  }
}

function decideAmendment(
  data: { targetEventId: string; reason: string; changes: Record<string, unknown> },
  state: CaseState,
  context: DecideContext,
): Decision<DecidedEvent> {
  const targetType = state.entries[data.targetEventId];
  if (!targetType) return reject('AMENDMENT_TARGET_NOT_FOUND');
  if (!(AMENDABLE_EVENT_TYPES as readonly string[]).includes(targetType)) {
    return reject('AMENDMENT_TARGET_NOT_AMENDABLE', targetType);
  }
  if (Object.keys(data.changes).length === 0) return reject('AMENDMENT_EMPTY');
  const movedTo = data.changes.occurredAt;
  if (typeof movedTo === 'string' && inFuture(movedTo, context)) return reject('OCCURRED_IN_FUTURE');
  const leg = data.changes.leg;
  if (
    typeof leg === 'string' &&
    (targetType === 'InjectionGiven' || targetType === 'OutcomeMeasured') &&
    !state.legs.includes(leg as Leg)
  ) {
    return reject('LEG_NOT_TREATED', leg);
  }
  return one({
    type: 'EntryAmended',
    data: { targetEventId: data.targetEventId, targetType: targetType as AmendableEventType, reason: data.reason, changes: data.changes },
    occurredAt: context.now.toISOString(),
  });
}

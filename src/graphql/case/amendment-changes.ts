/**
 * An amendment's `changes` are validated as the target entry's own input would be: only that payload's
 * fields (plus its clinical time), each with the same constraints. Errors are addressed as input.changes.<field>.
 */
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { caseStream } from '../../domain/events';
import { badUserInput, flattenValidationErrors } from '../common/errors';
import type { Context } from '../context';
import type { AmendEntryInput } from './case-lifecycle.input';
import { OpenCaseInput } from './open-case.input';
import { RecordAngiographyInput } from './record-angiography.input';
import { RecordCellConcentrationInput } from './record-cell-concentration.input';
import { RecordDopplerAssessmentInput } from './record-doppler-assessment.input';
import { RecordHarvestInput } from './record-harvest.input';
import { RecordInjectionInput } from './record-injection.input';
import { RecordOutcomeInput } from './record-outcome.input';

interface AmendableShape {
  input: ClassConstructor<object>;
  fields: readonly string[];
}

const AMENDABLE: Record<string, AmendableShape> = {
  CaseOpened: {
    input: OpenCaseInput,
    fields: [
      'occurredAt',
      'legs',
      'diagnosisCode',
      'rutherfordCategory',
      'fontaineStage',
      'revascularizationNotPossible',
      'amputationOnlyAlternative',
    ],
  },
  DopplerAssessmentRecorded: {
    input: RecordDopplerAssessmentInput,
    fields: [
      'occurredAt',
      'leg',
      'brachialLeftMmHg',
      'brachialRightMmHg',
      'dorsalisPedisMmHg',
      'posteriorTibialMmHg',
      'anteriorTibialMmHg',
      'toePressureMmHg',
      'abi',
    ],
  },
  AngiographyRecorded: { input: RecordAngiographyInput, fields: ['occurredAt', 'leg', 'findings'] },
  HarvestPerformed: { input: RecordHarvestInput, fields: ['occurredAt', 'site', 'sides', 'aspirateVolumeMl', 'needle'] },
  CellsConcentrated: {
    input: RecordCellConcentrationInput,
    fields: ['occurredAt', 'method', 'inputVolumeMl', 'concentrateVolumeMl', 'device', 'totalNucleatedCells', 'cd34Cells'],
  },
  InjectionGiven: {
    input: RecordInjectionInput,
    fields: ['occurredAt', 'leg', 'route', 'injectionCount', 'totalVolumeMl', 'targetSegments', 'ultrasoundGuided'],
  },
  OutcomeMeasured: {
    input: RecordOutcomeInput,
    fields: ['occurredAt', 'leg', 'abi', 'restPainScore', 'ulcerStatus', 'wagnerGrade', 'amputation', 'deceased'],
  },
};

/** Returns the changes, normalised (a clinical time in UTC); throws BAD_USER_INPUT or NOT_FOUND. */
export async function validateAmendment(ctx: Context, input: AmendEntryInput): Promise<Record<string, unknown>> {
  const events = await ctx.services.store.readStream(caseStream(input.caseId));
  const target = events.find((e) => e.id === input.targetEventId);
  // Unknown targets (and cases outside the caller's facilities) are left to the decider's answer.
  const shape = target ? AMENDABLE[target.type] : undefined;
  if (!target || !shape) return input.changes;
  const unknown = Object.keys(input.changes).filter((field) => !shape.fields.includes(field));
  if (unknown.length > 0) {
    throw badUserInput(
      unknown.map((field) => ({ path: `input.changes.${field}`, constraints: [`${field} cannot be amended on ${target.type}`] })),
    );
  }
  const candidate = plainToInstance(shape.input, input.changes);
  const errors = await validate(candidate, {
    skipMissingProperties: false,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  const relevant = errors.filter((e) => e.property in input.changes);
  if (relevant.length > 0) throw badUserInput(flattenValidationErrors(relevant, 'input.changes'));
  if (typeof input.changes.occurredAt === 'string') {
    return { ...input.changes, occurredAt: new Date(input.changes.occurredAt).toISOString() };
  }
  return input.changes;
}

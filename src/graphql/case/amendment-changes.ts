/**
 * An amendment's `changes` are validated as the target entry's own input would be: only that payload's
 * fields (plus its clinical time), each with the same constraints. Errors are addressed as input.changes.<field>.
 */
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors, type FieldProblem } from '../common/errors';
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

/** The changes with a clinical time in UTC (before the command is hashed, so a retry hashes the same). */
export function normalizedChanges(changes: Record<string, unknown>): Record<string, unknown> {
  if (typeof changes.occurredAt !== 'string') return changes;
  const at = new Date(changes.occurredAt);
  return Number.isNaN(at.getTime()) ? changes : { ...changes, occurredAt: at.toISOString() };
}

/**
 * The changes checked against the target's own input, once the caller may see the case: the problems, addressed
 * as input.changes.<field>, or null. Unknown targets are left to the decider's answer.
 */
export async function amendmentProblems(targetType: string | undefined, changes: Record<string, unknown>): Promise<FieldProblem[] | null> {
  const shape = targetType ? AMENDABLE[targetType] : undefined;
  if (!shape) return null;
  const unknown = Object.keys(changes).filter((field) => !shape.fields.includes(field));
  if (unknown.length > 0) {
    return unknown.map((field) => ({ path: `input.changes.${field}`, constraints: [`${field} cannot be amended on this entry`] }));
  }
  const candidate = plainToInstance(shape.input, changes);
  const errors = await validate(candidate, {
    skipMissingProperties: false,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  const relevant = errors.filter((e) => e.property in changes);
  return relevant.length > 0 ? flattenValidationErrors(relevant, 'input.changes') : null;
}

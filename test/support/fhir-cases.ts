/**
 * The four cases the FHIR export is checked on (issue #15), recorded through the API with the contract's
 * operations: a complete one-leg case, a bilateral case with one harvest, a case harvested elsewhere, and
 * an amended case. Each is signed; the amended one is also closed.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import { at, leftLegCase, operation, patientInput } from './case-steps';
import type { TestApp } from './test-app';

const fhirOperations = parse(fs.readFileSync(path.join(__dirname, '../../schema/fhir-operations.graphql'), 'utf8'));

/** One of the FHIR export's operations (schema/fhir-operations.graphql), exactly as clients send it. */
export function fhirOperation(name: 'CaseFhirBundle' | 'CaseFhirAuditBundle'): string {
  const def = fhirOperations.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && d.name?.value === name,
  );
  if (!def) throw new Error(`no operation ${name} in fhir-operations.graphql`);
  return print(def);
}

export type FhirCaseKind = 'one-leg' | 'bilateral' | 'harvested-elsewhere' | 'amended';
export const FHIR_CASE_KINDS: readonly FhirCaseKind[] = ['one-leg', 'bilateral', 'harvested-elsewhere', 'amended'];

async function step(t: TestApp, token: string, name: string, input: object): Promise<string[]> {
  const field = name.charAt(0).toLowerCase() + name.slice(1);
  const result = await t.gql<Record<string, { eventIds: string[] }>>(token, operation(name), { input });
  if (result.errors) throw new Error(`${name} failed: ${JSON.stringify(result.errors)}`);
  return result.data![field]!.eventIds;
}

/** Records one case of `kind` as the clinician of `token`; its id. */
export async function recordFhirCase(t: TestApp, token: string, kind: FhirCaseKind, facilityId = 'F1', now = new Date()): Promise<string> {
  const registered = await t.gql<{ registerPatient: { patient: { id: string } } }>(token, operation('RegisterPatient'), {
    input: patientInput(facilityId),
  });
  const patientId = registered.data!.registerPatient.patient.id;
  const caseId = randomUUID();
  const s = leftLegCase(caseId, patientId, now);
  const harvestAt = new Date(s.harvest.occurredAt);
  const rightDoppler = {
    ...s.doppler,
    leg: 'RIGHT',
    dorsalisPedisMmHg: 60,
    posteriorTibialMmHg: 55,
    anteriorTibialMmHg: 50,
    toePressureMmHg: 25,
  };
  const rightInjection = { ...s.injection, leg: 'RIGHT', occurredAt: at(harvestAt, 0, 3), injectionCount: 20, totalVolumeMl: 20 };

  if (kind === 'bilateral') {
    await step(t, token, 'OpenCase', { ...s.open, legs: ['LEFT', 'RIGHT'], diagnosisCode: 'I70.223', fontaineStage: 'III' });
    await step(t, token, 'RecordDopplerAssessment', s.doppler);
    await step(t, token, 'RecordDopplerAssessment', rightDoppler);
    await step(t, token, 'RecordAngiography', s.angiography);
    await step(t, token, 'RecordAngiography', { ...s.angiography, leg: 'RIGHT' });
    await step(t, token, 'RecordHarvest', s.harvest);
    await step(t, token, 'RecordCellConcentration', s.concentration);
    await step(t, token, 'RecordInjection', { ...s.injection, totalVolumeMl: 20 });
    await step(t, token, 'RecordInjection', rightInjection);
    await step(t, token, 'RecordOutcome', s.outcome);
    await step(t, token, 'RecordOutcome', { ...s.outcome, leg: 'RIGHT', abi: 0.6, restPainScore: 2, ulcerStatus: 'NONE' });
  } else if (kind === 'harvested-elsewhere') {
    await step(t, token, 'OpenCase', { ...s.open, harvestPlanned: false });
    await step(t, token, 'RecordDopplerAssessment', s.doppler);
    await step(t, token, 'RecordAngiography', s.angiography);
    await step(t, token, 'RecordCellConcentration', s.concentration);
    await step(t, token, 'RecordInjection', s.injection);
    await step(t, token, 'RecordOutcome', { ...s.outcome, amputation: 'NONE', deceased: false, wagnerGrade: 2 });
  } else {
    await step(t, token, 'OpenCase', s.open);
    const [doppler] = await step(t, token, 'RecordDopplerAssessment', s.doppler);
    await step(t, token, 'RecordAngiography', s.angiography);
    const [harvest] = await step(t, token, 'RecordHarvest', { ...s.harvest, needle: 'Jamshidi 11G' });
    await step(t, token, 'RecordCellConcentration', s.concentration);
    await step(t, token, 'RecordInjection', s.injection);
    await step(t, token, 'RecordOutcome', s.outcome);
    if (kind === 'amended') {
      await step(t, token, 'AmendEntry', {
        caseId,
        targetEventId: doppler,
        reason: 'dorsalis pedis pressure misread from the Doppler print-out',
        changes: { dorsalisPedisMmHg: 48 },
      });
      await step(t, token, 'AmendEntry', {
        caseId,
        targetEventId: harvest,
        reason: 'volume misread from the syringe',
        changes: { aspirateVolumeMl: 200 },
      });
      await step(t, token, 'AmendEntry', {
        caseId,
        targetEventId: harvest,
        reason: 'second reading of the syringe',
        changes: { aspirateVolumeMl: 210 },
      });
    }
  }
  await step(t, token, 'SignProcedure', { caseId, meaning: 'AUTHORSHIP' });
  if (kind === 'amended') await step(t, token, 'CloseCase', { caseId, reason: 'COMPLETED' });
  return caseId;
}

/**
 * `npm run docs:fhir`: writes docs/fhir-example-bundle.json, the FHIR R4 bundle of a synthetic case (no real
 * patient): a left-leg case from Doppler to a one-month follow-up, one amendment, signed. A unit test checks
 * that the committed file is what this writes.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Bundle } from 'fhir/r4';
import type { CaseRecordEvent } from '../src/domain/case-record';
import { SCHEMA_VERSION } from '../src/domain/events';
import type { Actor, JsonObject } from '../src/eventstore/port';
import { caseFhirBundle, type PatientRegistration } from '../src/fhir/bundle';

const SURGEON: Actor = { id: 'user-0001', role: 'CLINICIAN', name: 'Dr. Example Surgeon' };
const HARVEST_AT = Date.parse('2026-03-10T08:00:00.000Z');
const time = (hours: number): string => new Date(HARVEST_AT + hours * 3600_000).toISOString();
const CASE_ID = '7d3f7a52-8d0e-4c55-9a3b-2f1e6b0c9a01';
const PATIENT_ID = '0b6f3c2e-1a4d-4f7b-8c9e-5d2a7b3c4e10';

const steps: Array<[string, object, string]> = [
  [
    'CaseOpened',
    {
      caseId: CASE_ID,
      patientId: PATIENT_ID,
      facilityId: 'example-facility',
      legs: ['LEFT'],
      diagnosisCode: 'I70.222',
      additionalDiagnosisCodes: [],
      rutherfordCategory: 4,
      legRutherfordCategories: [],
      fontaineStage: 'III',
      revascularizationNotPossible: true,
      amputationOnlyAlternative: true,
      harvestPlanned: true,
      harvestOnly: false,
    },
    time(-24 * 100),
  ],
  [
    'DopplerAssessmentRecorded',
    {
      leg: 'LEFT',
      brachialLeftMmHg: 130,
      brachialRightMmHg: 128,
      dorsalisPedisMmHg: 45,
      posteriorTibialMmHg: 40,
      anteriorTibialMmHg: null,
      toePressureMmHg: 22,
      abi: 0.35,
      computedAbi: 0.35,
      abiSource: 'COMPUTED',
    },
    time(-24 * 90),
  ],
  [
    'AngiographyRecorded',
    { leg: 'LEFT', findings: [{ segment: 'posterior tibial, proximal', kind: 'OCCLUSION', severityPercent: 100 }] },
    time(-3),
  ],
  [
    'HarvestPerformed',
    { site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE', sides: 'BILATERAL', aspirateVolumeMl: 240, needle: 'Jamshidi 11G', performedBy: null },
    time(0),
  ],
  [
    'CellsConcentrated',
    { method: 'CENTRIFUGATION', inputVolumeMl: 240, concentrateVolumeMl: 40, device: null, totalNucleatedCells: null, cd34Cells: null },
    time(1),
  ],
  [
    'InjectionGiven',
    {
      leg: 'LEFT',
      route: 'INTRAMUSCULAR',
      injectionCount: 30,
      totalVolumeMl: 40,
      targetSegments: ['posterior tibial, proximal'],
      ultrasoundGuided: true,
      performedBy: null,
    },
    time(2),
  ],
  [
    'EntryAmended',
    {
      targetEventId: 'event-4',
      targetType: 'HarvestPerformed',
      reason: 'volume misread from the syringe',
      changes: { aspirateVolumeMl: 220 },
    },
    time(3),
  ],
  [
    'ProcedureSigned',
    {
      signerId: SURGEON.id,
      signerName: SURGEON.name,
      signerRole: 'CLINICIAN',
      meaning: 'AUTHORSHIP',
      signedAt: time(3.5),
      attestedAt: null,
    },
    time(3.5),
  ],
  [
    'OutcomeMeasured',
    { leg: 'LEFT', abi: 0.48, restPainScore: 3, ulcerStatus: 'HEALING', wagnerGrade: 1, amputation: 'NONE', deceased: false },
    time(24 * 30),
  ],
];

/** Event ids are `event-<revision>` in the synthetic stream; recorded five minutes after they occurred. */
export function exampleCaseEvents(): CaseRecordEvent[] {
  return steps.map(([type, data, occurredAt], revision) => ({
    id: `event-${revision}`,
    type,
    revision,
    data: data as JsonObject,
    metadata: {
      actor: SURGEON,
      occurredAt,
      recordedAt: new Date(Date.parse(occurredAt) + 5 * 60_000).toISOString(),
      schemaVersion: SCHEMA_VERSION,
    },
  }));
}

export const EXAMPLE_PATIENT: PatientRegistration = {
  eventId: 'patient-event-0',
  data: {
    patientId: PATIENT_ID,
    facilityId: 'example-facility',
    mrn: 'EXAMPLE-0001',
    givenName: 'Example',
    familyName: 'Patient',
    birthDate: '1950-01-01',
    sex: 'UNKNOWN',
  },
  recordedAt: time(-24 * 101),
  occurredAt: time(-24 * 101),
  actor: SURGEON,
};

export function exampleBundle(): Bundle {
  const bundle = caseFhirBundle({ caseEvents: exampleCaseEvents(), patient: EXAMPLE_PATIENT });
  if (!bundle) throw new Error('the example case has no CaseOpened event');
  return bundle;
}

export const exampleBundleText = (): string => `${JSON.stringify(exampleBundle(), null, 2)}\n`;

if (require.main === module) {
  let root = __dirname;
  while (!existsSync(join(root, 'package.json'))) root = dirname(root);
  writeFileSync(join(root, 'docs', 'fhir-example-bundle.json'), exampleBundleText());
  process.stdout.write('wrote docs/fhir-example-bundle.json\n');
}

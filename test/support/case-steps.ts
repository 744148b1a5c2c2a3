/** The contract's operations (from schema/operations.graphql) and inputs for a complete one-leg case. */
import fs from 'node:fs';
import path from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';

// From test/support, or from dist/test/support when a benchmark runs compiled (bench/console-render.ts).
const contract = [path.join(__dirname, '../../schema/operations.graphql'), path.join(__dirname, '../../../schema/operations.graphql')];
const operations = parse(fs.readFileSync(contract.find((file) => fs.existsSync(file)) ?? (contract[0] as string), 'utf8'));

/** One operation of the client contract, exactly as clients send it. */
export function operation(name: string): string {
  const def = operations.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && d.name?.value === name);
  if (!def) throw new Error(`no operation ${name} in operations.graphql`);
  return print(def);
}

const DAY = 24 * 60 * 60 * 1000;
export const at = (base: Date, days: number, hours = 0): string => new Date(base.getTime() + days * DAY + hours * 3600_000).toISOString();

export function patientInput(facilityId: string) {
  return { facilityId, mrn: 'MRN-0001', givenName: 'Ada', familyName: 'Example', birthDate: '1948-05-17', sex: 'FEMALE' };
}

/**
 * A complete left-leg case, harvest at 08:00 UTC on the day 10 days before `now`: every step in clinical
 * order, all on one calendar day in UTC and in the Americas (the audit's "same day" is a calendar day).
 */
export function leftLegCase(caseId: string, patientId: string, now: Date) {
  const harvestAt = new Date(Math.floor((now.getTime() - 10 * DAY) / DAY) * DAY + 8 * 3600_000);
  return {
    open: {
      caseId,
      patientId,
      legs: ['LEFT'],
      occurredAt: at(harvestAt, -100),
      diagnosisCode: 'I70.222',
      rutherfordCategory: 4,
      revascularizationNotPossible: true,
      amputationOnlyAlternative: true,
    },
    doppler: {
      caseId,
      occurredAt: at(harvestAt, -90),
      leg: 'LEFT',
      brachialLeftMmHg: 130,
      brachialRightMmHg: 128,
      dorsalisPedisMmHg: 45,
      posteriorTibialMmHg: 40,
    },
    angiography: {
      caseId,
      occurredAt: at(harvestAt, 0, -3),
      leg: 'LEFT',
      findings: [{ segment: 'posterior tibial, proximal', kind: 'OCCLUSION', severityPercent: 100 }],
    },
    harvest: {
      caseId,
      occurredAt: harvestAt.toISOString(),
      site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE',
      sides: 'BILATERAL',
      aspirateVolumeMl: 240,
    },
    concentration: { caseId, occurredAt: at(harvestAt, 0, 1), method: 'CENTRIFUGATION', inputVolumeMl: 240, concentrateVolumeMl: 40 },
    injection: {
      caseId,
      occurredAt: at(harvestAt, 0, 2),
      leg: 'LEFT',
      route: 'INTRAMUSCULAR',
      injectionCount: 30,
      totalVolumeMl: 40,
      targetSegments: ['posterior tibial, proximal'],
      ultrasoundGuided: true,
    },
    outcome: { caseId, occurredAt: at(harvestAt, 5), leg: 'LEFT', abi: 0.45, restPainScore: 5, ulcerStatus: 'PRESENT' },
  };
}

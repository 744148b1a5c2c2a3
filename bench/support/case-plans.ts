/**
 * Plans of synthetic cases: each a timed list of the commands a clinician would send, in clinical order,
 * with the defects real documentation has (missing or late Doppler, a single injection, no signature,
 * missed follow-ups…). No real person: names are "Synthetic", MRNs "SYN-…".
 */
import type { CaseCommand } from '../../src/domain/case-commands';
import type { PatientCommand } from '../../src/domain/patient-decider';
import type { Actor } from '../../src/eventstore/port';
import type { Leg } from '../../src/domain/values';
import type { Random } from './prng';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type PlannedCommand = { stream: 'patient'; command: PatientCommand } | { stream: 'case'; command: CaseCommand };

export interface PlannedStep {
  /** Server recording time (ms since epoch); steps of a plan are in this order. */
  recordedAt: number;
  commandId: string;
  actor: Actor;
  planned: PlannedCommand;
}

export type CaseShape = 'oneLeg' | 'bothLegs' | 'harvestElsewhere' | 'harvestOnly' | 'cancelled';

export type Defect =
  | 'missingDoppler'
  | 'lateDoppler'
  | 'dopplerAfterHarvest'
  | 'missingAngiography'
  | 'earlyAngiography'
  | 'singleInjection'
  | 'unsigned'
  | 'missedFollowUps'
  | 'wrongLaterality'
  | 'noAttestation'
  | 'amended'
  | 'lateEntry';

/** Where a case stops: a realistic case runs to its end; the write benchmark needs cases left at a step. */
export type CaseStage = 'complete' | 'opened' | 'concentrated';

export interface CasePlan {
  caseId: string;
  patientId: string;
  facilityId: string;
  legs: Leg[];
  harvestPlanned: boolean;
  shape: CaseShape;
  defects: Defect[];
  stage: CaseStage;
  steps: PlannedStep[];
}

export interface PatientRef {
  patientId: string;
  facilityId: string;
  /** Already registered by an earlier plan. */
  registered: boolean;
}

export interface PlanOptions {
  random: Random;
  /** Clinical time of the harvest (or of the day the procedure would happen). */
  harvestAt: number;
  patient: PatientRef;
  actor: Actor;
  shape?: CaseShape;
  stage?: CaseStage;
}

export const FACILITIES = ['F1', 'F2', 'F3', 'F4'] as const;

const SEGMENTS = ['posterior tibial, proximal', 'anterior tibial, mid', 'superficial femoral, distal', 'popliteal', 'peroneal, proximal'];
const SHAPES: ReadonlyArray<[CaseShape, number]> = [
  ['oneLeg', 0.6],
  ['bothLegs', 0.15],
  ['harvestElsewhere', 0.1],
  ['harvestOnly', 0.05],
  ['cancelled', 0.1],
];
const DEFECT_CHANCE: ReadonlyArray<[Defect, number]> = [
  ['missingDoppler', 0.05],
  ['lateDoppler', 0.08],
  ['dopplerAfterHarvest', 0.02],
  ['missingAngiography', 0.04],
  ['earlyAngiography', 0.05],
  ['singleInjection', 0.05],
  ['unsigned', 0.08],
  ['missedFollowUps', 0.25],
  ['wrongLaterality', 0.02],
  ['noAttestation', 0.02],
  ['amended', 0.1],
  ['lateEntry', 0.05],
];

export function clinicians(count: number): Actor[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return { id: `clinician-${n}`, role: 'CLINICIAN', name: `Clinician ${n}` };
  });
}

function weighted<T>(random: Random, table: ReadonlyArray<[T, number]>): T {
  let r = random.next() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  return (table[table.length - 1] as [T, number])[0];
}

function diagnosisFor(random: Random, legs: readonly Leg[], wrongSide: boolean): string {
  const both = legs.length === 2;
  const right = wrongSide ? legs[0] === 'LEFT' : legs[0] === 'RIGHT';
  const side = both ? '3' : right ? '1' : '2';
  const family = random.pick(both ? ['I70.22', 'I70.26'] : ['I70.22', 'I70.26', 'ulcer']);
  if (family === 'ulcer') return right ? `I70.23${random.int(1, 5)}` : `I70.24${random.int(1, 5)}`;
  return `${family}${side}`;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** A patient's registration (when not yet registered) and one case, every step timed. */
export function planCase(options: PlanOptions): CasePlan {
  const { random, harvestAt: h, patient, actor } = options;
  const stage = options.stage ?? 'complete';
  const shape = options.shape ?? weighted(random, SHAPES);
  const defects = stage === 'complete' ? DEFECT_CHANCE.filter(([, p]) => random.chance(p)).map(([d]) => d) : [];
  const has = (d: Defect) => defects.includes(d);
  const legs: Leg[] = shape === 'bothLegs' ? ['LEFT', 'RIGHT'] : [random.pick<Leg>(['LEFT', 'RIGHT'])];
  const harvestPlanned = shape !== 'harvestElsewhere';
  const caseId = random.uuid();
  const steps: PlannedStep[] = [];
  const clinical = (occurredAt: number, planned: PlannedCommand, lateBy = 0) =>
    steps.push({ recordedAt: occurredAt + lateBy + random.int(1, 30) * MINUTE, commandId: random.uuid(), actor, planned });
  const atOnce = (at: number, planned: PlannedCommand) => steps.push({ recordedAt: at, commandId: random.uuid(), actor, planned });
  const dopplerDaysBefore = has('lateDoppler') ? random.int(130, 200) : random.int(62, 118);
  const dopplerAt = has('dopplerAfterHarvest') ? h + 3 * HOUR : h - dopplerDaysBefore * DAY;
  // The case is opened before its first assessment.
  const openedAt = Math.min(h - random.int(90, 110) * DAY, dopplerAt - random.int(1, 14) * DAY);

  if (!patient.registered) {
    const n = random.int(1, 999_999);
    atOnce(openedAt - random.int(1, 48) * HOUR, {
      stream: 'patient',
      command: {
        type: 'RegisterPatient',
        data: {
          patientId: patient.patientId,
          facilityId: patient.facilityId,
          mrn: `SYN-${String(n).padStart(6, '0')}`,
          givenName: 'Synthetic',
          familyName: `Patient ${n}`,
          birthDate: `${random.int(1930, 1965)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
          sex: random.pick(['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const),
        },
      },
    });
  }

  clinical(openedAt, {
    stream: 'case',
    command: {
      type: 'OpenCase',
      occurredAt: iso(openedAt),
      data: {
        caseId,
        patientId: patient.patientId,
        facilityId: patient.facilityId,
        legs,
        diagnosisCode: diagnosisFor(random, legs, has('wrongLaterality')),
        rutherfordCategory: random.int(4, 6),
        fontaineStage: random.pick(['III', 'IV'] as const),
        revascularizationNotPossible: true,
        amputationOnlyAlternative: !has('noAttestation'),
        harvestPlanned,
      },
    },
  });
  const plan = (): CasePlan => {
    steps.sort((a, b) => a.recordedAt - b.recordedAt);
    return { caseId, patientId: patient.patientId, facilityId: patient.facilityId, legs, harvestPlanned, shape, defects, stage, steps };
  };
  if (stage === 'opened') return plan();

  const segments = [...new Set([random.pick(SEGMENTS), random.pick(SEGMENTS)])];
  if (stage === 'complete') {
    if (!has('missingDoppler')) {
      for (const leg of legs) {
        const brachial = random.int(110, 160);
        clinical(
          dopplerAt,
          {
            stream: 'case',
            command: {
              type: 'RecordDopplerAssessment',
              occurredAt: iso(dopplerAt),
              data: {
                leg,
                brachialLeftMmHg: brachial,
                brachialRightMmHg: brachial + random.int(-8, 8),
                dorsalisPedisMmHg: random.int(20, 70),
                posteriorTibialMmHg: random.int(20, 70),
                anteriorTibialMmHg: random.chance(0.5) ? random.int(20, 70) : null,
                toePressureMmHg: random.chance(0.3) ? random.int(10, 50) : null,
                abi: null,
              },
            },
          },
          has('lateEntry') ? 3 * DAY : 0,
        );
      }
    }
    if (shape === 'cancelled') {
      // After the Doppler has been recorded, even when it was entered late.
      const cancelledAt = Math.max(openedAt + random.int(20, 60) * DAY, dopplerAt + random.int(4, 14) * DAY);
      atOnce(cancelledAt, { stream: 'case', command: { type: 'CloseCase', data: { reason: 'CANCELLED' } } });
      return plan();
    }
    if (!has('missingAngiography')) {
      const angioAt = h - (has('earlyAngiography') ? random.int(3, 10) * DAY : random.int(1, 6) * HOUR);
      for (const leg of legs) {
        clinical(angioAt, {
          stream: 'case',
          command: {
            type: 'RecordAngiography',
            occurredAt: iso(angioAt),
            data: {
              leg,
              findings: segments.map((segment) => ({
                segment,
                kind: random.pick(['STENOSIS', 'OCCLUSION'] as const),
                severityPercent: random.int(70, 100),
              })),
            },
          },
        });
      }
    }
  }

  const aspirate = random.int(120, 240);
  if (harvestPlanned) {
    clinical(h, {
      stream: 'case',
      command: {
        type: 'RecordHarvest',
        occurredAt: iso(h),
        data: {
          site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE',
          sides: random.pick(['LEFT', 'RIGHT', 'BILATERAL'] as const),
          aspirateVolumeMl: aspirate,
          needle: random.chance(0.5) ? 'Jamshidi 11G' : null,
        },
      },
    });
  }
  const harvestStep = steps[steps.length - 1] as PlannedStep;
  if (stage === 'complete' && shape === 'harvestOnly') {
    if (!has('unsigned'))
      atOnce(h + 4 * HOUR, {
        stream: 'case',
        command: {
          type: 'SignProcedure',
          data: { meaning: 'AUTHORSHIP', signerId: actor.id, signerName: actor.name, signerRole: 'CLINICIAN' },
        },
      });
    atOnce(h + random.int(5, 30) * DAY, { stream: 'case', command: { type: 'CloseCase', data: { reason: 'COMPLETED' } } });
    return plan();
  }

  clinical(h + HOUR, {
    stream: 'case',
    command: {
      type: 'RecordCellConcentration',
      occurredAt: iso(h + HOUR),
      data: {
        method: 'CENTRIFUGATION',
        inputVolumeMl: aspirate,
        concentrateVolumeMl: random.int(30, 50),
        device: random.chance(0.5) ? 'centrifuge A' : null,
        totalNucleatedCells: random.chance(0.3) ? random.int(1, 9) * 1e9 : null,
        cd34Cells: null,
      },
    },
  });
  if (stage === 'concentrated') return plan();

  legs.forEach((leg, i) => {
    const at = h + 2 * HOUR + i * 30 * MINUTE;
    clinical(at, {
      stream: 'case',
      command: {
        type: 'RecordInjection',
        occurredAt: iso(at),
        data: {
          leg,
          route: 'INTRAMUSCULAR',
          injectionCount: has('singleInjection') ? 1 : random.int(20, 40),
          totalVolumeMl: random.int(15, 40),
          targetSegments: segments,
          ultrasoundGuided: random.chance(0.7),
        },
      },
    });
  });
  if (!has('unsigned')) {
    atOnce(h + 4 * HOUR, {
      stream: 'case',
      command: {
        type: 'SignProcedure',
        data: { meaning: 'AUTHORSHIP', signerId: actor.id, signerName: actor.name, signerRole: 'CLINICIAN' },
      },
    });
  }
  if (has('amended') && harvestPlanned) {
    atOnce(h + random.int(1, 5) * DAY, {
      stream: 'case',
      command: {
        type: 'AmendEntry',
        data: {
          targetEventId: `@${harvestStep.commandId}`,
          reason: 'volume misread from the syringe',
          changes: { aspirateVolumeMl: aspirate - 10 },
        },
      },
    });
  }
  // Day 1 is the post-procedure check; the others are the follow-up visits the POST rules expect.
  const followUps = [1, 30, 91, 182, 365].filter((_days, i) => i === 0 || !has('missedFollowUps') || random.chance(0.5));
  for (const days of followUps) {
    const at = h + (days === 1 ? 1 : days + random.int(-10, 10)) * DAY;
    for (const leg of legs) {
      clinical(at, {
        stream: 'case',
        command: {
          type: 'RecordOutcome',
          occurredAt: iso(at),
          data: {
            leg,
            abi: Math.round(random.int(30, 90)) / 100,
            restPainScore: random.int(0, 8),
            ulcerStatus: random.pick(['NONE', 'PRESENT', 'HEALING', 'HEALED'] as const),
            wagnerGrade: null,
            amputation: random.chance(0.05) ? 'MINOR' : 'NONE',
            deceased: false,
          },
        },
      });
    }
  }
  atOnce(h + random.int(380, 400) * DAY, {
    stream: 'case',
    command: { type: 'CloseCase', data: { reason: random.chance(0.9) ? 'COMPLETED' : 'LOST_TO_FOLLOW_UP' } },
  });
  return plan();
}

/** The id of the event a planned step writes: an amendment names its target as `@<commandId>`. */
export const AMENDMENT_TARGET_PREFIX = '@';

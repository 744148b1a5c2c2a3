/**
 * Builds case streams for the compliance tests: `CaseBuilder.completeOneLeg()` is a case that passes every
 * rule, and each test changes one thing (patch an entry, drop one, add one, or amend one as a clinician would).
 * Events are folded with the domain's own `caseRecordOf`, so amendments behave exactly as in production.
 */
import { type CaseRecord, type CaseRecordEvent, caseRecordOf } from '../../../src/domain/case-record';
import {
  SCHEMA_VERSION,
  type AngiographyRecorded,
  type CaseEventMap,
  type CaseOpened,
  type DopplerAssessmentRecorded,
  type InjectionGiven,
  type OutcomeMeasured,
  type ProcedureSigned,
} from '../../../src/domain/events';
import type { Leg } from '../../../src/domain/values';
import type { Actor, JsonObject } from '../../../src/eventstore/port';

/** The harvest's clinical time; every other time in a built case is relative to it. */
export const HARVEST_AT = '2025-03-10T08:00:00.000Z';

export const OPERATOR: Actor = { id: 'user-operator', role: 'CLINICIAN', name: 'Dr. Operator' };
export const NURSE: Actor = { id: 'user-nurse', role: 'CLINICIAN', name: 'Nurse Assistant' };

export const ID = {
  opened: 'evt-opened',
  harvest: 'evt-harvest',
  concentration: 'evt-concentration',
  signature: 'evt-signature',
  doppler: (leg: Leg): string => `evt-doppler-${leg}`,
  angiography: (leg: Leg): string => `evt-angiography-${leg}`,
  injection: (leg: Leg): string => `evt-injection-${leg}`,
} as const;

export interface Offset {
  days?: number;
  hours?: number;
  minutes?: number;
}

/** A clinical time relative to the harvest (or to `from`): `at({ days: -90 })`. */
export function at(offset: Offset, from: string = HARVEST_AT): string {
  const ms = ((offset.days ?? 0) * 24 * 60 + (offset.hours ?? 0) * 60 + (offset.minutes ?? 0)) * 60_000;
  return new Date(Date.parse(from) + ms).toISOString();
}

type EventType = keyof CaseEventMap;

interface Draft {
  id: string;
  type: EventType;
  data: JsonObject;
  occurredAt: string;
  recordedAt: string | null;
  actor: Actor;
}

export const angiographyFindings = (): AngiographyRecorded['findings'] => [
  { segment: 'superficial femoral artery', kind: 'OCCLUSION', severityPercent: null },
  { segment: 'posterior tibial artery', kind: 'STENOSIS', severityPercent: 80 },
];

/** Pressures whose ABI is max(40, 45) / max(120, 125) = 0.36. */
export const dopplerData = (leg: Leg): DopplerAssessmentRecorded => ({
  leg,
  brachialLeftMmHg: 120,
  brachialRightMmHg: 125,
  dorsalisPedisMmHg: 40,
  posteriorTibialMmHg: 45,
  anteriorTibialMmHg: null,
  toePressureMmHg: 20,
  abi: 0.36,
  computedAbi: 0.36,
  abiSource: 'COMPUTED',
});

export const injectionData = (leg: Leg, patch: Partial<InjectionGiven> = {}): InjectionGiven => ({
  leg,
  route: 'INTRAMUSCULAR',
  injectionCount: 20,
  totalVolumeMl: 40,
  targetSegments: ['superficial femoral artery', 'posterior tibial artery'],
  ultrasoundGuided: true,
  performedBy: null,
  ...patch,
});

export const outcomeData = (leg: Leg, patch: Partial<OutcomeMeasured> = {}): OutcomeMeasured => ({
  leg,
  abi: 0.52,
  restPainScore: 3,
  ulcerStatus: 'HEALING',
  wagnerGrade: 1,
  amputation: 'NONE',
  deceased: false,
  ...patch,
});

const json = (data: object): JsonObject => ({ ...data }) as JsonObject;

export class CaseBuilder {
  private constructor(private readonly drafts: readonly Draft[]) {}

  /** Opened, Doppler 90 days and angiography 2 hours before the harvest, concentration, 20 IM injections, signed by the operator. */
  static completeOneLeg(leg: Leg = 'LEFT'): CaseBuilder {
    const opened: CaseOpened = {
      caseId: 'case-1',
      patientId: 'patient-1',
      facilityId: 'facility-1',
      legs: [leg],
      diagnosisCode: leg === 'LEFT' ? 'I70.222' : 'I70.221',
      additionalDiagnosisCodes: [],
      rutherfordCategory: 4,
      legRutherfordCategories: [],
      fontaineStage: 'III',
      revascularizationNotPossible: true,
      amputationOnlyAlternative: true,
      harvestPlanned: true,
      harvestOnly: false,
    };
    return new CaseBuilder([])
      .add('CaseOpened', opened, at({ days: -100 }), { id: ID.opened })
      .add('DopplerAssessmentRecorded', dopplerData(leg), at({ days: -90 }), { id: ID.doppler(leg) })
      .add('AngiographyRecorded', { leg, findings: angiographyFindings() }, at({ hours: -2 }), { id: ID.angiography(leg) })
      .add(
        'HarvestPerformed',
        { site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE', sides: 'BILATERAL', aspirateVolumeMl: 240, needle: 'Jamshidi 11G', performedBy: null },
        HARVEST_AT,
        {
          id: ID.harvest,
        },
      )
      .add(
        'CellsConcentrated',
        { method: 'CENTRIFUGATION', inputVolumeMl: 240, concentrateVolumeMl: 40, device: null, totalNucleatedCells: null, cd34Cells: null },
        at({ minutes: 30 }),
        { id: ID.concentration },
      )
      .add('InjectionGiven', injectionData(leg), at({ hours: 1 }), { id: ID.injection(leg) })
      .sign();
  }

  /** Both legs from one harvest: the left leg is injected first (1 h after the harvest), the right leg 30 minutes later. */
  static bothLegs(): CaseBuilder {
    return CaseBuilder.completeOneLeg('LEFT')
      .patch(ID.opened, { data: { legs: ['LEFT', 'RIGHT'], diagnosisCode: 'I70.223' } })
      .add('DopplerAssessmentRecorded', dopplerData('RIGHT'), at({ days: -90 }), { id: ID.doppler('RIGHT') })
      .add('AngiographyRecorded', { leg: 'RIGHT', findings: angiographyFindings() }, at({ hours: -2 }), { id: ID.angiography('RIGHT') })
      .add('InjectionGiven', injectionData('RIGHT'), at({ hours: 1, minutes: 30 }), { id: ID.injection('RIGHT') })
      .without(ID.signature)
      .sign();
  }

  /** The procedure signed by the operator, 2 hours after the harvest (or at `signedAt`). */
  sign(patch: Partial<ProcedureSigned> = {}, id: string = ID.signature): CaseBuilder {
    const data: ProcedureSigned = {
      signerId: OPERATOR.id,
      signerName: OPERATOR.name,
      signerRole: OPERATOR.role,
      meaning: 'AUTHORSHIP',
      signedAt: at({ hours: 2 }),
      attestedAt: null,
      ...patch,
    };
    return this.add('ProcedureSigned', data, data.attestedAt ?? data.signedAt, { id });
  }

  add(type: EventType, data: object, occurredAt: string, options: { id?: string; actor?: Actor; recordedAt?: string } = {}): CaseBuilder {
    const id = options.id ?? `evt-${this.drafts.length + 1}`;
    const draft: Draft = {
      id,
      type,
      data: json(data),
      occurredAt,
      recordedAt: options.recordedAt ?? null,
      actor: options.actor ?? OPERATOR,
    };
    return new CaseBuilder([...this.drafts, draft]);
  }

  /** Changes an entry as it was first recorded (not an amendment). */
  patch(id: string, change: { data?: object; occurredAt?: string; actor?: Actor }): CaseBuilder {
    this.draft(id);
    return new CaseBuilder(
      this.drafts.map((d) =>
        d.id === id
          ? {
              ...d,
              data: { ...d.data, ...json(change.data ?? {}) },
              occurredAt: change.occurredAt ?? d.occurredAt,
              actor: change.actor ?? d.actor,
            }
          : d,
      ),
    );
  }

  without(...ids: string[]): CaseBuilder {
    ids.forEach((id) => this.draft(id));
    return new CaseBuilder(this.drafts.filter((d) => !ids.includes(d.id)));
  }

  /** An EntryAmended event correcting `targetId`, recorded a day after the harvest. */
  amend(targetId: string, changes: Record<string, unknown>, options: { reason?: string; id?: string } = {}): CaseBuilder {
    const target = this.drafts.find((d) => d.id === targetId);
    return this.add(
      'EntryAmended',
      {
        targetEventId: targetId,
        targetType: target?.type ?? 'InjectionGiven',
        reason: options.reason ?? 'transcription error corrected',
        changes,
      },
      at({ days: 1 }),
      { id: options.id ?? `evt-amendment-${this.drafts.length + 1}` },
    );
  }

  outcome(leg: Leg, afterInjection: Offset, patch: Partial<OutcomeMeasured> = {}, id?: string): CaseBuilder {
    const injected = this.draft(ID.injection(leg)).occurredAt;
    return this.add('OutcomeMeasured', outcomeData(leg, patch), at(afterInjection, injected), {
      id: id ?? `evt-outcome-${leg}-${this.drafts.length + 1}`,
    });
  }

  events(): CaseRecordEvent[] {
    return this.drafts.map((d, revision) => ({
      id: d.id,
      type: d.type,
      revision,
      data: d.data,
      metadata: {
        actor: d.actor,
        occurredAt: d.occurredAt,
        recordedAt: d.recordedAt ?? at({ minutes: 5 }, d.occurredAt),
        schemaVersion: SCHEMA_VERSION,
      },
    }));
  }

  record(): CaseRecord {
    const record = caseRecordOf(this.events());
    if (!record) throw new Error('the built stream has no CaseOpened event');
    return record;
  }

  private draft(id: string): Draft {
    const found = this.drafts.find((d) => d.id === id);
    if (!found) throw new Error(`no event ${id} in the built case`);
    return found;
  }
}

/** `[rule, severity]` of each finding: what most assertions compare. */
export const kinds = (findings: readonly { rule: string; severity: string }[]): [string, string][] =>
  findings.map((f) => [f.rule, f.severity]);

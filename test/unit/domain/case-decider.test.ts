/** Decider specs: given events, when a command, then events or a domain error. */
import type { CaseCommand } from '../../../src/domain/case-commands';
import { decideCase, evolveCase, initialCaseState } from '../../../src/domain/case-decider';
import type { CaseEvent, CaseEventMap } from '../../../src/domain/events';
import { caseOpenedData } from '../../support/recorded-events';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const context = { now: NOW, maxClockSkewMs: 5 * 60 * 1000 };
const T = '2026-06-01T08:00:00.000Z';

let counter = 0;
function ev<K extends keyof CaseEventMap>(type: K, data: CaseEventMap[K], id = `e${++counter}`): CaseEvent {
  return { type, data, id, occurredAt: T } as CaseEvent;
}

const opened = (over: Partial<CaseEventMap['CaseOpened']> = {}) =>
  ev('CaseOpened', { ...(caseOpenedData('c1', { patientId: 'p1' }) as unknown as CaseEventMap['CaseOpened']), ...over }, 'opened');
const harvest = () =>
  ev(
    'HarvestPerformed',
    { site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE', sides: 'LEFT', aspirateVolumeMl: 200, needle: null, performedBy: null },
    'harvest',
  );
const concentration = () =>
  ev('CellsConcentrated', {
    method: 'CENTRIFUGATION',
    inputVolumeMl: 200,
    concentrateVolumeMl: 40,
    device: null,
    totalNucleatedCells: null,
    cd34Cells: null,
  });
const closed = () => ev('CaseClosed', { reason: 'COMPLETED' });
const signed = () =>
  ev('ProcedureSigned', { signerId: 'u', signerName: 'Dr', signerRole: 'CLINICIAN', meaning: 'AUTHORSHIP', signedAt: T, attestedAt: null });

const injection = (leg: 'LEFT' | 'RIGHT' = 'LEFT'): CaseCommand => ({
  type: 'RecordInjection',
  occurredAt: T,
  data: { leg, route: 'INTRAMUSCULAR', injectionCount: 20, totalVolumeMl: 40, targetSegments: ['anterior tibial'], ultrasoundGuided: true },
});
const doppler = (abi: number | null, occurredAt = T): CaseCommand => ({
  type: 'RecordDopplerAssessment',
  occurredAt,
  data: {
    leg: 'LEFT',
    brachialLeftMmHg: 140,
    brachialRightMmHg: 120,
    dorsalisPedisMmHg: 50,
    posteriorTibialMmHg: 60,
    anteriorTibialMmHg: null,
    toePressureMmHg: null,
    abi,
  },
});
const recordHarvest: CaseCommand = {
  type: 'RecordHarvest',
  occurredAt: T,
  data: { site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE', sides: 'BILATERAL', aspirateVolumeMl: 180, needle: null },
};
const recordConcentration: CaseCommand = {
  type: 'RecordCellConcentration',
  occurredAt: T,
  data: { method: 'CENTRIFUGATION', inputVolumeMl: 180, concentrateVolumeMl: 40, device: null, totalNucleatedCells: null, cd34Cells: null },
};

function given(...events: CaseEvent[]) {
  const state = events.reduce(evolveCase, initialCaseState());
  return {
    when: (command: CaseCommand) => {
      const decision = decideCase(command, state, context);
      return {
        thenEvents: () => {
          if (!decision.ok) throw new Error(`expected events, got ${decision.error.rule}`);
          return decision.events;
        },
        thenRejects: (rule: string) => {
          expect(decision).toEqual({ ok: false, error: expect.objectContaining({ rule }) });
        },
      };
    },
  };
}

describe('case decider', () => {
  it('opens a case once', () => {
    const open: CaseCommand = { type: 'OpenCase', occurredAt: T, data: opened().data as CaseEventMap['CaseOpened'] };
    expect(given().when(open).thenEvents()).toEqual([expect.objectContaining({ type: 'CaseOpened' })]);
    given(opened()).when(open).thenRejects('CASE_ALREADY_EXISTS');
  });

  it('records nothing on a case that was never opened', () => {
    given().when(recordHarvest).thenRejects('CASE_NOT_FOUND');
  });

  it('rejects a clinical time in the future beyond the clock skew, accepts one within it', () => {
    const late = new Date(NOW.getTime() + 6 * 60 * 1000).toISOString();
    const skewed = new Date(NOW.getTime() + 4 * 60 * 1000).toISOString();
    given(opened()).when(doppler(null, late)).thenRejects('OCCURRED_IN_FUTURE');
    expect(given(opened()).when(doppler(null, skewed)).thenEvents()).toHaveLength(1);
  });

  it('computes the ABI from the pressures when none is given (higher ankle / higher brachial)', () => {
    const [event] = given(opened()).when(doppler(null)).thenEvents();
    expect(event!.data).toMatchObject({ abi: 0.43, computedAbi: 0.43, abiSource: 'COMPUTED' });
  });

  it('keeps a given ABI that disagrees with the pressures, for the audit to flag', () => {
    const [event] = given(opened()).when(doppler(0.9)).thenEvents();
    expect(event!.data).toMatchObject({ abi: 0.9, computedAbi: 0.43, abiSource: 'GIVEN' });
  });

  it('needs a harvest before a concentration, unless the harvest was done elsewhere', () => {
    given(opened()).when(recordConcentration).thenRejects('CONCENTRATION_WITHOUT_HARVEST');
    expect(
      given(opened({ harvestPlanned: false }))
        .when(recordConcentration)
        .thenEvents(),
    ).toHaveLength(1);
    expect(given(opened(), harvest()).when(recordConcentration).thenEvents()).toHaveLength(1);
  });

  it('refuses a harvest in a case that says it was done elsewhere, and a second harvest', () => {
    given(opened({ harvestPlanned: false }))
      .when(recordHarvest)
      .thenRejects('HARVEST_NOT_PLANNED');
    given(opened(), harvest()).when(recordHarvest).thenRejects('HARVEST_ALREADY_RECORDED');
  });

  it('needs a concentration before an injection, into a leg the case treats', () => {
    given(opened(), harvest()).when(injection()).thenRejects('INJECTION_WITHOUT_CONCENTRATION');
    given(opened(), harvest(), concentration()).when(injection('RIGHT')).thenRejects('LEG_NOT_TREATED');
    expect(given(opened(), harvest(), concentration()).when(injection('LEFT')).thenEvents()).toHaveLength(1);
  });

  it('records nothing but amendments and signatures after close', () => {
    const history = [opened(), harvest(), concentration(), closed()];
    given(...history)
      .when(injection())
      .thenRejects('CASE_CLOSED');
    given(...history)
      .when({ type: 'CloseCase', data: { reason: 'CANCELLED' } })
      .thenRejects('CASE_ALREADY_CLOSED');
    expect(
      given(...history)
        .when({ type: 'SignProcedure', data: { meaning: 'REVIEW', signerId: 'u', signerName: 'Dr', signerRole: 'CLINICIAN' } })
        .thenEvents(),
    ).toHaveLength(1);
    const amend: CaseCommand = {
      type: 'AmendEntry',
      data: { targetEventId: 'harvest', reason: 'typo', changes: { aspirateVolumeMl: 190 } },
    };
    expect(
      given(...history)
        .when(amend)
        .thenEvents(),
    ).toEqual([
      expect.objectContaining({
        type: 'EntryAmended',
        data: expect.objectContaining({ targetEventId: 'harvest', targetType: 'HarvestPerformed' }),
      }),
    ]);
  });

  it('amends only existing, amendable entries of the same case', () => {
    const amend = (targetEventId: string, changes: Record<string, unknown> = { aspirateVolumeMl: 190 }): CaseCommand => ({
      type: 'AmendEntry',
      data: { targetEventId, reason: 'typo', changes },
    });
    given(opened(), harvest()).when(amend('elsewhere')).thenRejects('AMENDMENT_TARGET_NOT_FOUND');
    const sig = signed();
    given(opened(), harvest(), sig).when(amend(sig.id)).thenRejects('AMENDMENT_TARGET_NOT_AMENDABLE');
    given(opened(), harvest()).when(amend('harvest', {})).thenRejects('AMENDMENT_EMPTY');
    given(opened(), harvest())
      .when(amend('harvest', { occurredAt: '2030-01-01T00:00:00.000Z' }))
      .thenRejects('OCCURRED_IN_FUTURE');
  });

  it('signs only when there is a harvest or an injection to sign, with the server time', () => {
    const sign: CaseCommand = {
      type: 'SignProcedure',
      data: { meaning: 'AUTHORSHIP', signerId: 'u', signerName: 'Dr', signerRole: 'CLINICIAN' },
    };
    given(opened()).when(sign).thenRejects('NOTHING_TO_SIGN');
    expect(given(opened(), harvest()).when(sign).thenEvents()[0]!.data).toMatchObject({
      signedAt: NOW.toISOString(),
      meaning: 'AUTHORSHIP',
    });
  });

  it('only measures outcomes of treated legs', () => {
    const outcome = (leg: 'LEFT' | 'RIGHT'): CaseCommand => ({
      type: 'RecordOutcome',
      occurredAt: T,
      data: { leg, abi: 0.5, restPainScore: 3, ulcerStatus: null, wagnerGrade: null, amputation: null, deceased: null },
    });
    given(opened()).when(outcome('RIGHT')).thenRejects('LEG_NOT_TREATED');
    expect(given(opened()).when(outcome('LEFT')).thenEvents()).toHaveLength(1);
  });

  describe('documenting what happened (issue #17)', () => {
    const v1Opened = (): CaseEvent =>
      ({ type: 'CaseOpened', id: 'opened', occurredAt: T, data: caseOpenedData('c1', { patientId: 'p1' }) }) as unknown as CaseEvent;

    it('writes every current field of a case opened without the fields added later', () => {
      const legacy = caseOpenedData('c2', { patientId: 'p1' }) as unknown as CaseEventMap['CaseOpened'];
      const [event] = given().when({ type: 'OpenCase', occurredAt: T, data: legacy }).thenEvents();
      expect(event!.data).toEqual({ ...legacy, additionalDiagnosisCodes: [], legRutherfordCategories: [], harvestOnly: false });
    });

    it('opens a harvest-only case only when the harvest is done here', () => {
      const data = { ...(caseOpenedData('c2') as unknown as CaseEventMap['CaseOpened']), harvestOnly: true };
      expect(given().when({ type: 'OpenCase', occurredAt: T, data }).thenEvents()[0]!.data).toMatchObject({ harvestOnly: true });
      given()
        .when({ type: 'OpenCase', occurredAt: T, data: { ...data, harvestPlanned: false } })
        .thenRejects('HARVEST_ONLY_NOT_PLANNED');
    });

    it('refuses a Rutherford category for a leg the case does not treat', () => {
      const data = {
        ...(caseOpenedData('c2') as unknown as CaseEventMap['CaseOpened']),
        legRutherfordCategories: [{ leg: 'RIGHT' as const, category: 5 }],
      };
      given().when({ type: 'OpenCase', occurredAt: T, data }).thenRejects('LEG_NOT_TREATED');
    });

    it('records the performer of a harvest and an injection, and the recorder when none is named', () => {
      const performedBy = { id: 'dr-2', name: 'Dr Two', role: 'CLINICIAN' };
      const harvestBy = { ...recordHarvest, data: { ...recordHarvest.data, performedBy, aspirateVolumeMl: null } } as CaseCommand;
      expect(given(v1Opened()).when(harvestBy).thenEvents()[0]!.data).toMatchObject({ performedBy, aspirateVolumeMl: null });
      expect(given(v1Opened()).when(recordHarvest).thenEvents()[0]!.data).toMatchObject({ performedBy: null });
      const routed = injection('LEFT') as Extract<CaseCommand, { type: 'RecordInjection' }>;
      const other = { ...routed, data: { ...routed.data, route: 'SUBCUTANEOUS', ultrasoundGuided: null, performedBy } } as CaseCommand;
      expect(given(v1Opened(), harvest(), concentration()).when(other).thenEvents()[0]!.data).toMatchObject({
        route: 'SUBCUTANEOUS',
        ultrasoundGuided: null,
        performedBy,
      });
    });

    it('takes the attestation time of a late signature as its clinical time, never a future one', () => {
      const sign = (attestedAt: string | null): CaseCommand => ({
        type: 'SignProcedure',
        data: { meaning: 'AUTHORSHIP', signerId: 'u', signerName: 'Dr', signerRole: 'CLINICIAN', attestedAt },
      });
      const [late] = given(v1Opened(), harvest()).when(sign(T)).thenEvents();
      expect(late).toMatchObject({ occurredAt: T, data: { attestedAt: T, signedAt: NOW.toISOString() } });
      const [now] = given(v1Opened(), harvest()).when(sign(null)).thenEvents();
      expect(now).toMatchObject({ occurredAt: NOW.toISOString(), data: { attestedAt: null } });
      given(v1Opened(), harvest()).when(sign('2030-01-01T00:00:00.000Z')).thenRejects('OCCURRED_IN_FUTURE');
    });
  });
});

/**
 * Issue #17: what the record documents as it happened (another route, an unknown value, a performer other
 * than the recorder, a harvest-only plan, per-leg severity and several codes, a late signature) is judged
 * by the rule table, never refused and never guessed.
 */
import { auditCase } from '../../../src/compliance';
import { cod01DiagnosisLaterality } from '../../../src/compliance/rules/coding';
import { har01Harvest } from '../../../src/compliance/rules/harvest';
import { ind01CliDiagnosis } from '../../../src/compliance/rules/indication';
import { inj01IntramuscularInjections, inj03UltrasoundGuidance } from '../../../src/compliance/rules/injection';
import { prp01Concentration } from '../../../src/compliance/rules/preparation';
import { inj04OperatorSignature } from '../../../src/compliance/rules/signature';
import { CaseBuilder, ID, NURSE, OPERATOR, at, kinds } from './case-builder';
import { check } from './check';

const injection = ID.injection('LEFT');
const performer = { id: OPERATOR.id, name: OPERATOR.name, role: OPERATOR.role };
const codes = (builder: CaseBuilder) => auditCase(builder.record()).supportedCodes.map((c) => `${c.code}${c.leg ? `-${c.leg}` : ''}`);

describe('routes other than intramuscular', () => {
  it('are recorded, block with INJ-01 and support no code', () => {
    const builder = CaseBuilder.completeOneLeg().patch(injection, { data: { route: 'INTRA_ARTERIAL' } });
    expect(builder.record().injections[0]?.route).toBe('INTRA_ARTERIAL');
    expect(check(inj01IntramuscularInjections, builder)).toEqual([
      {
        rule: 'INJ-01',
        severity: 'BLOCKING',
        message: 'Injections into the left leg are documented with a route other than intramuscular (intra-arterial).',
        eventIds: [injection],
      },
      { rule: 'INJ-01', severity: 'BLOCKING', message: 'No intramuscular injection into the left leg is documented.', eventIds: [] },
    ]);
    expect(codes(builder)).toEqual([]);
    expect(auditCase(builder.record()).complete).toBe(false);
  });
});

describe('values documented as unknown', () => {
  it('an unknown aspirate volume is a HAR-01 warning, and PRP-01 compares no volumes with it', () => {
    const builder = CaseBuilder.completeOneLeg().patch(ID.harvest, { data: { aspirateVolumeMl: null } });
    expect(kinds(check(har01Harvest, builder))).toEqual([['HAR-01', 'WARNING']]);
    expect(check(prp01Concentration, builder)).toEqual([]);
    expect(auditCase(builder.record()).complete).toBe(true);
  });

  it('undocumented ultrasound guidance is an INJ-03 warning', () => {
    const builder = CaseBuilder.completeOneLeg().patch(injection, { data: { ultrasoundGuided: null } });
    expect(check(inj03UltrasoundGuidance, builder)).toEqual([
      {
        rule: 'INJ-03',
        severity: 'WARNING',
        message: 'Whether ultrasound guidance was used is not documented for the injection into the left leg.',
        eventIds: [injection],
      },
    ]);
    expect(check(inj03UltrasoundGuidance, CaseBuilder.completeOneLeg().patch(injection, { data: { ultrasoundGuided: false } }))).toEqual(
      [],
    );
  });
});

describe('the performer, distinct from the recorder', () => {
  // a nurse documents both steps for the surgeon who performed them
  const scribed = CaseBuilder.completeOneLeg()
    .without(ID.signature)
    .patch(ID.harvest, { actor: NURSE, data: { performedBy: performer } })
    .patch(injection, { actor: NURSE, data: { performedBy: performer } });

  it('is the operator the record shows, and the recorder stays who recorded', () => {
    const record = scribed.sign().record();
    expect(record.harvest?.operator).toEqual(performer);
    expect(record.harvest?.recordedBy).toEqual(NURSE);
    expect(record.injections[0]?.performer).toEqual(performer);
    expect(record.injections[0]?.recordedBy).toEqual(NURSE);
  });

  it("signs the procedure: INJ-04 looks for the performer's signature, not the typist's", () => {
    expect(check(inj04OperatorSignature, scribed.sign())).toEqual([]);
    const byTypist = scribed.sign({ signerId: NURSE.id, signerName: NURSE.name });
    expect(check(inj04OperatorSignature, byTypist)).toEqual([
      {
        rule: 'INJ-04',
        severity: 'BLOCKING',
        message: "The procedure is signed only by someone who neither harvested nor injected; the operator's signature is missing.",
        eventIds: [ID.signature],
      },
    ]);
  });

  it('follows an amendment that names the performer', () => {
    const amended = scribed
      .patch(ID.harvest, { data: { performedBy: null } })
      .amend(ID.harvest, { performedBy: performer })
      .sign();
    expect(amended.record().harvest?.operator).toEqual(performer);
    expect(check(inj04OperatorSignature, amended)).toEqual([]);
    const unnamed = scribed.amend(injection, { performedBy: null }).record();
    expect(unnamed.injections[0]?.performer).toEqual(NURSE);
  });

  it('defaults to the recorder when no performer is documented', () => {
    const byNurse = CaseBuilder.completeOneLeg()
      .without(ID.signature)
      .patch(ID.harvest, { actor: NURSE })
      .sign({ signerId: NURSE.id, signerName: NURSE.name });
    expect(byNurse.record().harvest?.operator).toEqual(NURSE);
    expect(check(inj04OperatorSignature, byNurse)).toEqual([]);
  });
});

describe('a harvest-only case (0265T)', () => {
  const harvestOnly = CaseBuilder.completeOneLeg()
    .patch(ID.opened, { data: { harvestOnly: true } })
    .without(ID.doppler('LEFT'), ID.angiography('LEFT'), ID.concentration, injection, ID.signature);

  it('is complete once the harvest is documented and signed, and supports 0265T', () => {
    const audit = auditCase(harvestOnly.sign().record());
    expect(audit.findings).toEqual([]);
    expect(audit.complete).toBe(true);
    expect(audit.openFollowUps).toEqual([]);
    expect(audit.supportedCodes.map((c) => c.code)).toEqual(['0265T']);
  });

  it('still needs the harvest and its signature', () => {
    expect(kinds(auditCase(harvestOnly.record()).findings)).toEqual([['INJ-04', 'BLOCKING']]);
    expect(kinds(auditCase(harvestOnly.without(ID.harvest).record()).findings)).toEqual([['HAR-01', 'BLOCKING']]);
  });

  it('a case planned complete with only its harvest still expects the rest', () => {
    const notHarvestOnly = harvestOnly.patch(ID.opened, { data: { harvestOnly: false } }).sign();
    expect(auditCase(notHarvestOnly.record()).complete).toBe(false);
    expect(kinds(auditCase(notHarvestOnly.record()).findings).map(([rule]) => rule)).toEqual(['INJ-01', 'PRE-01', 'PRE-03', 'PRP-01']);
  });

  it('is judged by what it documents when an injection is documented after all', () => {
    const injected = CaseBuilder.completeOneLeg().patch(ID.opened, { data: { harvestOnly: true } });
    expect(auditCase(injected.record()).findings).toEqual([]);
    expect(codes(injected)).toEqual(['0263T-LEFT']);
  });
});

describe('per-leg severity and several diagnosis codes', () => {
  const both = CaseBuilder.bothLegs();

  it('a code per leg covers both legs for IND-01 and COD-01', () => {
    const builder = both.patch(ID.opened, {
      data: { diagnosisCode: 'I70.221', additionalDiagnosisCodes: ['I70.245'], rutherfordCategory: null },
    });
    expect(check(ind01CliDiagnosis, builder)).toEqual([]);
    expect(check(cod01DiagnosisLaterality, builder)).toEqual([]);
  });

  it('a leg no code covers is a COD-01 finding that names each code', () => {
    const builder = both.patch(ID.opened, { data: { diagnosisCode: 'I70.221', additionalDiagnosisCodes: ['E11.51'] } });
    expect(check(cod01DiagnosisLaterality, builder)).toEqual([
      {
        rule: 'COD-01',
        severity: 'BLOCKING',
        message:
          'No diagnosis code of matching laterality supports treating the left leg (I70.221 documents the right leg; ' +
          'E11.51 is not a code for critical limb ischemia of the legs (I70.22x–I70.26x)).',
        eventIds: [ID.opened],
      },
    ]);
  });

  it("a leg's own Rutherford category decides IND-01 for that leg", () => {
    const builder = both.patch(ID.opened, {
      data: {
        diagnosisCode: 'I70.222',
        rutherfordCategory: null,
        legRutherfordCategories: [
          { leg: 'LEFT', category: 5 },
          { leg: 'RIGHT', category: 3 },
        ],
      },
    });
    expect(check(ind01CliDiagnosis, builder)).toEqual([
      {
        rule: 'IND-01',
        severity: 'BLOCKING',
        message:
          'No critical limb ischemia diagnosis is documented for the right leg: the diagnosis code I70.222 does not name rest pain, ' +
          'ulceration or gangrene of that leg, and the Rutherford category of that leg is 3 (4–6 needed).',
        eventIds: [ID.opened],
      },
    ]);
    const severeRight = builder.patch(ID.opened, {
      data: {
        legRutherfordCategories: [
          { leg: 'LEFT', category: 3 },
          { leg: 'RIGHT', category: 6 },
        ],
      },
    });
    // the left leg has its code, the right leg its category
    expect(check(ind01CliDiagnosis, severeRight)).toEqual([]);
  });

  it("a leg without a category of its own takes the case's", () => {
    const builder = both.patch(ID.opened, {
      data: { diagnosisCode: 'E11.51', rutherfordCategory: 4, legRutherfordCategories: [{ leg: 'LEFT', category: 2 }] },
    });
    expect(check(ind01CliDiagnosis, builder).map((f) => f.message)).toEqual([
      expect.stringContaining('for the left leg') as unknown as string,
    ]);
  });
});

describe('a signature that states when the procedure was attested', () => {
  const unsigned = CaseBuilder.completeOneLeg().without(ID.signature);

  it('signed days later but attested after the procedure: satisfies INJ-04 and shows as late', () => {
    const builder = unsigned.sign({ signedAt: at({ days: 3 }), attestedAt: at({ hours: 2 }) });
    expect(check(inj04OperatorSignature, builder)).toEqual([]);
    const [signature] = builder.record().signatures;
    expect(signature).toMatchObject({ attestedAt: at({ hours: 2 }), signedAt: at({ days: 3 }), lateEntry: true });
  });

  it('a signature on the day, or one stating no earlier attestation, is not a late entry', () => {
    expect(unsigned.sign({ attestedAt: at({ hours: 2 }), signedAt: at({ hours: 20 }) }).record().signatures[0]?.lateEntry).toBe(false);
    expect(unsigned.sign({ signedAt: at({ days: 3 }) }).record().signatures[0]?.lateEntry).toBe(false);
  });

  it('an attestation before the last step does not sign it', () => {
    const builder = unsigned.sign({ signedAt: at({ days: 3 }), attestedAt: at({ minutes: 30 }) });
    expect(check(inj04OperatorSignature, builder).map((f) => f.message)).toEqual([
      "The operator's signature was given 30 minutes before the last documented step of the procedure.",
    ]);
  });
});

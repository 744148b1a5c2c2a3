import { inj04OperatorSignature } from '../../../src/compliance/rules/signature';
import { CaseBuilder, ID, NURSE, at, injectionData } from './case-builder';
import { check } from './check';

const unsigned = CaseBuilder.completeOneLeg().without(ID.signature);

describe('INJ-04 procedure signed by the operator', () => {
  it('is satisfied by the harvest operator signing after the procedure', () => {
    expect(check(inj04OperatorSignature, CaseBuilder.completeOneLeg())).toEqual([]);
  });

  it('is satisfied by the clinician who documented the injection', () => {
    const builder = unsigned
      .patch(ID.injection('LEFT'), { actor: NURSE })
      .sign({ signerId: NURSE.id, signerName: NURSE.name, meaning: 'APPROVAL' });
    expect(check(inj04OperatorSignature, builder)).toEqual([]);
  });

  it('blocks an unsigned procedure', () => {
    expect(check(inj04OperatorSignature, unsigned)).toEqual([
      {
        rule: 'INJ-04',
        severity: 'BLOCKING',
        message: 'The procedure is not signed by its operator.',
        eventIds: [ID.harvest, ID.injection('LEFT')],
      },
    ]);
  });

  it('blocks a procedure signed only by someone who took no part in it', () => {
    const findings = check(inj04OperatorSignature, unsigned.sign({ signerId: NURSE.id, signerName: NURSE.name, meaning: 'REVIEW' }));
    expect(findings.map((f) => f.message)).toEqual([
      "The procedure is signed only by someone who neither harvested nor injected; the operator's signature is missing.",
    ]);
    expect(findings[0]?.eventIds).toEqual([ID.signature]);
  });

  it("blocks an operator's signature without name or meaning", () => {
    const findings = check(inj04OperatorSignature, unsigned.sign({ signerName: ' ', meaning: 'WITNESS' as never }));
    expect(findings.map((f) => f.message)).toEqual([
      "The operator's signature lacks the signer's name and lacks its meaning (authorship, review or approval).",
    ]);
  });

  it("blocks an operator's signature given before the last injection", () => {
    const builder = unsigned.add('InjectionGiven', injectionData('LEFT'), at({ hours: 3 })).sign({ signedAt: at({ hours: 2 }) });
    expect(check(inj04OperatorSignature, builder).map((f) => f.message)).toEqual([
      "The operator's signature was given 1 hour before the last documented step of the procedure.",
    ]);
  });

  it('asks for nothing while no harvest or injection is documented', () => {
    expect(check(inj04OperatorSignature, unsigned.without(ID.harvest, ID.injection('LEFT')))).toEqual([]);
  });
});

/** The pure mapping of a case's events to a FHIR R4 bundle (src/fhir/), on the compliance tests' case builder. */
import type { Bundle, Condition, FhirResource, Observation, Procedure, Provenance } from 'fhir/r4';
import { caseFhirBundle, type PatientRegistration } from '../../../src/fhir/bundle';
import { CaseBuilder, ID, NURSE, OPERATOR, at } from '../compliance/case-builder';

const PATIENT: PatientRegistration = {
  eventId: 'evt-patient',
  data: {
    patientId: 'patient-1',
    facilityId: 'facility-1',
    mrn: 'MRN-1',
    givenName: 'Ada',
    familyName: 'Example',
    birthDate: '1948-05-17',
    sex: 'FEMALE',
  },
  recordedAt: '2024-01-02T09:00:00.000Z',
  occurredAt: '2024-01-02T09:00:00.000Z',
  actor: OPERATOR,
};

const bundleOf = (builder: CaseBuilder): Bundle => {
  const bundle = caseFhirBundle({ caseEvents: builder.events(), patient: PATIENT });
  if (!bundle) throw new Error('no bundle');
  return bundle;
};
const resources = (bundle: Bundle): FhirResource[] => (bundle.entry ?? []).map((e) => e.resource as FhirResource);
const procedures = (bundle: Bundle) => resources(bundle).filter((r): r is Procedure => r.resourceType === 'Procedure');
const observations = (bundle: Bundle) => resources(bundle).filter((r): r is Observation => r.resourceType === 'Observation');
const provenances = (bundle: Bundle) => resources(bundle).filter((r): r is Provenance => r.resourceType === 'Provenance');
const conditions = (bundle: Bundle) => resources(bundle).filter((r): r is Condition => r.resourceType === 'Condition');
const url = (r: FhirResource) => `urn:uuid:${r.id}`;
/** `0263T-LT`-style labels of the CPT-coded therapy procedures. */
const therapies = (bundle: Bundle) => procedures(bundle).filter((p) => p.code?.coding?.[0]?.system === 'http://www.ama-assn.org/go/cpt');
const labels = (bundle: Bundle) => therapies(bundle).map((p) => p.code?.text);
const step = (bundle: Bundle, text: RegExp) => procedures(bundle).find((p) => text.test(p.code?.text ?? ''))!;

describe('a case as a FHIR R4 bundle', () => {
  it('is a collection whose entries have unique urn:uuid full URLs matching their ids, the same for the same events', () => {
    const builder = CaseBuilder.completeOneLeg().outcome('LEFT', { days: 30 });
    const bundle = bundleOf(builder);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const urls = (bundle.entry ?? []).map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    expect((bundle.entry ?? []).every((e) => e.fullUrl === `urn:uuid:${e.resource?.id}`)).toBe(true);
    expect(JSON.stringify(bundleOf(builder))).toBe(JSON.stringify(bundle));
    expect(caseFhirBundle({ caseEvents: [], patient: PATIENT })).toBeNull();
  });

  it('codes the therapy with the CPT codes and modifiers the compliance engine supports, the steps as its parts', () => {
    const one = bundleOf(CaseBuilder.completeOneLeg());
    expect(labels(one)).toEqual(['0263T-LT']);

    const both = bundleOf(CaseBuilder.bothLegs());
    expect(labels(both)).toEqual(['0263T-LT', '0264T-RT']);
    const [complete, excludingHarvest] = therapies(both);
    const partOf = (p: Procedure) => (p.partOf ?? []).map((r) => r.reference);
    expect(partOf(step(both, /harvest/))).toEqual([url(complete!)]);
    expect(partOf(step(both, /concentration/))).toEqual([url(complete!), url(excludingHarvest!)]);
    const injections = procedures(both).filter((p) => p.code?.coding?.[0]?.code === '76601001');
    expect(injections.map(partOf)).toEqual([[url(complete!)], [url(excludingHarvest!)]]);

    const elsewhere = CaseBuilder.completeOneLeg()
      .patch(ID.opened, { data: { harvestPlanned: false } })
      .without(ID.harvest);
    expect(labels(bundleOf(elsewhere))).toEqual(['0264T-LT']);
    expect(labels(bundleOf(CaseBuilder.completeOneLeg().without(ID.concentration, ID.injection('LEFT'))))).toEqual(['0265T']);

    // one injection is not the coded procedure: the steps stand alone
    const single = bundleOf(CaseBuilder.completeOneLeg().patch(ID.injection('LEFT'), { data: { injectionCount: 1 } }));
    expect(labels(single)).toEqual([]);
    expect(procedures(single).every((p) => p.partOf === undefined)).toBe(true);
  });

  it('says in words what it has no code for, and marks what was not documented as absent', () => {
    const bundle = bundleOf(
      CaseBuilder.completeOneLeg()
        .patch(ID.harvest, { data: { aspirateVolumeMl: null } })
        .patch(ID.injection('LEFT'), { data: { ultrasoundGuided: null, route: 'INTRA_ARTERIAL' } }),
    );
    expect(step(bundle, /concentration/).code).toEqual({ text: 'Centrifugal concentration of bone marrow aspirate' });
    const injection = step(bundle, /injection/);
    expect(injection.code).toEqual({ text: 'intra-arterial injection of autologous bone marrow concentrate' });
    expect(injection.extension?.[0]?.valueCodeableConcept).toEqual({ text: 'intra-arterial' });
    const absent = observations(bundle).filter((o) => o.dataAbsentReason);
    expect(absent.map((o) => [o.code.text, o.dataAbsentReason?.coding?.[0]?.code])).toEqual([
      ['Bone marrow aspirate volume', 'unknown'],
      ['Ultrasound guidance', 'unknown'],
    ]);
    expect(absent.every((o) => o.valueQuantity === undefined && o.valueBoolean === undefined)).toBe(true);
  });

  it('gives the angiography its leg and the lesions it located, in words', () => {
    const angiography = step(bundleOf(CaseBuilder.completeOneLeg()), /Angiography/);
    expect(angiography.code).toEqual({ text: 'Angiography of the leg arteries' });
    expect(angiography.bodySite?.map((s) => s.text)).toEqual(['lower limb, left']);
    expect(angiography.note?.map((n) => n.text)).toEqual([
      'superficial femoral artery: occlusion',
      'posterior tibial artery: stenosis 80 %',
    ]);
    expect(angiography.performedDateTime).toBe(at({ hours: -2 }));
  });

  it('gives every pressure its artery and side, and the ABI the pressures it came from', () => {
    const bundle = bundleOf(CaseBuilder.completeOneLeg().patch(ID.doppler('LEFT'), { data: { abi: 0.4, abiSource: 'GIVEN' } }));
    const pressures = observations(bundle).filter((o) => o.code.coding?.[0]?.code === '8480-6');
    expect(pressures.map((o) => [o.bodySite?.text, o.valueQuantity?.value, o.valueQuantity?.code])).toEqual([
      ['brachial artery, left', 120, 'mm[Hg]'],
      ['brachial artery, right', 125, 'mm[Hg]'],
      ['dorsalis pedis artery, left', 40, 'mm[Hg]'],
      ['posterior tibial artery, left', 45, 'mm[Hg]'],
      ['toe, left', 20, 'mm[Hg]'],
    ]);
    expect(pressures.every((o) => o.effectiveDateTime === at({ days: -90 }))).toBe(true);
    const abi = observations(bundle).find((o) => o.code.coding?.[0]?.code === '446841001')!;
    expect(abi.valueQuantity?.value).toBe(0.4);
    expect(abi.derivedFrom?.map((r) => r.reference)).toEqual(pressures.map(url));
    expect(abi.note?.[0]?.text).toBe('ABI as documented by the clinician; the recorded pressures give 0.36.');
  });

  it('keeps the version an amendment replaced, entered-in-error, and the current one under its first id', () => {
    const original = bundleOf(CaseBuilder.completeOneLeg());
    const amended = bundleOf(
      CaseBuilder.completeOneLeg()
        .amend(ID.doppler('LEFT'), { dorsalisPedisMmHg: 50 }, { reason: 'misread', id: 'evt-fix-doppler' })
        .amend(ID.opened, { diagnosisCode: 'I70.223' }, { reason: 'both legs affected', id: 'evt-fix-diagnosis' }),
    );
    const dorsalisPedis = (b: Bundle) => observations(b).filter((o) => o.bodySite?.text === 'dorsalis pedis artery, left');
    const [before] = dorsalisPedis(original);
    const [now, replaced] = dorsalisPedis(amended);
    expect(now).toMatchObject({ id: before!.id, status: 'amended', valueQuantity: { value: 50 } });
    expect(replaced).toMatchObject({ status: 'entered-in-error', valueQuantity: { value: 40 } });

    const fix = provenances(amended).find((p) => p.id && p.reason?.[0]?.text === 'misread')!;
    expect(fix.target.map((r) => r.reference)).toContain(url(now!));
    expect(fix.entity).toContainEqual({ role: 'revision', what: { reference: url(replaced!) } });
    expect(fix.activity?.coding?.[0]?.code).toBe('UPDATE');
    // the entry's own Provenance names the version it recorded
    const recorded = provenances(amended).find(
      (p) => p.target.some((r) => r.reference === url(replaced!)) && p.activity?.coding?.[0]?.code === 'CREATE',
    );
    expect(recorded?.recorded).toBe(at({ minutes: 5 }, at({ days: -90 })));

    const [diagnosis, wrongDiagnosis] = conditions(amended);
    expect(diagnosis).toMatchObject({ id: conditions(original)[0]!.id, code: { coding: [{ code: 'I70.223' }] } });
    expect(diagnosis!.bodySite?.map((s) => s.text)).toEqual(['lower limb, bilateral']);
    expect(wrongDiagnosis).toMatchObject({
      code: { coding: [{ code: 'I70.222' }] },
      verificationStatus: { coding: [{ code: 'entered-in-error' }] },
    });
    expect(wrongDiagnosis!.clinicalStatus).toBeUndefined();
  });

  it('states the diagnosis with its stages and attestations, and a further code as a Condition of its own', () => {
    const bundle = bundleOf(
      CaseBuilder.completeOneLeg().patch(ID.opened, {
        data: { additionalDiagnosisCodes: ['I70.231'], legRutherfordCategories: [{ leg: 'LEFT', category: 5 }] },
      }),
    );
    const [principal, further] = conditions(bundle);
    expect(principal!.stage?.map((s) => s.summary?.text)).toEqual([
      'Rutherford category 4',
      'Rutherford category 5 (left leg)',
      'Fontaine stage III',
    ]);
    expect(principal!.note?.[0]?.text).toBe('Revascularisation not possible: attested. Amputation the only alternative: attested.');
    expect(principal!.bodySite?.map((s) => s.text)).toEqual(['lower limb, left']);
    expect(further).toMatchObject({
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I70.231' }] },
      bodySite: [{ text: 'lower limb, right' }],
    });
    expect(further!.stage).toBeUndefined();
  });

  it('gives each entry its author and performer, and each signature its signer, time and meaning', () => {
    const performedBy = { id: NURSE.id, name: NURSE.name, role: NURSE.role };
    const bundle = bundleOf(
      CaseBuilder.completeOneLeg()
        .patch(ID.injection('LEFT'), { data: { performedBy } })
        .without(ID.signature)
        .sign({ meaning: 'REVIEW', attestedAt: at({ hours: 1, minutes: 30 }) }),
    );
    const injection = step(bundle, /injection/);
    expect(injection.performer?.[0]?.actor).toEqual({ identifier: { value: NURSE.id }, display: NURSE.name });
    expect(injection.recorder).toEqual({ identifier: { value: OPERATOR.id }, display: OPERATOR.name });
    const recorded = provenances(bundle).find((p) => p.target.some((r) => r.reference === url(injection)))!;
    expect(recorded.agent.map((a) => [a.type?.coding?.[0]?.code, a.who.display])).toEqual([
      ['author', OPERATOR.name],
      ['performer', NURSE.name],
    ]);
    const [signature] = provenances(bundle).filter((p) => p.signature);
    expect(signature!.signature).toEqual([
      {
        type: [{ system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.13', display: 'Review Signature' }],
        when: at({ hours: 2 }),
        who: { identifier: { value: OPERATOR.id }, display: OPERATOR.name },
      },
    ]);
    expect(signature!.occurredDateTime).toBe(at({ hours: 1, minutes: 30 }));
    expect(signature!.target.map((r) => r.reference)).toEqual(expect.arrayContaining(procedures(bundle).map(url)));
  });
});

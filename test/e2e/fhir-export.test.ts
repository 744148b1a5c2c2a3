/**
 * The FHIR export over HTTP and from the command line (issue #15): what a bundle holds read back against
 * the case summary, the case as of a past moment, the same answer as a missing case outside the caller's
 * facilities, an access record for every export, and the AuditEvents of a case for auditors only.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { BodyStructure, Bundle, FhirResource, Observation, Procedure, Provenance } from 'fhir/r4';
import { runExport, type ExportIo } from '../../src/cli/export';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { operation } from '../support/case-steps';
import { FHIR_CASE_KINDS, fhirOperation, recordFhirCase } from '../support/fhir-cases';
import { makeTempDir } from '../support/sqlite-temp';
import { startTestApp, type TestApp } from '../support/test-app';

const SNOMED = 'http://snomed.info/sct';
const ARTERY: Record<string, string> = {
  '86547008': 'dorsalisPedis',
  '13363002': 'posteriorTibial',
  '68053000': 'anteriorTibial',
  '17137000': 'brachial',
};
const SIDE: Record<string, string> = { '7771000': 'LEFT', '24028007': 'RIGHT', '51440002': 'BILATERAL' };

interface Summary {
  dopplerAssessments: Array<{ leg: string; occurredAt: string; dorsalisPedisMmHg: number; posteriorTibialMmHg: number; abi: number }>;
  harvest: { occurredAt: string; aspirateVolumeMl: number; sides: string } | null;
  concentration: { occurredAt: string; inputVolumeMl: number; concentrateVolumeMl: number } | null;
  injections: Array<{
    leg: string;
    occurredAt: string;
    injectionCount: number;
    totalVolumeMl: number;
    ultrasoundGuided: boolean;
    targetSegments: string[];
  }>;
  outcomes: Array<{ leg: string; occurredAt: string; abi: number | null; restPainScore: number | null }>;
  compliance: { supportedCodes: Array<{ code: string; leg: string | null }> };
}

/** Reads a bundle back the way a receiver would: current resources only, codes and sides from the codings. */
function readBack(bundle: Bundle) {
  const resources = (bundle.entry ?? []).map((e) => e.resource as FhirResource);
  const byUrl = new Map((bundle.entry ?? []).map((e) => [e.fullUrl, e.resource as FhirResource]));
  const current = resources.filter((r) => 'status' in r && r.status !== 'entered-in-error');
  const observations = current.filter((r): r is Observation => r.resourceType === 'Observation');
  const procedures = current.filter((r): r is Procedure => r.resourceType === 'Procedure');
  const sideOf = (
    r: Observation | Procedure,
    site = r.resourceType === 'Observation' ? r.bodySite : r.bodySite?.[0],
  ): string | undefined => {
    const local = site?.extension?.[0]?.valueReference?.reference?.slice(1);
    const structure = r.contained?.find((c): c is BodyStructure => c.id === local);
    return SIDE[structure?.locationQualifier?.[0]?.coding?.[0]?.code ?? ''];
  };
  const snomed = (r: Observation | Procedure) => r.code?.coding?.find((c) => c.system === SNOMED)?.code;
  const partsOf = (p: Procedure) => observations.filter((o) => o.partOf?.some((ref) => byUrl.get(ref.reference) === p));
  const partValue = (p: Procedure, text: string) => {
    const o = partsOf(p).find((x) => x.code.text === text);
    return o?.valueQuantity?.value ?? o?.valueInteger ?? o?.valueBoolean;
  };

  const pressures = observations.filter((o) => o.code.coding?.some((c) => c.code === '8480-6'));
  const dopplerAbis = observations.filter((o) => snomed(o) === '446841001' && o.derivedFrom);
  const doppler = dopplerAbis.map((abi) => {
    const at = pressures.filter((p) => p.effectiveDateTime === abi.effectiveDateTime && sideOf(p) === sideOf(abi));
    const mmHg = (artery: string) => at.find((p) => ARTERY[p.bodySite?.coding?.[0]?.code ?? ''] === artery)?.valueQuantity?.value;
    return {
      leg: sideOf(abi),
      occurredAt: abi.effectiveDateTime,
      dorsalisPedisMmHg: mmHg('dorsalisPedis'),
      posteriorTibialMmHg: mmHg('posteriorTibial'),
      abi: abi.valueQuantity?.value,
    };
  });
  const harvest = procedures.find((p) => snomed(p) === '49401003');
  const concentration = procedures.find((p) => p.code?.text === 'Centrifugal concentration of bone marrow aspirate');
  const injections = procedures.filter((p) => snomed(p) === '76601001');
  const therapies = procedures.filter((p) => p.code?.coding?.some((c) => c.system === 'http://www.ama-assn.org/go/cpt'));
  const outcomeAt = (o: Observation) => `${o.effectiveDateTime}|${sideOf(o)}`;
  const followUps = observations.filter(
    (o) => (snomed(o) === '446841001' && !o.derivedFrom) || o.code.coding?.some((c) => c.code === '72514-3'),
  );
  const outcomeKeys = [...new Set(followUps.map(outcomeAt))];
  return {
    doppler,
    harvest: harvest && {
      occurredAt: harvest.performedDateTime,
      aspirateVolumeMl: partValue(harvest, 'Bone marrow aspirate volume'),
      sides: sideOf(harvest),
    },
    concentration: concentration && {
      occurredAt: concentration.performedDateTime,
      inputVolumeMl: partValue(concentration, 'Bone marrow aspirate volume concentrated'),
      concentrateVolumeMl: partValue(concentration, 'Bone marrow concentrate volume'),
    },
    injections: injections.map((p) => ({
      leg: sideOf(p),
      occurredAt: p.performedDateTime,
      injectionCount: partValue(p, 'Number of injections'),
      totalVolumeMl: partValue(p, 'Injected concentrate volume'),
      ultrasoundGuided: partValue(p, 'Ultrasound guidance'),
      targetSegments: (p.contained ?? []).map((c) => (c as BodyStructure).location?.text),
    })),
    outcomes: outcomeKeys.map((key) => {
      const of = followUps.filter((o) => outcomeAt(o) === key);
      return {
        leg: sideOf(of[0]!),
        occurredAt: of[0]!.effectiveDateTime,
        abi: of.find((o) => snomed(o) === '446841001')?.valueQuantity?.value ?? null,
        restPainScore: of.find((o) => o.code.coding?.some((c) => c.code === '72514-3'))?.valueInteger ?? null,
      };
    }),
    codes: therapies.map((p) => ({
      code: p.code!.coding![0]!.code,
      leg: p.extension?.[0]?.valueCoding?.code === 'LT' ? 'LEFT' : p.extension?.[0]?.valueCoding?.code === 'RT' ? 'RIGHT' : null,
    })),
    resources,
  };
}

const byTime = <T extends { occurredAt?: string }>(list: T[]) =>
  [...list].sort((a, b) => String(a.occurredAt).localeCompare(String(b.occurredAt)));
const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code;

describe('the FHIR export', () => {
  let t: TestApp;
  let clinician: string;
  let auditor: string;
  const cases = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestApp();
    clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-1', name: 'Dr One' });
    auditor = await t.token({ roles: ['AUDITOR'], facilities: ['F1'], sub: 'aud-1', name: 'Ann Auditor' });
    for (const kind of FHIR_CASE_KINDS) cases.set(kind, await recordFhirCase(t, clinician, kind));
  }, 60_000);
  afterAll(() => t?.stop());

  const exportOf = async (token: string, caseId: string, asOf?: string) =>
    t.gql<{ caseFhirBundle: Bundle }>(token, fhirOperation('CaseFhirBundle'), { caseId, ...(asOf ? { asOf } : {}) });

  it.each(FHIR_CASE_KINDS)(
    'round trip (%s case): the pressures, ABI, volumes, codes and times read back equal the case summary',
    async (kind) => {
      const caseId = cases.get(kind)!;
      const summary = (await t.gql<{ case: Summary }>(clinician, operation('CaseSummary'), { id: caseId })).data!.case;
      const exported = await exportOf(clinician, caseId);
      expect(exported.errors).toBeUndefined();
      const back = readBack(exported.data!.caseFhirBundle);

      expect(byTime(back.doppler)).toEqual(
        byTime(summary.dopplerAssessments).map(({ leg, occurredAt, dorsalisPedisMmHg, posteriorTibialMmHg, abi }) => ({
          leg,
          occurredAt,
          dorsalisPedisMmHg,
          posteriorTibialMmHg,
          abi,
        })),
      );
      expect(back.harvest).toEqual(
        summary.harvest
          ? { occurredAt: summary.harvest.occurredAt, aspirateVolumeMl: summary.harvest.aspirateVolumeMl, sides: summary.harvest.sides }
          : undefined,
      );
      expect(back.concentration).toEqual(
        summary.concentration && {
          occurredAt: summary.concentration.occurredAt,
          inputVolumeMl: summary.concentration.inputVolumeMl,
          concentrateVolumeMl: summary.concentration.concentrateVolumeMl,
        },
      );
      expect(byTime(back.injections)).toEqual(
        byTime(summary.injections).map(({ leg, occurredAt, injectionCount, totalVolumeMl, ultrasoundGuided, targetSegments }) => ({
          leg,
          occurredAt,
          injectionCount,
          totalVolumeMl,
          ultrasoundGuided,
          targetSegments,
        })),
      );
      expect(byTime(back.outcomes)).toEqual(
        byTime(summary.outcomes).map(({ leg, occurredAt, abi, restPainScore }) => ({ leg, occurredAt, abi, restPainScore })),
      );
      expect(back.codes).toEqual(summary.compliance.supportedCodes.map(({ code, leg }) => ({ code, leg })));
      expect(back.codes.length).toBeGreaterThan(0);
    },
  );

  it('keeps what an amendment replaced, entered-in-error, named by the Provenance of the amendment with its reason', async () => {
    const bundle = (await exportOf(clinician, cases.get('amended')!)).data!.caseFhirBundle;
    const resources = (bundle.entry ?? []).map((e) => e.resource as FhirResource);
    const volumes = resources.filter(
      (r): r is Observation => r.resourceType === 'Observation' && r.code.text === 'Bone marrow aspirate volume',
    );
    expect(volumes.map((o) => [o.status, o.valueQuantity?.value])).toEqual([
      ['amended', 210],
      ['entered-in-error', 240],
      ['entered-in-error', 200],
    ]);
    const provenances = resources.filter((r): r is Provenance => r.resourceType === 'Provenance');
    const secondReading = provenances.find((p) => p.reason?.[0]?.text === 'second reading of the syringe')!;
    const url = (o: Observation) => `urn:uuid:${o.id}`;
    expect(secondReading.target.map((r) => r.reference)).toContain(url(volumes[0]!));
    expect(secondReading.entity?.map((e) => [e.role, e.what.reference])).toContainEqual(['revision', url(volumes[2]!)]);
    const firstReading = provenances.find((p) => p.reason?.[0]?.text === 'volume misread from the syringe')!;
    expect(firstReading.entity?.map((e) => e.what.reference)).toContain(url(volumes[1]!));
    expect(
      provenances.filter((p) => p.signature?.length).map((p) => [p.signature![0]!.type[0]!.display, p.signature![0]!.who.display]),
    ).toEqual([["Author's Signature", 'Dr One']]);
  });

  it('exports the same bundle for the same case, and the case as it stood at a past moment', async () => {
    const caseId = cases.get('amended')!;
    const [first, second] = [await exportOf(clinician, caseId), await exportOf(clinician, caseId)];
    expect(JSON.stringify(second.data)).toBe(JSON.stringify(first.data));

    const history = await t.gql<{ caseHistory: { edges: Array<{ node: { type: string; recordedAt: string } }> } }>(
      clinician,
      operation('CaseHistory'),
      {
        caseId,
        first: 100,
      },
    );
    const events = history.data!.caseHistory.edges.map((e) => e.node);
    const beforeAmendments = events[events.findIndex((e) => e.type === 'EntryAmended') - 1]!.recordedAt;
    const then = await exportOf(clinician, caseId, beforeAmendments);
    expect(then.errors).toBeUndefined();
    const back = readBack(then.data!.caseFhirBundle);
    expect(back.harvest?.aspirateVolumeMl).toBe(240);
    expect(back.resources.some((r) => 'status' in r && r.status === 'entered-in-error')).toBe(false);
    expect(back.resources.filter((r) => r.resourceType === 'Provenance' && r.signature)).toEqual([]);

    const beforeOpening = new Date(Date.parse(events[0]!.recordedAt) - 1).toISOString();
    expect(codeOf(await exportOf(clinician, caseId, beforeOpening))).toBe('NOT_FOUND');
  });

  it("answers a case of another facility exactly like a missing case, and records every export's access", async () => {
    const caseId = cases.get('one-leg')!;
    const elsewhere = await t.token({ roles: ['CLINICIAN'], facilities: ['F2'], sub: 'dr-2', name: 'Dr Two' });
    const hidden = await exportOf(elsewhere, caseId);
    const missing = await exportOf(elsewhere, randomUUID());
    expect(codeOf(hidden)).toBe('NOT_FOUND');
    expect(hidden.errors!.map((e) => [(e as { message: string }).message, e.extensions?.code])).toEqual(
      missing.errors!.map((e) => [(e as { message: string }).message, e.extensions?.code]),
    );
    expect(hidden.data).toEqual(missing.data);

    await exportOf(clinician, caseId);
    await t.app.services.accessLog.flush();
    const log = await t.gql<{
      accessLog: { edges: Array<{ node: { operation: string; outcome: string; actor: { id: string }; patientId: string | null } }> };
    }>(
      auditor,
      'query ($caseId: ID!) { accessLog(filter: { caseId: $caseId }, first: 100) { edges { node { operation outcome actor { id } patientId } } } }',
      { caseId },
    );
    const exports = log.data!.accessLog.edges.map((e) => e.node).filter((n) => n.operation === 'fhirExport');
    expect(exports.filter((n) => n.actor.id === 'dr-2')).toEqual([
      { operation: 'fhirExport', outcome: 'NOT_FOUND', actor: { id: 'dr-2' }, patientId: null },
    ]);
    // the round-trip export and this one, each with the patient it read
    expect(exports.filter((n) => n.actor.id === 'dr-1' && n.outcome === 'OK' && n.patientId !== null).length).toBeGreaterThanOrEqual(2);
  });

  it("gives auditors a case's reads and exports as AuditEvents, and refuses everyone else", async () => {
    const caseId = cases.get('one-leg')!;
    expect(codeOf(await t.gql(clinician, fhirOperation('CaseFhirAuditBundle'), { caseId }))).toBe('FORBIDDEN');
    const elsewhere = await t.token({ roles: ['AUDITOR'], facilities: ['F2'], sub: 'aud-2' });
    expect(codeOf(await t.gql(elsewhere, fhirOperation('CaseFhirAuditBundle'), { caseId }))).toBe('NOT_FOUND');
    await exportOf(clinician, caseId);
    await t.app.services.accessLog.flush();
    const audit = await t.gql<{ caseFhirAuditBundle: Bundle }>(auditor, fhirOperation('CaseFhirAuditBundle'), { caseId });
    expect(audit.errors).toBeUndefined();
    const events = (audit.data!.caseFhirAuditBundle.entry ?? []).map((e) => e.resource as FhirResource & { resourceType: 'AuditEvent' });
    const exportsByDrOne = events.filter(
      (e) => e.agent[0]?.who?.identifier?.value === 'dr-1' && e.entity?.some((x) => x.detail?.some((d) => d.valueString === 'fhirExport')),
    );
    expect(exportsByDrOne.length).toBeGreaterThanOrEqual(1);
    expect(exportsByDrOne.every((e) => e.outcome === '0' && e.action === 'R')).toBe(true);
    const refused = events.filter((e) => e.agent[0]?.who?.identifier?.value === 'dr-2');
    expect(refused.every((e) => e.outcome === '4')).toBe(true);
  });
});

describe('the FHIR export from the command line', () => {
  const temp = makeTempDir('celltrail-fhir-export');
  const file = join(temp.dir, 'events.sqlite');
  afterAll(() => temp.remove());

  it('writes the same bundle from the export command line, through the seam, and not for another facility', async () => {
    const t = await startTestApp({ store: createSqliteEventStore({ path: file }) });
    const clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-1', name: 'Dr One' });
    const caseId = await recordFhirCase(t, clinician, 'bilateral');
    const api = (await t.gql<{ caseFhirBundle: Bundle }>(clinician, fhirOperation('CaseFhirBundle'), { caseId })).data!.caseFhirBundle;
    // The command line opens the store the server wrote (SQLite allows one writer): stop the server first.
    await t.stop();
    const io = (): ExportIo & { err: () => string } => {
      let err = '';
      return {
        stdout: new PassThrough(),
        stderr: { write: (text: string) => (err += text) },
        stdin: new PassThrough(),
        env: { DATA_DIR: temp.dir },
        err: () => err,
      };
    };
    const out = join(temp.dir, 'bundle.json');
    const exporting = io();
    expect(await runExport(['--case', caseId, '--fhir', '--out', out, '--facility', 'F1', '--actor', 'ops-7'], exporting)).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(api);
    const refused = io();
    expect(await runExport(['--case', caseId, '--fhir', '--facility', 'F2'], refused)).toBe(4);
    expect(refused.err()).toContain('not found');
    expect(await runExport(['--all', '--fhir'], io())).toBe(2);

    const store = createSqliteEventStore({ path: file });
    const records = (await store.readAll({ filter: { streamPrefix: 'access-' } })).filter(
      (e) => e.data.operation === 'fhirExport' && ['ops-7', 'cli'].includes(e.metadata.actor.id),
    );
    await store.close();
    expect(records.map((e) => [e.metadata.actor.id, e.data.outcome])).toEqual([
      ['ops-7', 'OK'],
      ['cli', 'NOT_FOUND'],
    ]);
  });
});

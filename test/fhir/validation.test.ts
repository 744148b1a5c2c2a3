/**
 * The FHIR export checked by the reference implementation (issue #15): the bundles of the four cases,
 * recorded through the API and exported through it, validate with 0 errors against base FHIR R4 (HAPI
 * FHIR's validator, offline). Every warning is listed in test/reports/fhir-warnings.md and must be
 * explained in warnings-allowed.ts; an unexplained one fails. Outside test/e2e on purpose: CI runs
 * test/e2e again on each other adapter, and validating the same mapping four times would add minutes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exampleBundleText } from '../../scripts/fhir-example-bundle';
import { FHIR_CASE_KINDS, fhirOperation, recordFhirCase, type FhirCaseKind } from '../support/fhir-cases';
import { fhirValidator, type ValidationIssue, type ValidationReport } from '../support/fhir-validator';
import { startTestApp, type TestApp } from '../support/test-app';
import { explanationOf } from './warnings-allowed';

const validator = fhirValidator();
const REPORT = path.join(__dirname, '..', 'reports', 'fhir-warnings.md');

function writeReport(report: ValidationReport, names: Map<string, string>): void {
  const lines = [
    `# FHIR validation warnings`,
    '',
    `${report.validator}, FHIR ${report.fhirVersion}, offline. Written by test/fhir/validation.test.ts.`,
    '',
  ];
  for (const file of report.files) {
    lines.push(`## ${names.get(file.file)}: ${file.errors} errors, ${file.warnings} warnings, ${file.information} information`, '');
    const seen = new Set<string>();
    for (const issue of file.issues) {
      if (issue.severity === 'information' || seen.has(issue.message)) continue;
      seen.add(issue.message);
      const why = explanationOf(issue);
      lines.push(`- **${issue.severity}** ${issue.message}`, `  - ${why ? `explained: ${why.reason}` : 'UNEXPLAINED'}`);
    }
    lines.push('');
  }
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, `${lines.join('\n')}\n`);
}

(validator.runs ? describe : describe.skip)(`FHIR bundles validated by the HL7 FHIR validator${validator.reason}`, () => {
  let t: TestApp;
  let dir: string;
  const files = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-fhir-'));
    const clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-1', name: 'Dr One' });
    const auditor = await t.token({ roles: ['AUDITOR'], facilities: ['F1'], sub: 'auditor-1', name: 'Ann Auditor' });
    const cases = new Map<FhirCaseKind, string>();
    for (const kind of FHIR_CASE_KINDS) cases.set(kind, await recordFhirCase(t, clinician, kind));
    for (const [kind, caseId] of cases) {
      const exported = await t.gql<{ caseFhirBundle: object }>(clinician, fhirOperation('CaseFhirBundle'), { caseId });
      expect(exported.errors).toBeUndefined();
      const file = path.join(dir, `${kind}.json`);
      fs.writeFileSync(file, JSON.stringify(exported.data!.caseFhirBundle));
      files.set(file, `${kind} case`);
    }
    const audit = await t.gql<{ caseFhirAuditBundle: object }>(auditor, fhirOperation('CaseFhirAuditBundle'), {
      caseId: cases.get('amended'),
    });
    expect(audit.errors).toBeUndefined();
    const file = path.join(dir, 'audit-events.json');
    fs.writeFileSync(file, JSON.stringify(audit.data!.caseFhirAuditBundle));
    files.set(file, 'AuditEvents of the amended case');
    const example = path.join(dir, 'example.json');
    fs.writeFileSync(example, exampleBundleText());
    files.set(example, 'docs/fhir-example-bundle.json');
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  let report: ValidationReport;
  it('gives 0 errors for the four cases, the AuditEvent bundle and the example in docs/', () => {
    report = validator.validate([...files.keys()]);
    writeReport(report, files);
    const errors = report.files.flatMap((f) =>
      f.issues
        .filter((i) => i.severity === 'error' || i.severity === 'fatal')
        .map((i) => `${files.get(f.file)}: ${i.location}: ${i.message}`),
    );
    expect(errors).toEqual([]);
    expect(report.files).toHaveLength(6);
  }, 300_000);

  it('gives only warnings that are explained in warnings-allowed.ts', () => {
    expect(report).toBeDefined();
    const unexplained = report.files.flatMap((f) =>
      f.issues
        .filter((i: ValidationIssue) => i.severity === 'warning' && !explanationOf(i))
        .map((i) => `${files.get(f.file)}: ${i.location}: ${i.message}`),
    );
    expect(unexplained).toEqual([]);
  });
});

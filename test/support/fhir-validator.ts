/**
 * The HL7 FHIR validator (HAPI FHIR 8.4.0) built by `bash .ci/fhir-validator.sh` into
 * tools/fhir-validator/target (or the jar named by CELLTRAIL_FHIR_VALIDATOR_JAR). Without it a suite
 * fails, under CI=true always; elsewhere CELLTRAIL_SKIP_FHIR=1 skips it with the reason in its name
 * (listed after the run by skipped-reporter.js), so nothing passes without having been validated.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const JAR = process.env.CELLTRAIL_FHIR_VALIDATOR_JAR ?? path.join(ROOT, 'tools', 'fhir-validator', 'target', 'fhir-validator.jar');

export interface ValidationIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  location: string;
  line: number | null;
  messageId: string | null;
  message: string;
}

export interface FileReport {
  file: string;
  errors: number;
  warnings: number;
  information: number;
  issues: ValidationIssue[];
}

export interface ValidationReport {
  validator: string;
  fhirVersion: string;
  files: FileReport[];
}

export interface FhirValidator {
  /** Whether a suite using it runs (false only when skipping was asked for and the jar is missing outside CI). */
  runs: boolean;
  /** Suffix for the suite's name: empty when the validator is there. */
  reason: string;
  validate(files: string[]): ValidationReport;
}

export function fhirValidator(): FhirValidator {
  const built = fs.existsSync(JAR);
  const skip = !built && process.env.CI !== 'true' && process.env.CELLTRAIL_SKIP_FHIR === '1';
  return {
    runs: !skip,
    reason: skip ? ' (SKIPPED: CELLTRAIL_SKIP_FHIR=1 and the FHIR validator is not built; run bash .ci/fhir-validator.sh)' : '',
    validate(files) {
      if (!built)
        throw new Error(
          `the FHIR validator is not built (${path.relative(ROOT, JAR)}): run bash .ci/fhir-validator.sh` +
            (process.env.CI === 'true' ? ' (CI=true requires it)' : ', or set CELLTRAIL_SKIP_FHIR=1 to skip these tests'),
        );
      const result = spawnSync('java', ['-jar', JAR, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (result.error) throw result.error;
      // 0: no errors, 1: some file has errors (the report says which); anything else is the validator failing.
      if (result.status !== 0 && result.status !== 1)
        throw new Error(`the FHIR validator failed (exit ${result.status}): ${result.stderr}`);
      return JSON.parse(result.stdout) as ValidationReport;
    },
  };
}

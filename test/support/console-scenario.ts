/** Cases recorded through the API, as clinicians would, for the browser tests and the console benchmark. */
import { leftLegCase, operation, patientInput } from './case-steps';
import type { TestApp } from './test-app';

type Gql = TestApp['gql'];

export interface RecordedCase {
  patientId: string;
  caseId: string;
  /** The outcome (follow-up) entries' event ids, in order. */
  outcomeIds: string[];
}

async function call(
  gql: Gql,
  token: string,
  name: string,
  variables: Record<string, unknown>,
): Promise<Record<string, { eventIds?: string[]; patient?: { id: string }; case?: { id: string } }>> {
  const r = await gql<Record<string, { eventIds?: string[]; patient?: { id: string }; case?: { id: string } }>>(
    token,
    operation(name),
    variables,
  );
  if (r.errors) throw new Error(`${name}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.data!;
}

/**
 * A left-leg case of a new patient: every step from the Doppler baseline to the injection, follow-ups with
 * the ABI values given, signed only when asked (unsigned, it has an INJ-04 finding).
 */
export async function recordCase(
  t: { gql: Gql },
  clinician: string,
  options: {
    facilityId: string;
    mrn: string;
    givenName?: string;
    familyName?: string;
    followUpAbis?: number[];
    sign?: boolean;
    now?: Date;
  },
): Promise<RecordedCase> {
  const now = options.now ?? new Date();
  const patient = await call(t.gql, clinician, 'RegisterPatient', {
    input: {
      ...patientInput(options.facilityId),
      mrn: options.mrn,
      ...(options.givenName ? { givenName: options.givenName } : {}),
      ...(options.familyName ? { familyName: options.familyName } : {}),
    },
  });
  const patientId = patient.registerPatient!.patient!.id;
  const steps = leftLegCase('', patientId, now);
  const opened = await call(t.gql, clinician, 'OpenCase', { input: { ...steps.open, caseId: undefined } });
  const caseId = opened.openCase!.case!.id;
  const withCase = <T extends object>(input: T) => ({ input: { ...input, caseId } });
  await call(t.gql, clinician, 'RecordDopplerAssessment', withCase(steps.doppler));
  await call(t.gql, clinician, 'RecordAngiography', withCase(steps.angiography));
  await call(t.gql, clinician, 'RecordHarvest', withCase(steps.harvest));
  await call(t.gql, clinician, 'RecordCellConcentration', withCase(steps.concentration));
  await call(t.gql, clinician, 'RecordInjection', withCase(steps.injection));
  const outcomeIds: string[] = [];
  const abis = options.followUpAbis ?? [0.45];
  // follow-ups after the injection, a day apart (closer when there are many), all in the past
  const first = Date.parse(steps.outcome.occurredAt);
  const step = Math.min(24 * 3600_000, (now.getTime() - 3600_000 - first) / abis.length);
  for (const [i, abi] of abis.entries()) {
    const occurredAt = new Date(first + Math.floor(i * step)).toISOString();
    const r = await call(t.gql, clinician, 'RecordOutcome', withCase({ ...steps.outcome, occurredAt, abi }));
    outcomeIds.push(r.recordOutcome!.eventIds![0]!);
  }
  if (options.sign) await call(t.gql, clinician, 'SignProcedure', withCase({ meaning: 'AUTHORSHIP' }));
  return { patientId, caseId, outcomeIds };
}

export async function amend(
  t: { gql: Gql },
  clinician: string,
  caseId: string,
  targetEventId: string,
  changes: Record<string, unknown>,
  reason: string,
): Promise<void> {
  await call(t.gql, clinician, 'AmendEntry', { input: { caseId, targetEventId, changes, reason } });
}

export async function recordOutcome(t: { gql: Gql }, clinician: string, caseId: string, abi: number): Promise<void> {
  await call(t.gql, clinician, 'RecordOutcome', {
    input: { caseId, occurredAt: new Date(Date.now() - 60_000).toISOString(), leg: 'LEFT', abi, restPainScore: 3, ulcerStatus: 'HEALING' },
  });
}

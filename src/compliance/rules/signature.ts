/** INJ-04: the operator's signature of the procedure. */
import type { CaseRecord, EntryFacts, SignatureEntry } from '../../domain/case-record';
import { SIGNATURE_MEANINGS } from '../../domain/values';
import { isNonEmptyText } from '../case-facts';
import type { Finding } from '../finding';
import type { CaseRule } from '../rule';
import { formatDuration, timeOf } from '../time';

/**
 * Who performed the procedure: the harvest's operator and whoever gave an injection, each the documented
 * performer, else whoever recorded the step (a scribe's typing is not a performance).
 */
function operatorsOf(record: CaseRecord): Set<string> {
  const ids = new Set<string>();
  if (record.harvest?.operator?.id) ids.add(record.harvest.operator.id);
  for (const i of record.injections) {
    const performer = i.performer ?? i.recordedBy;
    if (performer?.id) ids.add(performer.id);
  }
  return ids;
}

/** What keeps an operator's signature from signing the procedure (empty: it signs it). */
function defectsOf(signature: SignatureEntry, lastStepAt: number): string[] {
  const defects: string[] = [];
  if (!isNonEmptyText(signature.signerName)) defects.push("lacks the signer's name");
  if (!(SIGNATURE_MEANINGS as readonly unknown[]).includes(signature.meaning))
    defects.push('lacks its meaning (authorship, review or approval)');
  // a late signature stating when the procedure was attested is judged by that time
  const signedAt = timeOf(signature.attestedAt ?? signature.signedAt);
  if (Number.isNaN(signedAt)) defects.push('lacks its time');
  else if (signedAt < lastStepAt)
    defects.push(`was given ${formatDuration(lastStepAt - signedAt)} before the last documented step of the procedure`);
  return defects;
}

export const inj04OperatorSignature: CaseRule = {
  kind: 'case',
  id: 'INJ-04',
  severity: 'BLOCKING',
  title: 'Procedure signed by the operator (name, time, meaning)',
  checks:
    'Once a harvest or an injection is documented, the case has a signature by a clinician who performed the harvest or an injection ' +
    '(the documented performer, else whoever recorded the step), ' +
    "showing the signer's name, the time and the meaning, given (or attested, when the signature states when) no earlier than the last " +
    'harvest or injection. Blocking otherwise. A signature recorded more than 24 hours after the attestation it states shows as a late entry.',
  window: () => 'signed at or after the last documented harvest or injection',
  reason:
    "21 CFR 11.50: an electronic signature shows the signer's printed name, the date and time, and its meaning (authorship, review, approval); " +
    'the operator attests the procedure they performed.',
  check(record) {
    const steps: EntryFacts[] = [...(record.harvest ? [record.harvest] : []), ...record.injections];
    if (steps.length === 0) return [];
    const lastStepAt = Math.max(...steps.map((s) => timeOf(s.occurredAt)));
    const operators = operatorsOf(record);
    const byOperator = record.signatures.filter((s) => operators.has(s.signerId));
    if (byOperator.some((s) => defectsOf(s, lastStepAt).length === 0)) return [];
    const finding = (message: string, eventIds: string[]): Finding[] => [{ rule: 'INJ-04', severity: 'BLOCKING', message, eventIds }];
    if (record.signatures.length === 0)
      return finding(
        'The procedure is not signed by its operator.',
        steps.map((s) => s.eventId),
      );
    if (byOperator.length === 0) {
      return finding(
        "The procedure is signed only by someone who neither harvested nor injected; the operator's signature is missing.",
        record.signatures.map((s) => s.eventId),
      );
    }
    const latest = byOperator[byOperator.length - 1] as SignatureEntry;
    return finding(`The operator's signature ${defectsOf(latest, lastStepAt).join(' and ')}.`, [latest.eventId]);
  },
};

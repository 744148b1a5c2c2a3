/**
 * POST-01, POST-02, POST-03: ABI, rest pain and ulcer status at each follow-up window, counted from the
 * first intramuscular injection into the leg. Whether a missing measurement is overdue depends on
 * today, so these rules list what is due (`followUps`) and turn a passed, unsatisfied due into a
 * warning (`overdue`) only when asked with a clock.
 */
import type { CaseRecord, OutcomeEntry } from '../../domain/case-record';
import type { Leg } from '../../domain/values';
import { legName } from '../case-facts';
import type { ComplianceConfig } from '../config';
import type { RuleId } from '../finding';
import type { FollowUpDue, FollowUpRule } from '../rule';
import { DAY_MS, isoAt, timeOf } from '../time';

type Measure = 'abi' | 'restPainScore' | 'ulcerStatus';

/**
 * After a major amputation of a leg, or the patient's death, its later follow-ups cannot happen:
 * windows still open at that moment are no longer expected (unless already satisfied). Windows
 * that had passed before it stay: a follow-up missed before the hard outcome is still a gap.
 */
function followUpEndsAt(record: CaseRecord, leg: Leg): number | null {
  const ends = record.outcomes
    .filter((o) => o.deceased === true || (o.leg === leg && o.amputation === 'MAJOR'))
    .map((o) => timeOf(o.occurredAt));
  if (record.closeReason === 'DECEASED' && record.closedAt) ends.push(timeOf(record.closedAt));
  const known = ends.filter((t) => !Number.isNaN(t));
  return known.length > 0 ? Math.min(...known) : null;
}

const documents = (outcome: OutcomeEntry, measure: Measure): boolean => outcome[measure] !== null && outcome[measure] !== undefined;

function followUpsOf(id: RuleId, measure: Measure, record: CaseRecord, config: ComplianceConfig): FollowUpDue[] {
  const dues: FollowUpDue[] = [];
  let outcomeTimes: number[] | null = null;
  for (const leg of record.legs) {
    const first = record.injections.find((i) => i.leg === leg && i.route === 'INTRAMUSCULAR');
    if (!first) continue;
    const injectedAt = timeOf(first.occurredAt);
    if (Number.isNaN(injectedAt)) continue;
    const endsAt = followUpEndsAt(record, leg);
    outcomeTimes ??= record.outcomes.map((o) => timeOf(o.occurredAt));
    for (const window of config.followUpWindows) {
      const from = injectedAt + (window.afterDays - window.toleranceDays) * DAY_MS;
      const by = injectedAt + (window.afterDays + window.toleranceDays) * DAY_MS;
      const matching: string[] = [];
      record.outcomes.forEach((o, index) => {
        const at = outcomeTimes?.[index] ?? Number.NaN;
        if (o.leg === leg && documents(o, measure) && at >= from && at <= by) matching.push(o.eventId);
      });
      const satisfied = matching.length > 0;
      if (!satisfied && endsAt !== null && by >= endsAt) continue;
      dues.push({
        rule: id,
        leg,
        window: window.label,
        dueFrom: isoAt(from),
        dueBy: isoAt(by),
        satisfied,
        eventIds: satisfied ? matching : [first.eventId],
      });
    }
  }
  return dues;
}

function followUpRule(id: RuleId, measure: Measure, title: string, what: string, reason: string): FollowUpRule {
  return {
    kind: 'follow-up',
    id,
    severity: 'WARNING',
    title,
    checks:
      `Each treated leg has its ${what} documented in every follow-up window after its first intramuscular injection. ` +
      "Warning once a window has passed without it. Not expected after a major amputation of the leg or the patient's death.",
    window: (config) =>
      config.followUpWindows.map((w) => `${w.label} (${w.afterDays - w.toleranceDays}–${w.afterDays + w.toleranceDays} days)`).join(', ') +
      ' after the first injection',
    reason,
    followUps: (record, config) => followUpsOf(id, measure, record, config),
    overdue: (due) => ({
      rule: id,
      severity: 'WARNING',
      message: `No ${what} is documented for the ${legName(due.leg)} at the follow-up at ${due.window}; its window has passed.`,
      eventIds: due.eventIds,
    }),
  };
}

const OUTCOMES_REASON =
  'Follow-up at about 1, 3, 6 and 12 months documents the outcome of an investigational therapy (amputation-free survival, ' +
  'hemodynamic and clinical response); payers and registries ask for it.';

export const post01AbiFollowUp = followUpRule(
  'POST-01',
  'abi',
  'ABI at each follow-up',
  'ankle-brachial index',
  `${OUTCOMES_REASON} The ABI is the hemodynamic outcome.`,
);
export const post02RestPainFollowUp = followUpRule(
  'POST-02',
  'restPainScore',
  'Rest pain at each follow-up',
  'rest pain score (0–10)',
  `${OUTCOMES_REASON} Rest pain is the clinical outcome of ischemia.`,
);
export const post03UlcerFollowUp = followUpRule(
  'POST-03',
  'ulcerStatus',
  'Ulcer status at each follow-up',
  'ulcer status',
  `${OUTCOMES_REASON} Ulcer healing is the tissue-loss outcome.`,
);

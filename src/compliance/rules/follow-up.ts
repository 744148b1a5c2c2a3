/**
 * POST-01, POST-02, POST-03: ABI, rest pain and ulcer status at each follow-up window, counted from the
 * first intramuscular injection into the leg. Whether a missing measurement is overdue depends on
 * today, so these rules list what is due (`followUps`, or `openFollowUps` for what is left of the three) and turn a passed, unsatisfied due into a
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
function followUpEndsAt(record: CaseRecord, leg: Leg, outcomeTimes: readonly number[]): number | null {
  let endsAt = Number.POSITIVE_INFINITY;
  record.outcomes.forEach((o, index) => {
    const at = outcomeTimes[index] ?? Number.NaN;
    if ((o.deceased === true || (o.leg === leg && o.amputation === 'MAJOR')) && at < endsAt) endsAt = at;
  });
  if (record.closeReason === 'DECEASED' && record.closedAt) {
    const closedAt = timeOf(record.closedAt);
    if (closedAt < endsAt) endsAt = closedAt;
  }
  return endsAt === Number.POSITIVE_INFINITY ? null : endsAt;
}

const documents = (outcome: OutcomeEntry, measure: Measure): boolean => outcome[measure] !== null && outcome[measure] !== undefined;

const isWithin = (at: number | undefined, from: number, by: number): boolean => at !== undefined && at >= from && at <= by;

/** One follow-up window of a leg, with the outcomes of that leg measured in it. */
interface LegWindow {
  leg: Leg;
  label: string;
  from: number;
  by: number;
  /** `from` and `by` in ISO form, once a due needs them (formatting is most of the cost of a window). */
  iso: { dueFrom: string; dueBy: string } | null;
  /** The injection the window counts from. */
  injectionId: string;
  outcomes: OutcomeEntry[];
  /** The window was still open at the leg's major amputation or the patient's death. */
  ended: boolean;
}

/**
 * Every follow-up window of every treated leg: the same for the three rules, which differ only in the
 * measure an outcome must document. Computed once per audit (`openFollowUps`), not once per rule.
 */
function legWindows(record: CaseRecord, config: ComplianceConfig): LegWindow[] {
  const windows: LegWindow[] = [];
  const outcomeTimes = record.outcomes.map((o) => timeOf(o.occurredAt));
  for (const leg of record.legs) {
    const first = record.injections.find((i) => i.leg === leg && i.route === 'INTRAMUSCULAR');
    if (!first) continue;
    const injectedAt = timeOf(first.occurredAt);
    if (Number.isNaN(injectedAt)) continue;
    const endsAt = followUpEndsAt(record, leg, outcomeTimes);
    for (const window of config.followUpWindows) {
      const from = injectedAt + (window.afterDays - window.toleranceDays) * DAY_MS;
      const by = injectedAt + (window.afterDays + window.toleranceDays) * DAY_MS;
      windows.push({
        leg,
        label: window.label,
        from,
        by,
        iso: null,
        injectionId: first.eventId,
        outcomes: record.outcomes.filter((o, index) => o.leg === leg && isWithin(outcomeTimes[index], from, by)),
        ended: endsAt !== null && by >= endsAt,
      });
    }
  }
  return windows;
}

function documentedIn(outcomes: readonly OutcomeEntry[], measure: Measure): boolean {
  for (const outcome of outcomes) if (documents(outcome, measure)) return true;
  return false;
}

function duesOf(id: RuleId, measure: Measure, windows: readonly LegWindow[], openOnly: boolean): FollowUpDue[] {
  const dues: FollowUpDue[] = [];
  for (const window of windows) {
    const satisfied = documentedIn(window.outcomes, measure);
    if (satisfied ? openOnly : window.ended) continue;
    const iso = (window.iso ??= { dueFrom: isoAt(window.from), dueBy: isoAt(window.by) });
    dues.push({
      rule: id,
      leg: window.leg,
      window: window.label,
      dueFrom: iso.dueFrom,
      dueBy: iso.dueBy,
      satisfied,
      eventIds: satisfied ? window.outcomes.filter((o) => documents(o, measure)).map((o) => o.eventId) : [window.injectionId],
    });
  }
  return dues;
}

type MeasuredRule = FollowUpRule & { measure: Measure };

function followUpRule(id: RuleId, measure: Measure, title: string, what: string, reason: string): MeasuredRule {
  return {
    measure,
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
    followUps: (record, config) => duesOf(id, measure, legWindows(record, config), false),
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

const FOLLOW_UP_RULES_IN_ORDER: readonly MeasuredRule[] = [post01AbiFollowUp, post02RestPainFollowUp, post03UlcerFollowUp];

/**
 * The unsatisfied dues of POST-01, POST-02 and POST-03, in that order: what their `followUps` give
 * that is not yet satisfied, in one pass over the windows.
 */
export function openFollowUps(record: CaseRecord, config: ComplianceConfig): FollowUpDue[] {
  const windows = legWindows(record, config);
  return FOLLOW_UP_RULES_IN_ORDER.flatMap((rule) => duesOf(rule.id, rule.measure, windows, true));
}

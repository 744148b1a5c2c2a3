/** The shape of a compliance rule: what it is for (rendered into docs) and how it checks a case record. */
import type { CaseRecord } from '../domain/case-record';
import type { Leg } from '../domain/values';
import type { ComplianceConfig } from './config';
import type { Finding, RuleId, Severity } from './finding';

/** A rule may report either severity depending on the case (e.g. absent: blocking, late: warning). */
export type RuleSeverity = Severity | 'BLOCKING_OR_WARNING';

export interface RuleInfo {
  id: RuleId;
  severity: RuleSeverity;
  title: string;
  /** What the rule checks, and when a finding is blocking rather than a warning. */
  checks: string;
  /** The time window the rule applies, in words, for the given configuration ('—' when none). */
  window(config: ComplianceConfig): string;
  /** The regulation, code descriptor or guideline the rule exists for. */
  reason: string;
}

/** A rule whose findings depend only on the record: the same record always gives the same findings. */
export interface CaseRule extends RuleInfo {
  kind: 'case';
  check(record: CaseRecord, config: ComplianceConfig): Finding[];
}

/** A follow-up measurement expected in a window after the injection into a leg. */
export interface FollowUpDue {
  rule: RuleId;
  leg: Leg;
  /** The window's label, e.g. '3 months'. */
  window: string;
  /** ISO-8601 UTC. */
  dueFrom: string;
  /** ISO-8601 UTC; the window has passed once this time is behind. */
  dueBy: string;
  satisfied: boolean;
  /** The outcome entries that satisfy it, or, when unsatisfied, the injection the window counts from. */
  eventIds: string[];
}

/**
 * A follow-up rule: which measurements are due when is a function of the record; whether a missing one
 * is overdue depends on today, so findings come from `overdue` once the clock has passed `dueBy`.
 */
export interface FollowUpRule extends RuleInfo {
  kind: 'follow-up';
  followUps(record: CaseRecord, config: ComplianceConfig): FollowUpDue[];
  /** The warning for an unsatisfied due whose window has passed. */
  overdue(due: FollowUpDue): Finding;
}

export type ComplianceRule = CaseRule | FollowUpRule;

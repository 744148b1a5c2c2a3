/** A domain invariant refused the command: nothing is written. `rule` is a stable code clients can branch on. */
export interface DomainError {
  rule: DomainRule;
  message: string;
}

export const DOMAIN_RULES = {
  CASE_NOT_FOUND: 'no such case',
  CASE_ALREADY_EXISTS: 'a case with this id already exists',
  CASE_CLOSED: 'the case is closed: only amendments and signatures may be recorded',
  PATIENT_NOT_FOUND: 'no such patient',
  PATIENT_ALREADY_EXISTS: 'a patient with this id already exists',
  OCCURRED_IN_FUTURE: 'the clinical time is in the future',
  HARVEST_NOT_PLANNED: 'the case says the cells were harvested elsewhere',
  HARVEST_ONLY_NOT_PLANNED: 'a harvest-only case must plan the harvest here',
  HARVEST_ALREADY_RECORDED: 'a harvest is already recorded for this case: amend it instead',
  CONCENTRATION_WITHOUT_HARVEST: 'a concentration needs a prior harvest unless the case says the harvest was done elsewhere',
  CONCENTRATION_ALREADY_RECORDED: 'a concentration is already recorded for this case: amend it instead',
  INJECTION_WITHOUT_CONCENTRATION: 'an injection needs a prior cell concentration',
  LEG_NOT_TREATED: 'the case does not treat this leg',
  AMENDMENT_TARGET_NOT_FOUND: 'the amendment targets no entry of this case',
  AMENDMENT_TARGET_NOT_AMENDABLE: 'this kind of entry cannot be amended',
  AMENDMENT_EMPTY: 'an amendment must change at least one field',
  NOTHING_TO_SIGN: 'there is no harvest or injection to sign',
  CASE_ALREADY_CLOSED: 'the case is already closed',
} as const;

export type DomainRule = keyof typeof DOMAIN_RULES;

export function domainError(rule: DomainRule, detail?: string): DomainError {
  return { rule, message: detail ? `${DOMAIN_RULES[rule]} (${detail})` : DOMAIN_RULES[rule] };
}

export type Decision<E> = { ok: true; events: E[] } | { ok: false; error: DomainError };

export const accept = <E>(...events: E[]): Decision<E> => ({ ok: true, events });
export const reject = <E>(rule: DomainRule, detail?: string): Decision<E> => ({ ok: false, error: domainError(rule, detail) });

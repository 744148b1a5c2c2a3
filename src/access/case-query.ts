/** A case query → read-store filter, always narrowed to the caller's facility scope first. */
import type { Filter } from '../readstore/port';
import type { FacilityScope } from './permissions';

export interface CaseQuery {
  facilityId?: string | null;
  patientId?: string | null;
  status?: string | null;
  complete?: boolean | null;
  rule?: string | null;
  updatedFrom?: string | null;
  updatedTo?: string | null;
}

/** POST rules depend on today: a case has such a finding when a due date passed unsatisfied. */
const FOLLOW_UP_RULE = /^POST-/;

export function caseFilter(scope: FacilityScope, query: CaseQuery | undefined, now: Date): Filter {
  const and: Filter[] = [];
  if (scope.kind === 'some') and.push({ facilityId: { $in: [...scope.facilities] } });
  if (query?.facilityId) and.push({ facilityId: query.facilityId });
  if (query?.patientId) and.push({ patientId: query.patientId });
  if (query?.status) and.push({ status: query.status });
  if (query?.complete !== undefined && query.complete !== null) and.push({ 'compliance.complete': query.complete });
  if (query?.rule) {
    and.push(
      FOLLOW_UP_RULE.test(query.rule)
        ? { [`followUpOverdueAfter.${query.rule}`]: { $lt: now.toISOString() } }
        : { 'compliance.findings.rule': query.rule },
    );
  }
  if (query?.updatedFrom) and.push({ updatedAt: { $gte: query.updatedFrom } });
  if (query?.updatedTo) and.push({ updatedAt: { $lte: query.updatedTo } });
  return and.length === 0 ? {} : and.length === 1 ? (and[0] as Filter) : { $and: and };
}

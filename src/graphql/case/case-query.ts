/** CaseFilter → read-store filter, always narrowed to the caller's facilities. */
import type { Filter } from '../../readstore/port';
import type { User } from '../auth/user';
import type { CaseFilter } from './case-filter.input';

/** POST rules depend on today: a case has such a finding when a due date passed unsatisfied. */
const FOLLOW_UP_RULE = /^POST-/;

export function caseFilter(user: User, filter: CaseFilter | undefined, now: Date): Filter {
  const and: Filter[] = [];
  if (!user.roles.includes('ADMIN')) and.push({ facilityId: { $in: user.facilities } });
  if (filter?.facilityId) and.push({ facilityId: filter.facilityId });
  if (filter?.patientId) and.push({ patientId: filter.patientId });
  if (filter?.status) and.push({ status: filter.status });
  if (filter?.complete !== undefined && filter.complete !== null) and.push({ 'compliance.complete': filter.complete });
  if (filter?.rule) {
    and.push(
      FOLLOW_UP_RULE.test(filter.rule)
        ? { [`followUpOverdueAfter.${filter.rule}`]: { $lt: now.toISOString() } }
        : { 'compliance.findings.rule': filter.rule },
    );
  }
  if (filter?.updatedFrom) and.push({ updatedAt: { $gte: filter.updatedFrom } });
  if (filter?.updatedTo) and.push({ updatedAt: { $lte: filter.updatedTo } });
  return and.length === 0 ? {} : and.length === 1 ? (and[0] as Filter) : { $and: and };
}

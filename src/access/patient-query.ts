/** A patient search → read-store filter, always narrowed to the caller's facility scope first. */
import { nameKey } from '../../projections/patient-summary';
import type { Filter } from '../readstore/port';
import type { FacilityScope } from './permissions';

/** Exactly one of the two (the resolver checks it): an MRN matches exactly, a name by case-insensitive prefix. */
export interface PatientSearch {
  mrn?: string | null;
  name?: string | null;
  facilityId?: string | null;
}

/** Above every code point a name key can hold: `[key, key + MAX)` is the range of keys starting with `key`. */
const PREFIX_END = '\u{10FFFF}';

export function patientSearchFilter(scope: FacilityScope, search: PatientSearch): Filter {
  const and: Filter[] = [];
  if (scope.kind === 'some') and.push({ facilityId: { $in: [...scope.facilities] } });
  if (search.facilityId) and.push({ facilityId: search.facilityId });
  if (search.mrn) and.push({ mrn: search.mrn });
  if (search.name) {
    const key = nameKey(search.name);
    // A range on one element ($elemMatch), not on the array: a prefix, and an index bound MongoDB can use.
    and.push({ nameKeys: { $elemMatch: { $gte: key, $lt: key + PREFIX_END } } });
  }
  return and.length === 1 ? (and[0] as Filter) : { $and: and };
}

/** A patient search → read-store filter, always narrowed to the caller's facility scope first. */
import { nameKey } from '../../projections/patient-summary';
import type { Filter } from '../readstore/port';
import type { FacilityScope } from './permissions';

/** Exactly one of the two (the resolver checks it): an MRN matches exactly, a name (2–40 characters) by case-insensitive prefix. */
export interface PatientSearch {
  mrn?: string | null;
  name?: string | null;
  facilityId?: string | null;
}

export function patientSearchFilter(scope: FacilityScope, search: PatientSearch): Filter {
  const and: Filter[] = [];
  if (scope.kind === 'some') and.push({ facilityId: { $in: [...scope.facilities] } });
  if (search.facilityId) and.push({ facilityId: search.facilityId });
  if (search.mrn) and.push({ mrn: search.mrn });
  if (search.name) {
    // The summary keeps every start of every name (up to NAME_KEY_MAX characters, the longest term accepted).
    and.push({ nameKeys: nameKey(search.name) });
  }
  return and.length === 1 ? (and[0] as Filter) : { $and: and };
}

import type { Role } from '../../domain/values';

/** The authenticated caller, from a verified token. */
export interface User {
  id: string;
  name: string;
  roles: Role[];
  facilities: string[];
}

export const hasRole = (user: User, ...roles: Role[]): boolean => user.roles.some((r) => roles.includes(r));

/** The role recorded in events: the most privileged writing role the user holds. */
export const primaryRole = (user: User): Role =>
  (['CLINICIAN', 'ADMIN', 'COMPLIANCE_OFFICER', 'AUDITOR', 'VIEWER'] as const).find((r) => user.roles.includes(r)) ?? 'VIEWER';

/** ADMIN sees every facility; everyone else the facilities in their token. */
export const canSeeFacility = (user: User, facilityId: string): boolean =>
  user.roles.includes('ADMIN') || user.facilities.includes(facilityId);

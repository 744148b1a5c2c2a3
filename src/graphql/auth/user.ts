import type { Role } from '../../domain/values';

/** The authenticated caller, from a verified token. */
export interface User {
  id: string;
  name: string;
  roles: Role[];
  facilities: string[];
  /** When the token that vouched for the user expires (ms since the epoch); a live subscription ends then. */
  expiresAt?: number;
}

export const hasRole = (user: User, ...roles: Role[]): boolean => user.roles.some((r) => roles.includes(r));

/** The role recorded in events: the most privileged writing role the user holds. */
export const primaryRole = (user: User): Role =>
  (['CLINICIAN', 'ADMIN', 'COMPLIANCE_OFFICER', 'AUDITOR', 'VIEWER'] as const).find((r) => user.roles.includes(r)) ?? 'VIEWER';

/**
 * The role matrix: which role may do what, in one table. The seam (patient-data.ts) checks it on every
 * path, the resolvers' @Authorized decorators name the same rows, and the README's role table is generated
 * from it (scripts/roles-doc.ts), so the three cannot drift apart.
 */
import type { Role } from '../domain/values';
import type { User } from '../graphql/auth/user';

export interface Permission {
  roles: readonly Role[];
  /** What it allows, in words, for the generated table. */
  allows: string;
}

const ALL: readonly Role[] = ['CLINICIAN', 'AUDITOR', 'COMPLIANCE_OFFICER', 'VIEWER', 'ADMIN'];

export const PERMISSIONS = {
  record: {
    roles: ['CLINICIAN'],
    allows: 'register patients, open cases and record, amend, sign and close them (in their facilities)',
  },
  readSummaries: {
    roles: ALL,
    allows: 'read patient and case summaries (`patient`, `case`, `cases`, `caseUpdated`)',
  },
  searchPatients: {
    // Finding people by name is broader than reading a summary one was pointed to: not for VIEWER.
    roles: ['CLINICIAN', 'COMPLIANCE_OFFICER', 'AUDITOR', 'ADMIN'],
    allows: 'find patients of their facilities by MRN or name (`searchPatients`)',
  },
  readCompliance: {
    roles: ['CLINICIAN', 'COMPLIANCE_OFFICER', 'AUDITOR', 'ADMIN'],
    allows: "read a case's compliance findings and codes, and the `complianceReport` counts",
  },
  readCaseHistory: {
    roles: ['CLINICIAN', 'COMPLIANCE_OFFICER', 'AUDITOR', 'ADMIN'],
    allows: "read a case's event history, the case as of a moment, and verify its hash chain; export a case (NDJSON, FHIR R4)",
  },
  readAuditLog: {
    roles: ['AUDITOR', 'ADMIN'],
    allows: "read the global audit log (every event of the caller's facilities) and the security events",
  },
  readAccessLog: {
    roles: ['AUDITOR', 'ADMIN'],
    allows: "read the access log (who read which patient or case of the caller's facilities), also as a case's FHIR AuditEvents",
  },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;

export const rolesFor = (action: Action): Role[] => [...PERMISSIONS[action].roles];

export const may = (user: User, action: Action): boolean =>
  user.roles.some((role) => (PERMISSIONS[action].roles as readonly Role[]).includes(role));

/** Which facilities a user's data reads are limited to: every facility for ADMIN, else the token's. */
export type FacilityScope = { kind: 'all' } | { kind: 'some'; facilities: readonly string[] };

export const scopeOf = (user: User): FacilityScope =>
  user.roles.includes('ADMIN') ? { kind: 'all' } : { kind: 'some', facilities: user.facilities };

export const inScope = (scope: FacilityScope, facilityId: string | null | undefined): boolean =>
  typeof facilityId === 'string' && (scope.kind === 'all' || scope.facilities.includes(facilityId));

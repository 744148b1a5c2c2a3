/** The GraphQL schema, built from the type-graphql classes (one per process: the decorator registry is global). */
import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import type { Role } from '../domain/values';
import { hasRole } from './auth/user';
import { CaseFhirResolver } from './case/case-fhir.resolver';
import { CaseLifecycleResolver } from './case/case-lifecycle.resolver';
import { CaseStepsResolver } from './case/case-steps.resolver';
import { CaseResolver } from './case/case.resolver';
import { AccessLogResolver } from './audit/access-log.resolver';
import { AuditEventResolver } from './audit/audit-event.resolver';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { CaseAuditResolver } from './audit/case-audit.resolver';
import { IntegrityCheckpointResolver } from './audit/integrity-checkpoint.resolver';
import { unauthenticated } from './common/errors';
import { ComplianceReportResolver } from './compliance/compliance-report.resolver';
import { ComplianceRulesResolver } from './compliance/compliance-rules.resolver';
import type { Context } from './context';
import { PatientResolver } from './patient/patient.resolver';
import { PatientSearchResolver } from './patient/patient-search.resolver';

export const RESOLVERS: NonEmptyArray<Function> = [
  PatientResolver,
  PatientSearchResolver,
  CaseLifecycleResolver,
  CaseStepsResolver,
  CaseResolver,
  ComplianceReportResolver,
  ComplianceRulesResolver,
  CaseAuditResolver,
  AuditEventResolver,
  AuditLogResolver,
  AccessLogResolver,
  IntegrityCheckpointResolver,
  CaseFhirResolver,
];

const authChecker: AuthChecker<Context, Role> = ({ context, info }, roles) => {
  if (!context.user) throw unauthenticated();
  const allowed = roles.length === 0 || hasRole(context.user, ...roles);
  if (!allowed) context.data.recordDenial(info.fieldName);
  return allowed;
};

let built: Promise<GraphQLSchema> | null = null;

export function appSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    // caseUpdated subscribes through each app's own event source (its `subscribe` option); type-graphql
    // still insists on a PubSub, which stays unused.
    pubSub: createPubSub(),
    // type-graphql's defaults are loose (skipMissingProperties, forbidUnknownValues off): set them here.
    validate: {
      forbidUnknownValues: true,
      skipMissingProperties: false,
      whitelist: false,
      validationError: { target: false, value: false },
    },
  });
  return built;
}

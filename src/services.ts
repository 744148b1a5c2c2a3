/** The adapters and settings the app is composed of (app.ts). Only the seam in src/access/ hands them to callers' paths. */
import type { Logger } from 'pino';
import type { AccessLog } from './audit/access-log';
import type { StreamStates } from './commands/stream-states';
import type { ComplianceConfig } from './compliance';
import type { Config } from './config';
import type { EventStore } from './eventstore/port';
import type { Metrics } from './observability/metrics';
import type { CaseEvents } from './graphql/case/case-events';
import type { CaseFeed } from './live/case-feed';
import type { ProjectionRunner } from './projection/runner';
import type { ReadStore } from './readstore/port';
import type { SecurityEvents } from './audit/security-events';

export interface Services {
  config: Config;
  compliance: ComplianceConfig;
  store: EventStore;
  readStore: ReadStore;
  runner: ProjectionRunner;
  accessLog: AccessLog;
  /** Refused tokens and roles (audit/security-events.ts). */
  securityEvents: SecurityEvents;
  caseEvents: CaseEvents;
  /** Live case updates from the shared log and read model (started on API instances only). */
  caseFeed: CaseFeed;
  clock: () => Date;
  logger: Logger;
  /** The command side's folded state per stream (commands/stream-states.ts). */
  streamStates: StreamStates;
  /** Prometheus metrics of this app (observability/metrics.ts). */
  metrics: Metrics;
}

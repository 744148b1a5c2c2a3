/** What every resolver gets: the caller, the request's correlation id, the services, per-request loaders. */
import type { Logger } from 'pino';
import type { AccessLog } from '../audit/access-log';
import type { ComplianceConfig } from '../compliance';
import type { Config } from '../config';
import type { EventStore } from '../eventstore/port';
import type { ProjectionRunner } from '../projection/runner';
import type { ReadStore } from '../readstore/port';
import type { User } from './auth/user';
import type { Loaders } from './loaders';
import type { CaseEvents } from './case/case-events';
import type { StreamStates } from '../commands/stream-states';

export interface Services {
  config: Config;
  compliance: ComplianceConfig;
  store: EventStore;
  readStore: ReadStore;
  runner: ProjectionRunner;
  accessLog: AccessLog;
  caseEvents: CaseEvents;
  clock: () => Date;
  logger: Logger;
  /** The command side's folded state per stream (commands/stream-states.ts). */
  streamStates: StreamStates;
}

export interface Context {
  user: User | null;
  /** Correlation id of the request, recorded in every event it writes. */
  requestId: string;
  services: Services;
  loaders: Loaders;
}

/** Readiness and lag: what an operator (or a load balancer) needs to know about the read side. */
import type { EventStore } from '../eventstore/port';
import type { ProjectionRunner } from '../projection/runner';

/** Lag is counted exactly up to this many events; beyond it the answer is "at least". */
const LAG_COUNT_CAP = 10_000;

export interface Readiness {
  ready: boolean;
  state: string;
  lastError: string | null;
  lag: { events: number; eventsCapped: boolean; seconds: number };
  /** `owner`: with shared stores, whether this instance holds the projection's lease and runs it. */
  projections: Array<{ name: string; version: number; position: string; deadLetters: number; owner?: boolean }>;
}

export async function readiness(store: EventStore, runner: ProjectionRunner, now: Date): Promise<Readiness> {
  const status = runner.status();
  // Only events the projections handle: the access log's are not lag, and a filtered subscription may
  // acknowledge them late (KurrentDB reports a checkpoint only every 32 events it passes over).
  const behind = await store.readAll({
    after: status.position >= 0n ? status.position : undefined,
    maxCount: LAG_COUNT_CAP + 1,
    filter: { types: runner.eventTypes },
  });
  const oldest = behind[0];
  return {
    ready: status.caughtUp && (status.state === 'live' || status.state === 'catching-up') && status.lastError === null,
    state: status.state,
    lastError: status.lastError,
    lag: {
      events: Math.min(behind.length, LAG_COUNT_CAP),
      eventsCapped: behind.length > LAG_COUNT_CAP,
      seconds: oldest ? Math.max(0, (now.getTime() - Date.parse(oldest.metadata.recordedAt)) / 1000) : 0,
    },
    projections: status.projections.map((p) => ({
      name: p.name,
      version: p.version,
      position: String(p.position),
      deadLetters: p.deadLetters,
      ...(p.owner === undefined ? {} : { owner: p.owner }),
    })),
  };
}

/** Prometheus text exposition of the same figures. */
export function metricsText(r: Readiness, securityEvents: ReadonlyMap<string, number> = new Map()): string {
  const lines = [
    '# HELP celltrail_ready 1 when the read models are caught up and writable.',
    '# TYPE celltrail_ready gauge',
    `celltrail_ready ${r.ready ? 1 : 0}`,
    '# HELP celltrail_projection_lag_events Events of the projected types in the store not yet applied by every projection.',
    '# TYPE celltrail_projection_lag_events gauge',
    `celltrail_projection_lag_events ${r.lag.events}`,
    '# HELP celltrail_projection_lag_seconds Age of the oldest event not yet applied.',
    '# TYPE celltrail_projection_lag_seconds gauge',
    `celltrail_projection_lag_seconds ${r.lag.seconds}`,
    '# HELP celltrail_projection_dead_letters Events a projection could not apply (live mode).',
    '# TYPE celltrail_projection_dead_letters counter',
    ...r.projections.map((p) => `celltrail_projection_dead_letters{projection="${p.name}"} ${p.deadLetters}`),
    '# HELP celltrail_projection_position Global position each projection has applied.',
    '# TYPE celltrail_projection_position gauge',
    ...r.projections.map((p) => `celltrail_projection_position{projection="${p.name}"} ${p.position}`),
    '# HELP celltrail_security_events_total Refused tokens, connections without one, and refused roles (recorded or rate-limited).',
    '# TYPE celltrail_security_events_total counter',
    ...[...securityEvents].map(([key, count]) => {
      const [kind, reason] = key.split('/');
      return `celltrail_security_events_total{kind="${kind}",reason="${reason}"} ${count}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

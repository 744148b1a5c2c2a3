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

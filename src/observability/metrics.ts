/**
 * Prometheus metrics (prom-client), one registry per app so that two apps in one process (tests, a CLI
 * beside a server) never share counts. Names follow Prometheus conventions: `_total` counters, `_seconds`
 * histograms, base units. Labels are bounded: routes from a fixed list, operation names capped (see
 * operationLabel), resolver labels from the schema's own top-level fields, error codes from the API's.
 * Projection figures are read from the runner and the store when scraped, as /ready reads them.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Request durations: from a cached token check (sub-millisecond) to the 10 s a racing writer may retry for. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Access records per commit: one, up to the group commits of a busy minute. */
const BATCH_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];

/** Distinct operation names kept as labels; later new names count as "other" (names are the client's to choose). */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface ProjectionFigures {
  ready: boolean;
  lagEvents: number;
  lagSeconds: number;
  projections: ReadonlyArray<{ name: string; position: string; deadLetters: number }>;
}

export interface MetricsSources {
  /** What /ready reports, read when scraped. */
  projections(): Promise<ProjectionFigures>;
  /** Refused tokens and roles by "kind/reason" (audit/security-events.ts). */
  securityEvents(): ReadonlyMap<string, number>;
}

export interface Metrics {
  readonly registry: Registry;
  httpRequest(route: string, method: string, status: number, seconds: number): void;
  /** The label an operation is counted under: its name when well-formed and among the first names seen. */
  operationLabel(name: string | null | undefined): string;
  graphqlOperation(operation: string, type: string, seconds: number): void;
  resolver(parent: string, field: string, seconds: number): void;
  graphqlError(code: string): void;
  eventAppend(store: string, outcome: 'ok' | 'error', events: number, seconds: number): void;
  accessLogCommit(outcome: 'ok' | 'error', records: number, seconds: number): void;
  /** Where projection and security figures come from (the app sets them once its services exist). */
  setSources(sources: MetricsSources): void;
  /** The exposition text, and its content type. */
  scrape(): Promise<{ contentType: string; text: string }>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let sources: MetricsSources | null = null;
  const operationNames = new Set<string>();

  const httpDuration = new Histogram({
    name: 'celltrail_http_request_duration_seconds',
    help: 'HTTP requests by route, method and status code.',
    labelNames: ['route', 'method', 'status_code'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const operationDuration = new Histogram({
    name: 'celltrail_graphql_operation_duration_seconds',
    help: 'GraphQL operations by operation name ("anonymous" without one, "other" past the cap) and type.',
    labelNames: ['operation', 'type'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const resolverDuration = new Histogram({
    name: 'celltrail_graphql_resolver_duration_seconds',
    help: 'Top-level query and mutation resolvers by field.',
    labelNames: ['parent', 'field'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'celltrail_graphql_errors_total',
    help: 'GraphQL errors answered, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const appends = new Counter({
    name: 'celltrail_event_appends_total',
    help: 'Appends to the event store (each one or more events of one stream), by store and outcome.',
    labelNames: ['store', 'outcome'],
    registers: [registry],
  });
  const appendedEvents = new Counter({
    name: 'celltrail_events_appended_total',
    help: 'Events appended to the event store.',
    labelNames: ['store'],
    registers: [registry],
  });
  const appendDuration = new Histogram({
    name: 'celltrail_event_append_duration_seconds',
    help: 'Event store appends, until durable.',
    labelNames: ['store'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const accessCommits = new Counter({
    name: 'celltrail_access_log_commits_total',
    help: 'Access-log commits (group commits of access records), by outcome.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const accessBatch = new Histogram({
    name: 'celltrail_access_log_commit_records',
    help: 'Access records per access-log commit.',
    buckets: BATCH_BUCKETS,
    registers: [registry],
  });
  const accessDuration = new Histogram({
    name: 'celltrail_access_log_commit_duration_seconds',
    help: 'Access-log commits, until durable.',
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });

  // Read when scraped, from the runner and the store (as /ready).
  let figures: Promise<ProjectionFigures | null> | null = null;
  /** One read per scrape, shared by the gauges below (prom-client collects them one after another). */
  const current = (): Promise<ProjectionFigures | null> => (figures ??= sources ? sources.projections() : Promise.resolve(null));
  new Gauge({
    name: 'celltrail_ready',
    help: '1 when the read models are caught up and writable.',
    registers: [registry],
    async collect() {
      const f = await current();
      this.set(f?.ready ? 1 : 0);
    },
  });
  new Gauge({
    name: 'celltrail_projection_lag_events',
    help: 'Events of the projected types in the store not yet applied by every projection.',
    registers: [registry],
    async collect() {
      this.set((await current())?.lagEvents ?? 0);
    },
  });
  new Gauge({
    name: 'celltrail_projection_lag_seconds',
    help: 'Age of the oldest event not yet applied.',
    registers: [registry],
    async collect() {
      this.set((await current())?.lagSeconds ?? 0);
    },
  });
  new Gauge({
    name: 'celltrail_projection_position',
    help: 'Global position each projection has applied.',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      for (const p of (await current())?.projections ?? []) this.set({ projection: p.name }, Number(p.position));
    },
  });
  new Counter({
    name: 'celltrail_projection_dead_letters_total',
    help: 'Events a projection could not apply (live mode), since the process started.',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const p of (await current())?.projections ?? []) this.inc({ projection: p.name }, p.deadLetters);
    },
  });
  new Counter({
    name: 'celltrail_security_events_total',
    help: 'Refused tokens, connections without one, and refused roles (recorded or rate-limited).',
    labelNames: ['kind', 'reason'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [key, count] of sources?.securityEvents() ?? []) {
        const [kind = 'unknown', reason = 'unknown'] = key.split('/');
        this.inc({ kind, reason }, count);
      }
    },
  });

  return {
    registry,
    httpRequest: (route, method, status, seconds) => httpDuration.observe({ route, method, status_code: String(status) }, seconds),
    operationLabel(name) {
      if (name === null || name === undefined || name === '') return 'anonymous';
      if (!OPERATION_NAME.test(name)) return 'other';
      if (operationNames.has(name)) return name;
      if (operationNames.size >= MAX_OPERATION_NAMES) return 'other';
      operationNames.add(name);
      return name;
    },
    graphqlOperation: (operation, type, seconds) => operationDuration.observe({ operation, type }, seconds),
    resolver: (parent, field, seconds) => resolverDuration.observe({ parent, field }, seconds),
    graphqlError: (code) => errors.inc({ code }),
    eventAppend(store, outcome, events, seconds) {
      appends.inc({ store, outcome });
      if (outcome === 'ok') {
        appendedEvents.inc({ store }, events);
        appendDuration.observe({ store }, seconds);
      }
    },
    accessLogCommit(outcome, records, seconds) {
      accessCommits.inc({ outcome });
      if (outcome === 'ok') {
        accessBatch.observe(records);
        accessDuration.observe(seconds);
      }
    },
    setSources(next) {
      sources = next;
    },
    async scrape() {
      figures = null;
      try {
        return { contentType: registry.contentType, text: await registry.metrics() };
      } finally {
        figures = null;
      }
    },
  };
}

/** Seconds since a `process.hrtime.bigint()` reading. */
export const secondsSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

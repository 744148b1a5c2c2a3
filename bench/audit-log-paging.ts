/**
 * Paging the audit log over a realistic store (100,000 events by default: cases, patients, access log)
 * with `first: 100`: the first and the last page should cost about the same, for each kind of filter.
 *
 *   node dist/bench/audit-log-paging.js [--events 100000] [--first 100] [--samples 40] [--walk] [--seed 20240603]
 *
 * (a) In process: readEventPage straight on the SQLite store, first page vs last page; and backwards
 *     (readEventPageBackwards, `last`), the newest page vs the oldest one.
 * (b) Over HTTP: the AuditLog contract operation against the server in a child process (production
 *     settings), first and last page interleaved, per filter; with --walk, every page from first to last.
 * The server records each page's reads in the access log, as in production; it runs on a copy of the
 * cached store, so the cache stays as generated.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { auditLogPlan, type AuditLogQuery } from '../src/audit/audit-log-query';
import { readEventPage, readEventPageBackwards } from '../src/audit/event-page';
import type { EventStore, Position, RecordedEvent } from '../src/eventstore/port';
import { createSqliteEventStore } from '../src/eventstore/sqlite';
import { positionCursor } from '../src/graphql/audit/cursors';
import { integerOption, numberOption, readArgs } from './support/args';
import { cachedRealisticStore } from './support/cached-store';
import { benchToken, celltrailEnv } from './support/celltrail-env';
import { startChildServer } from './support/child-server';
import { bodyFor, operation } from './support/operations';
import { percentile, printJson, progress, round, runMain } from './support/output';

interface Variant {
  name: string;
  filter: AuditLogQuery;
  /** Positions of every matching event in the store as generated. */
  positions: Position[];
}

interface Timing {
  p50Ms: number;
  p95Ms: number;
}

const timing = (samples: number[]): Timing => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50Ms: round(percentile(sorted, 50), 2), p95Ms: round(percentile(sorted, 95), 2) };
};

/** The cursor after which exactly the last `first` matches follow (undefined: the start). */
const lastPageAfter = (positions: Position[], first: number): Position | undefined => positions[positions.length - first - 1];

async function everyEvent(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let after: Position | undefined; ;) {
    const page = await store.readAll({ after, maxCount: 10_000 });
    events.push(...page);
    const last = page[page.length - 1];
    if (!last) return events;
    after = last.position;
  }
}

/** What a filter means, written plainly (the store answers it from its indexes). */
function matchesQuery(e: RecordedEvent, q: AuditLogQuery): boolean {
  const at = Date.parse(e.metadata.recordedAt);
  return (
    (!q.types || q.types.includes(e.type)) &&
    (!q.streamPrefix || e.stream.startsWith(q.streamPrefix)) &&
    (q.actorId == null || e.metadata.actor.id === q.actorId) &&
    (!q.recordedFrom || at >= Date.parse(q.recordedFrom)) &&
    (!q.recordedTo || at <= Date.parse(q.recordedTo))
  );
}

function variantsOf(events: RecordedEvent[]): Variant[] {
  const byActor = new Map<string, number>();
  for (const e of events) if (e.stream.startsWith('case-')) byActor.set(e.metadata.actor.id, (byActor.get(e.metadata.actor.id) ?? 0) + 1);
  const actorId = [...byActor].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'nobody';
  const lastYear = new Date(
    Date.parse(events[events.length - 1]?.metadata.recordedAt ?? new Date().toISOString()) - 365 * 24 * 3600_000,
  ).toISOString();
  const weekLater = new Date(Date.parse(lastYear) + 7 * 24 * 3600_000).toISOString();
  const filters: Array<[string, AuditLogQuery]> = [
    ['unfiltered', {}],
    ['types: InjectionGiven (type index)', { types: ['InjectionGiven'] }],
    ['streamPrefix: case- (category index)', { streamPrefix: 'case-' }],
    ['actorId (actor index)', { actorId }],
    ['recordedFrom: a year before the end (time window)', { recordedFrom: lastYear }],
    ['recorded in one week a year before the end (time window)', { recordedFrom: lastYear, recordedTo: weekLater }],
    ['actorId, in that week (actor index within the time window)', { actorId, recordedFrom: lastYear, recordedTo: weekLater }],
  ];
  return filters.map(([name, filter]) => ({
    name,
    filter,
    positions: events.filter((e) => matchesQuery(e, filter)).map((e) => e.position),
  }));
}

/** One filter's first and last page timings. The event counts say how full each page was: full unless the filter has fewer matches than a page. */
function pagingResult(variant: Variant, counts: { first: number; last: number }, firstMs: number[], lastMs: number[]) {
  const [f, l] = [timing(firstMs), timing(lastMs)];
  return {
    filter: variant.name,
    matches: variant.positions.length,
    firstPageEvents: counts.first,
    lastPageEvents: counts.last,
    firstPage: f,
    lastPage: l,
    lastOverFirst: round(l.p50Ms / f.p50Ms, 2),
  };
}

async function inProcess(store: EventStore, variants: Variant[], first: number, samples: number) {
  const results = [];
  for (const variant of variants) {
    const plan = auditLogPlan(variant.filter);
    const counts = { first: 0, last: 0 };
    const measure = async (after: Position | undefined, which: 'first' | 'last'): Promise<number> => {
      const started = performance.now();
      const page = await readEventPage(store, { ...plan, first, after });
      const ms = performance.now() - started;
      counts[which] = page.events.length;
      return ms;
    };
    const firstMs: number[] = [];
    const lastMs: number[] = [];
    // Backwards: the newest page (no cursor) and the oldest one (before the match after the first page).
    const measureBackwards = async (before: Position | undefined): Promise<number> => {
      const started = performance.now();
      await readEventPageBackwards(store, { ...plan, last: first, before });
      return performance.now() - started;
    };
    const newestMs: number[] = [];
    const oldestMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      firstMs.push(await measure(undefined, 'first'));
      lastMs.push(await measure(lastPageAfter(variant.positions, first), 'last'));
      newestMs.push(await measureBackwards(undefined));
      oldestMs.push(await measureBackwards(variant.positions[first]));
    }
    const [newest, oldest] = [timing(newestMs), timing(oldestMs)];
    results.push({
      ...pagingResult(variant, counts, firstMs, lastMs),
      backwards: { newestPage: newest, oldestPage: oldest, oldestOverNewest: round(oldest.p50Ms / newest.p50Ms, 2) },
    });
  }
  return results;
}

async function main(): Promise<void> {
  const args = readArgs({
    events: { type: 'string' },
    first: { type: 'string' },
    samples: { type: 'string' },
    walk: { type: 'boolean', default: false },
    seed: { type: 'string' },
    'access-share': { type: 'string' },
  });
  const eventCount = integerOption(args.events, 'events', 100_000);
  const first = integerOption(args.first, 'first', 100);
  const samples = integerOption(args.samples, 'samples', 40);
  const seed = integerOption(args.seed, 'seed', 20240603);
  const accessShare = args['access-share'] === '0' ? 0 : numberOption(args['access-share'], 'access-share', 0.2);

  const cache = await cachedRealisticStore({ events: eventCount, accessShare, seed });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-bench-audit-'));
  try {
    for (const suffix of ['', '-wal'])
      if (fs.existsSync(cache.file + suffix)) fs.copyFileSync(cache.file + suffix, path.join(dataDir, `events.sqlite${suffix}`));
    const store = createSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    const events = await everyEvent(store);
    const variants = variantsOf(events);
    progress(`${events.length} events; measuring readEventPage in process`);
    const direct = await inProcess(store, variants, first, samples);

    const server = await startChildServer({
      kind: 'celltrail',
      env: celltrailEnv({ dataDir, extra: { MAX_PAGE_SIZE: String(Math.max(100, first)) } }),
    });
    const token = await benchToken(['AUDITOR']);
    const body = bodyFor(operation('AuditLog'));
    const call = async (
      filter: AuditLogQuery,
      after: Position | undefined,
    ): Promise<{ ms: number; count: number; hasNextPage: boolean; endCursor: string | null }> => {
      const started = performance.now();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body({ filter, first, after: after === undefined ? null : positionCursor(after) }),
      });
      const json = (await response.json()) as {
        data?: { auditLog: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
        errors?: unknown[];
      };
      const ms = performance.now() - started;
      if (!json.data || json.errors) throw new Error(`auditLog failed: ${JSON.stringify(json.errors)}`);
      return { ms, count: json.data.auditLog.edges.length, ...json.data.auditLog.pageInfo };
    };
    const http = [];
    let walk = null;
    try {
      progress('warming up the server');
      for (let i = 0; i < 20; i++) await call({}, undefined);
      for (const variant of variants) {
        progress(`over HTTP: ${variant.name}`);
        const firstMs: number[] = [];
        const lastMs: number[] = [];
        const counts = { first: 0, last: 0 };
        for (let i = 0; i < samples; i++) {
          const firstPage = await call(variant.filter, undefined);
          const lastPage = await call(variant.filter, lastPageAfter(variant.positions, first));
          firstMs.push(firstPage.ms);
          lastMs.push(lastPage.ms);
          [counts.first, counts.last] = [firstPage.count, lastPage.count];
        }
        http.push(pagingResult(variant, counts, firstMs, lastMs));
      }
      if (args.walk) {
        progress(`walking every page of the unfiltered log (first: ${first})`);
        const pages: number[] = [];
        let after: string | null = null;
        const started = performance.now();
        for (;;) {
          const t0 = performance.now();
          const response = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: body({ first, after }),
          });
          const json = (await response.json()) as { data: { auditLog: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
          pages.push(performance.now() - t0);
          const info = json.data.auditLog.pageInfo;
          if (!info.hasNextPage || info.endCursor === null) break;
          after = info.endCursor;
        }
        const head = timing(pages.slice(0, 50));
        const tail = timing(pages.slice(-50));
        walk = {
          pages: pages.length,
          seconds: round((performance.now() - started) / 1000, 1),
          first50Pages: head,
          last50Pages: tail,
          lastOverFirst: round(tail.p50Ms / head.p50Ms, 2),
        };
      }
    } finally {
      await server.stop();
      await store.close();
    }
    const unfiltered = http[0];
    printJson({
      bench: 'audit-log-paging',
      events: events.length,
      byType: cache.byType,
      first,
      samplesPerPage: samples,
      inProcess: direct,
      http,
      walk,
      targets: {
        lastPageAboutFirstPage: {
          target: 'unfiltered last/first p50 < 1.5',
          value: unfiltered?.lastOverFirst,
          met: (unfiltered?.lastOverFirst ?? Infinity) < 1.5,
        },
      },
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runMain(main);

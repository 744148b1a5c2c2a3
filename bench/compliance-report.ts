/**
 * The compliance report over 1,000 varied cases (complete, missing steps, late Doppler, single
 * injection, both legs, harvest elsewhere, cancelled…) on the embedded default: latency of the
 * ComplianceReport query over HTTP, and its counts checked against a recount made straight from the
 * events (each case folded with caseSummaryOf, then complianceAt), independently of the read model.
 *
 *   node dist/bench/compliance-report.js [--cases 1000] [--calls 50] [--warmup-calls 5]
 *
 * The server runs in a child process; calls are sequential (latency, not throughput).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { caseSummaryOf } from '../projections/case-summary';
import { complianceAt, DEFAULT_COMPLIANCE_CONFIG } from '../src/compliance';
import { CASE_STREAM_PREFIX } from '../src/domain/events';
import type { EventStore, Position, RecordedEvent } from '../src/eventstore/port';
import { createSqliteEventStore } from '../src/eventstore/sqlite';
import { integerOption, readArgs } from './support/args';
import { benchToken, celltrailEnv } from './support/celltrail-env';
import { startChildServer } from './support/child-server';
import { recordRealisticHistory } from './support/dataset';
import { bodyFor, operation } from './support/operations';
import { percentile, printJson, progress, round, runMain } from './support/output';

interface RuleCount {
  rule: string;
  severity: string;
  caseCount: number;
}

interface Counts {
  caseCount: number;
  completeCount: number;
  incompleteCount: number;
  byRule: RuleCount[];
}

async function caseStreams(store: EventStore): Promise<Map<string, RecordedEvent[]>> {
  const streams = new Map<string, RecordedEvent[]>();
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll({
      ...(after === undefined ? {} : { after }),
      maxCount: 5000,
      filter: { streamPrefix: CASE_STREAM_PREFIX },
    });
    const last = page[page.length - 1];
    if (!last) return streams;
    for (const event of page) {
      const list = streams.get(event.stream);
      if (list) list.push(event);
      else streams.set(event.stream, [event]);
    }
    after = last.position;
  }
}

/** The report's counts computed from the events alone: a case counts once per rule and severity. */
function recount(streams: Map<string, RecordedEvent[]>, now: Date): Counts {
  let caseCount = 0;
  let completeCount = 0;
  const byRule = new Map<string, RuleCount>();
  for (const events of streams.values()) {
    const ordered = [...events].sort((a, b) => a.revision - b.revision);
    const summary = caseSummaryOf(ordered, DEFAULT_COMPLIANCE_CONFIG);
    if (!summary) continue;
    caseCount++;
    const status = complianceAt(summary.compliance, now);
    if (status.complete) completeCount++;
    for (const key of new Set(status.findings.map((f) => `${f.rule}|${f.severity}`))) {
      const [rule = '', severity = ''] = key.split('|');
      const count = byRule.get(key) ?? { rule, severity, caseCount: 0 };
      count.caseCount++;
      byRule.set(key, count);
    }
  }
  const rules = [...byRule.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.severity < b.severity ? -1 : 1));
  return { caseCount, completeCount, incompleteCount: caseCount - completeCount, byRule: rules };
}

const normalised = (counts: Counts): string =>
  JSON.stringify({
    ...counts,
    byRule: [...counts.byRule].sort((a, b) => `${a.rule}|${a.severity}`.localeCompare(`${b.rule}|${b.severity}`)),
  });

async function main(): Promise<void> {
  const args = readArgs({
    cases: { type: 'string' },
    calls: { type: 'string' },
    'warmup-calls': { type: 'string' },
    seed: { type: 'string' },
  });
  const cases = integerOption(args.cases, 'cases', 1000);
  const calls = integerOption(args.calls, 'calls', 50);
  const warmupCalls = args['warmup-calls'] === '0' ? 0 : integerOption(args['warmup-calls'], 'warmup-calls', 5);
  const seed = integerOption(args.seed, 'seed', 20240604);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-bench-compliance-'));
  try {
    const file = path.join(dataDir, 'events.sqlite');
    const generator = createSqliteEventStore({ path: file });
    const stats = await recordRealisticHistory({ store: generator, seed, cases, years: 3 }).finally(() => generator.close());
    progress(`populated ${stats.events} events, ${stats.casesStarted} cases`);

    const server = await startChildServer({ kind: 'celltrail', env: celltrailEnv({ dataDir }) });
    const token = await benchToken(['COMPLIANCE_OFFICER']);
    const body = bodyFor(operation('ComplianceReport'))({});
    const call = async (): Promise<{ ms: number; counts: Counts; at: Date }> => {
      const at = new Date();
      const started = performance.now();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      const json = (await response.json()) as { data?: { complianceReport: Counts }; errors?: unknown[] };
      const ms = performance.now() - started;
      if (!json.data || json.errors) throw new Error(`complianceReport failed: ${JSON.stringify(json.errors)}`);
      return { ms, counts: json.data.complianceReport, at };
    };
    let last: Awaited<ReturnType<typeof call>> | null = null;
    const latencies: number[] = [];
    try {
      for (let i = 0; i < warmupCalls; i++) await call();
      progress(`measuring ${calls} sequential calls`);
      for (let i = 0; i < calls; i++) latencies.push((last = await call()).ms);
    } finally {
      await server.stop();
    }

    if (!last) throw new Error('no call was measured');
    const store = createSqliteEventStore({ path: file });
    const streams = await caseStreams(store).finally(() => store.close());
    const recounted = recount(streams, last.at);
    const countsMatch = normalised(recounted) === normalised(last.counts);
    latencies.sort((a, b) => a - b);
    const p50Ms = round(percentile(latencies, 50), 1);
    const p99Ms = round(percentile(latencies, 99), 1);
    printJson({
      bench: 'compliance-report',
      cases: recounted.caseCount,
      calls,
      p50Ms,
      p99Ms,
      maxMs: round(latencies[latencies.length - 1] ?? Number.NaN, 1),
      generated: { events: stats.events, shapes: stats.shapes, defects: stats.defects },
      report: last.counts,
      recount: recounted,
      countsMatch,
      targets: { p99Ms: { target: '< 200', met: p99Ms < 200 }, countsMatch: { target: true, met: countsMatch } },
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runMain(main);

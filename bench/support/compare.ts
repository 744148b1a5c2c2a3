/**
 * Celltrail against the bare Apollo baseline in the same run: both servers started (each in a child
 * process of its own), both warmed up (JIT, caches), then measured in alternation, round after round,
 * so that a slow spell of a noisy machine hits both. The ratio is the median of the per-round ratios.
 */
import { startChildServer, type ChildServer } from './child-server';
import { runLoad, type LoadOptions, type LoadResult } from './load';
import { progress, round } from './output';
import type { ServerSpec } from './server-spec';

export interface Contender {
  label: string;
  spec: ServerSpec;
  load: Omit<LoadOptions, 'url' | 'connections' | 'durationS'>;
  /** Write a CPU profile of the server over the measured rounds (not start-up or warm-up) to this file. */
  profileFile?: string;
  /** Called before this contender's first measured round (e.g. to reset counters of what was sent). */
  onMeasureStart?: () => void;
}

export interface CompareOptions {
  baseline: Contender;
  subject: Contender;
  connections: number;
  durationS: number;
  warmupS: number;
  rounds: number;
}

export interface Totals {
  requests: number;
  errors: number;
  non2xx: number;
  errorCodes: Record<string, number>;
}

export interface Comparison {
  /** The round with the median throughput (its latencies with it). */
  baseline: LoadResult;
  subject: LoadResult;
  /** Over every measured round: an error in any round is reported, whichever round is the median. */
  baselineTotals: Totals;
  subjectTotals: Totals;
  /** Median of subject/baseline throughput over the rounds. */
  ratio: number;
  rounds: Array<{ baselineRps: number; subjectRps: number; ratio: number }>;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

function totals(results: readonly LoadResult[]): Totals {
  const errorCodes: Record<string, number> = {};
  for (const r of results) for (const [code, n] of Object.entries(r.errorCodes)) errorCodes[code] = (errorCodes[code] ?? 0) + n;
  const sum = (pick: (r: LoadResult) => number) => results.reduce((acc, r) => acc + pick(r), 0);
  return { requests: sum((r) => r.requests), errors: sum((r) => r.errors), non2xx: sum((r) => r.non2xx), errorCodes };
}

/** The round with the median throughput: its latencies are reported with it. */
function medianRound(results: readonly LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.requestsPerSec - b.requestsPerSec);
  return sorted[(sorted.length - 1) >> 1] as LoadResult;
}

export async function compareServers(options: CompareOptions): Promise<Comparison> {
  const { baseline, subject, connections, durationS, warmupS, rounds } = options;
  const started: ChildServer[] = [];
  try {
    const servers = new Map<Contender, ChildServer>();
    for (const contender of [baseline, subject]) {
      progress(`${contender.label}: starting server`);
      const server = await startChildServer(contender.spec);
      started.push(server);
      servers.set(contender, server);
    }
    const run = (contender: Contender, seconds: number) =>
      runLoad({ ...contender.load, url: (servers.get(contender) as ChildServer).url, connections, durationS: seconds });
    if (warmupS > 0) {
      for (const contender of [baseline, subject]) {
        progress(`${contender.label}: warming up ${warmupS} s`);
        await run(contender, warmupS);
      }
    }
    const results = new Map<Contender, LoadResult[]>([
      [baseline, []],
      [subject, []],
    ]);
    for (let i = 0; i < rounds; i++) {
      for (const contender of [baseline, subject]) {
        const server = servers.get(contender) as ChildServer;
        if (i === 0) contender.onMeasureStart?.();
        if (contender.profileFile) await server.startProfile();
        progress(`${contender.label}: round ${i + 1}/${rounds}, ${durationS} s with ${connections} connections`);
        const result = await run(contender, durationS);
        if (contender.profileFile) {
          // One profile per round: the rounds of the other server in between would show as idle time.
          const file =
            rounds === 1 ? contender.profileFile : contender.profileFile.replace(/(\.cpuprofile)?$/, `.round${i + 1}.cpuprofile`);
          await server.stopProfile(file);
          progress(`  CPU profile: ${file}`);
        }
        progress(
          `  ${result.requestsPerSec} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
        );
        results.get(contender)?.push(result);
      }
    }
    const baseRounds = results.get(baseline) as LoadResult[];
    const subjectRounds = results.get(subject) as LoadResult[];
    const perRound = baseRounds.map((b, i) => {
      const s = subjectRounds[i] as LoadResult;
      return { baselineRps: b.requestsPerSec, subjectRps: s.requestsPerSec, ratio: round(s.requestsPerSec / b.requestsPerSec, 3) };
    });
    return {
      baseline: medianRound(baseRounds),
      subject: medianRound(subjectRounds),
      baselineTotals: totals(baseRounds),
      subjectTotals: totals(subjectRounds),
      ratio: round(median(perRound.map((r) => r.ratio)), 3),
      rounds: perRound,
    };
  } finally {
    await Promise.all(started.map((server) => server.stop()));
  }
}

/**
 * What the benchmark's JSON reports of one contender: throughput and latencies of the median round;
 * requests, errors and non-2xx answers summed over every round.
 */
export function reported(result: LoadResult, all: Totals) {
  const { requestsPerSec, p50Ms, p99Ms, p90Ms, p999Ms, maxMs } = result;
  const { requests, errors, non2xx, errorCodes } = all;
  return {
    requestsPerSec,
    p50Ms,
    p99Ms,
    errors,
    non2xx,
    requests,
    p90Ms,
    p999Ms,
    maxMs,
    ...(Object.keys(errorCodes).length > 0 ? { errorCodes } : {}),
  };
}

/**
 * Where the time goes in a V8 CPU profile (`node --cpu-prof`, or a benchmark's --profile DIR):
 * self time by function, and inclusive time by function, each with its source location.
 *
 *   node dist/bench/profile-summary.js FILE.cpuprofile [--top 25]
 */
import fs from 'node:fs';
import path from 'node:path';
import { integerOption } from './support/args';
import { round, runMain } from './support/output';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function where(frame: CallFrame): string {
  const file = frame.url.replace(/^file:\/\//, '');
  const nodeModules = file.lastIndexOf('node_modules/');
  const short = nodeModules >= 0 ? file.slice(nodeModules + 'node_modules/'.length) : path.relative(process.cwd(), file) || file;
  return `${frame.functionName || '(anonymous)'} ${short ? `${short}:${frame.lineNumber + 1}` : ''}`.trim();
}

async function main(): Promise<void> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [--top N]');
  const top = integerOption(rest[rest.indexOf('--top') + 1], 'top', 25);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totalUs = profile.endTime - profile.startTime;

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const key = where(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + us);
    // Each function counted once per stack, however often it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = where((byId.get(at) as ProfileNode).callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const table = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => `${String(round((100 * us) / totalUs, 1)).padStart(5)} %  ${String(Math.round(us / 1000)).padStart(7)} ms  ${fn}`)
      .join('\n');
  process.stdout.write(
    `profile ${file}: ${Math.round(totalUs / 1000)} ms\n\nself time\n${table(self)}\n\ninclusive time\n${table(inclusive)}\n`,
  );
}

runMain(main);

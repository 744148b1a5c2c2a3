/**
 * How long a CLI takes to answer when nothing changed since the last build: `npm run -s token` (npm,
 * the build check, the compiled CLI), and the same CLI started directly with node, as in the image.
 * Before build-once, every CLI recompiled the project first (14-17 s for a token).
 *
 *   node dist/bench/cli-startup.js [--rounds 10]
 *
 * Wall time of whole processes, median and worst of the rounds; the first run (which may compile) is
 * not counted. The token is signed with a throw-away secret in a temporary DATA_DIR.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { integerOption, readArgs } from './support/args';
import { percentile, printJson, progress, round, runMain } from './support/output';

const ROOT = path.resolve(__dirname, '../..');
const TOKEN_ARGS = ['--role', 'VIEWER', '--facility', 'F1', '--sub', 'bench'];

function timed(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return elapsed;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: round(percentile(sorted, 50)), maxMs: round(sorted[sorted.length - 1] ?? Number.NaN) };
}

async function main(): Promise<void> {
  const args = readArgs({ rounds: { type: 'string' } });
  const rounds = integerOption(args.rounds, 'rounds', 10);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-bench-cli-'));
  const env = { ...process.env, DATA_DIR: dataDir, JWT_SECRET: 'b'.repeat(64), JWT_SECRET_FILE: '', LOG_LEVEL: 'silent' };
  try {
    progress('first run (compiles if a source changed)');
    const firstMs = timed('npm', ['run', '-s', 'token', '--', ...TOKEN_ARGS], env);
    const npmRuns: number[] = [];
    const nodeRuns: number[] = [];
    for (let i = 1; i <= rounds; i++) {
      progress(`round ${i}/${rounds}`);
      npmRuns.push(timed('npm', ['run', '-s', 'token', '--', ...TOKEN_ARGS], env));
      nodeRuns.push(timed(process.execPath, [path.join(ROOT, 'dist/src/cli/token.js'), ...TOKEN_ARGS], env));
    }
    printJson({
      benchmark: 'cli-startup',
      node: process.version,
      rounds,
      firstRunMs: round(firstMs),
      npmRunToken: summary(npmRuns),
      nodeDistToken: summary(nodeRuns),
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runMain(main);

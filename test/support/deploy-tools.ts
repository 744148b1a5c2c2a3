/**
 * The deployment checkers built by `bash .ci/deploy-tools.sh` (Go modules in tools/): the Compose v2
 * loader, BuildKit's Dockerfile checks and Caddy's Caddyfile adapter. Without them a suite is skipped with the reason in its
 * name; under CI=true it runs and fails, so CI never passes without having checked.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

export interface DeployTool {
  binary: string;
  /** Whether a suite using it runs: the tool is built, or CI=true (where a missing tool is a failure). */
  runs: boolean;
  /** Suffix for the suite's name: empty when the tool is there. */
  reason: string;
  run(args: string[]): { status: number | null; stdout: string; stderr: string };
}

export function deployTool(name: 'compose-check' | 'dockerfile-lint' | 'caddy-adapt'): DeployTool {
  const binary = path.join(ROOT, '.tools', 'bin', name);
  const built = fs.existsSync(binary);
  const required = process.env.CI === 'true';
  return {
    binary,
    runs: built || required,
    reason: built
      ? ''
      : required
        ? ` (.tools/bin/${name} is not built, which fails under CI=true; run bash .ci/deploy-tools.sh)`
        : ` (skipped: .tools/bin/${name} is not built; run bash .ci/deploy-tools.sh)`,
    run(args) {
      if (!built) throw new Error(`.tools/bin/${name} is not built: run bash .ci/deploy-tools.sh (CI=true requires it)`);
      const result = spawnSync(binary, args, { cwd: ROOT, encoding: 'utf8' });
      if (result.error) throw result.error;
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}

/** The console's static files, built when their sources changed (the same script `npm start` runs first). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export function ensureConsoleBuilt(): void {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build-if-stale.js'), '--console-only'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`the console did not build:\n${result.stderr}`);
}

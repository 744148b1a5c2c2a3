/**
 * scripts/build-if-stale.js, which `npm start` and every CLI run first: it compiles only when a
 * source changed since the last build, once when several commands start together, never in the
 * image (no sources). Run here on a scratch project whose "tsc" records each call.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const script = path.resolve(__dirname, '../../scripts/build-if-stale.js');

/** A fake TypeScript compiler: logs each run, can be told to fail or to take its time. */
const FAKE_TSC = `
const fs = require('node:fs');
const path = require('node:path');
const root = path.resolve(__dirname, '../../..');
fs.appendFileSync(path.join(root, 'tsc-runs.log'), 'run\\n');
if (fs.existsSync(path.join(root, 'slow'))) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 800);
if (fs.existsSync(path.join(root, 'broken'))) { console.log('src/a.ts(1,1): error TS1005'); process.exit(2); }
fs.mkdirSync(path.join(root, 'dist/src'), { recursive: true });
fs.writeFileSync(path.join(root, 'dist/src/a.js'), 'compiled');
`;

describe('build-if-stale', () => {
  let project: string;
  const runs = () =>
    fs.existsSync(path.join(project, 'tsc-runs.log'))
      ? fs.readFileSync(path.join(project, 'tsc-runs.log'), 'utf8').split('\n').length - 1
      : 0;
  const run = () => spawnSync(process.execPath, [path.join(project, 'scripts/build-if-stale.js')], { cwd: project, encoding: 'utf8' });
  const age = (file: string, seconds: number) => {
    const time = new Date(Date.now() + seconds * 1000);
    fs.utimesSync(path.join(project, file), time, time);
  };
  /** Changed after the last build started (a build takes longer than a millisecond). */
  const touch = (file: string) => age(file, 0);

  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-build-'));
    for (const dir of ['scripts', 'src', 'projections', 'node_modules/typescript/bin'])
      fs.mkdirSync(path.join(project, dir), { recursive: true });
    fs.copyFileSync(script, path.join(project, 'scripts/build-if-stale.js'));
    fs.writeFileSync(path.join(project, 'node_modules/typescript/bin/tsc'), FAKE_TSC);
    fs.writeFileSync(path.join(project, 'node_modules/typescript/package.json'), '{"name":"typescript","version":"0.0.0"}');
    fs.writeFileSync(path.join(project, 'tsconfig.json'), '{}');
    fs.writeFileSync(path.join(project, 'tsconfig.build.json'), '{}');
    fs.writeFileSync(path.join(project, 'src/a.ts'), 'export const a = 1;');
    // every input older than "now", so a build stamped now is newer than all of them
    for (const file of ['scripts/build-if-stale.js', 'tsconfig.json', 'tsconfig.build.json', 'src/a.ts', 'src', 'projections', 'scripts'])
      age(file, -60);
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  it('compiles the first time, and not again while nothing changed', () => {
    expect(run().status).toBe(0);
    expect(runs()).toBe(1);
    expect(fs.existsSync(path.join(project, 'dist/src/a.js'))).toBe(true);

    const second = run();
    expect(second.status).toBe(0);
    expect(second.stderr).toBe('');
    expect(runs()).toBe(1);
  });

  it('compiles again when a source is edited, added or removed, or the build configuration changes', () => {
    run();
    touch('src/a.ts');
    run();
    expect(runs()).toBe(2);
    run();
    expect(runs()).toBe(2);

    fs.writeFileSync(path.join(project, 'projections/b.ts'), 'export {};');
    run();
    expect(runs()).toBe(3);

    fs.rmSync(path.join(project, 'projections/b.ts'));
    run();
    expect(runs()).toBe(4);

    touch('tsconfig.build.json');
    run();
    expect(runs()).toBe(5);
    run();
    expect(runs()).toBe(5);
  });

  it('stops with tsc’s exit code and its errors on stderr (stdout stays clean for `npm run -s token`), and tries again next time', () => {
    fs.writeFileSync(path.join(project, 'broken'), '');
    const failed = run();
    expect(failed.status).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain('error TS1005');
    expect(failed.stderr).toContain('tsc failed');

    fs.rmSync(path.join(project, 'broken'));
    expect(run().status).toBe(0);
    expect(runs()).toBe(2);
    expect(fs.existsSync(path.join(project, 'dist/.build-lock'))).toBe(false);
  });

  it('builds once when several commands start together on a stale tree', async () => {
    fs.writeFileSync(path.join(project, 'slow'), '');
    const started = [1, 2, 3].map(
      () =>
        new Promise<number | null>((resolve) =>
          spawn(process.execPath, [path.join(project, 'scripts/build-if-stale.js')], { cwd: project, stdio: 'ignore' }).once(
            'exit',
            resolve,
          ),
        ),
    );
    expect(await Promise.all(started)).toEqual([0, 0, 0]);
    expect(runs()).toBe(1);
  });

  it('does nothing without sources, as in the Docker image, where TypeScript is not installed either', () => {
    fs.rmSync(path.join(project, 'src'), { recursive: true });
    fs.rmSync(path.join(project, 'node_modules'), { recursive: true });
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});

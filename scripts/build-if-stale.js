#!/usr/bin/env node
/**
 * Compiles the project (`tsc -p tsconfig.build.json`) only when a source is newer than the last
 * build, so `npm start` and the CLIs start in about a second when nothing changed.
 *
 *   node scripts/build-if-stale.js && node dist/src/cli/token.js …
 *
 * Plain JavaScript: it runs before anything is compiled. A build records its start time in
 * dist/.build-stamp (a file changed while tsc runs is newer than the stamp, so the next run builds
 * again). Without sources (the Docker image ships dist/ only) there is nothing to check. Two commands
 * started at once on a stale tree build once: the second waits for the first's lock. tsc's output goes
 * to stderr so that `npm run -s token` prints nothing but the token on stdout.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-stamp');
const lockDir = path.join(dist, '.build-lock');
/** What tsconfig.build.json compiles, and what changes its output. */
const INPUT_DIRS = ['src', 'projections', 'scripts', 'bench', 'test/support'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 5 * 60 * 1000;

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A directory's own mtime changes when a file is added, removed or renamed in it.
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function stampMtime() {
  try {
    return fs.statSync(stampFile).mtimeMs;
  } catch {
    return -1;
  }
}

function isStale() {
  const stamp = stampMtime();
  if (stamp < 0) return true;
  return [...INPUT_DIRS, ...INPUT_FILES].some((entry) => newestMtime(path.join(root, entry)) > stamp);
}

function hasSources() {
  return fs.existsSync(path.join(root, 'src')) && fs.existsSync(path.join(root, 'tsconfig.build.json'));
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock() {
  fs.mkdirSync(dist, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    try {
      if (Date.now() - fs.statSync(lockDir).mtimeMs > STALE_LOCK_MS) fs.rmSync(lockDir, { recursive: true, force: true });
    } catch {
      // released meanwhile
    }
    sleep(100);
  }
}

function build() {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    process.stderr.write('build-if-stale: the sources changed but TypeScript is not installed (run `npm ci`)\n');
    return 1;
  }
  const startedAt = new Date();
  process.stderr.write('build-if-stale: compiling (sources changed since the last build)\n');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    process.stderr.write('build-if-stale: tsc failed; nothing was started\n');
    return result.status ?? 1;
  }
  fs.writeFileSync(stampFile, `${startedAt.toISOString()}\n`);
  fs.utimesSync(stampFile, startedAt, startedAt);
  return 0;
}

if (hasSources() && isStale()) {
  acquireLock();
  let status = 0;
  try {
    // Another command may have built while this one waited for the lock.
    if (isStale()) status = build();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
  process.exitCode = status;
}

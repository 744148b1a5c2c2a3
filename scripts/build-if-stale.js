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
 *
 * With --console (npm start) it also builds the web console (console/ → console/dist, Vite) when a console
 * source changed since its last build, the same way (its own stamp and lock); --console-only builds nothing
 * else (the browser tests). The CLIs do not ask for it: they start without waiting for a bundle they never serve.
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

/** The console's sources (not console/ itself: its mtime changes when Vite replaces console/dist). */
const consoleDir = path.join(root, 'console');
const consoleDist = path.join(consoleDir, 'dist');
const CONSOLE_INPUTS = [
  ...['src', 'index.html', 'graphiql.html', 'vite.config.ts', 'tsconfig.json'].map((entry) => path.join(consoleDir, entry)),
  path.join(root, 'package-lock.json'),
];

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

function stampMtime(file = stampFile) {
  try {
    return fs.statSync(file).mtimeMs;
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

function acquireLock(lock = lockDir) {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    try {
      if (Date.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
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

/** Vite empties console/dist as it starts: the stamp is written there after a build, the lock kept in dist/. */
const consoleStamp = path.join(consoleDist, '.build-stamp');
const consoleLock = path.join(dist, '.console-build-lock');

function consoleIsStale() {
  const stamp = stampMtime(consoleStamp);
  if (stamp < 0 || !fs.existsSync(path.join(consoleDist, 'index.html'))) return true;
  return CONSOLE_INPUTS.some((entry) => newestMtime(entry) > stamp);
}

function buildConsole() {
  let vite;
  try {
    // vite's package exports do not list its bin script
    vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [root] })), 'bin/vite.js');
  } catch {
    process.stderr.write('build-if-stale: the console changed but Vite is not installed (run `npm ci`)\n');
    return 1;
  }
  const startedAt = new Date();
  process.stderr.write('build-if-stale: building the console (its sources changed since the last build)\n');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--config', path.join(consoleDir, 'vite.config.ts')], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    process.stderr.write('build-if-stale: the console build failed; nothing was started\n');
    return result.status ?? 1;
  }
  fs.writeFileSync(consoleStamp, `${startedAt.toISOString()}\n`);
  fs.utimesSync(consoleStamp, startedAt, startedAt);
  return 0;
}

/** Builds when stale, once across commands started together: the second waits for the first's lock. */
function buildOnce(stale, buildIt, lock) {
  if (!stale()) return 0;
  acquireLock(lock);
  try {
    // Another command may have built while this one waited for the lock.
    return stale() ? buildIt() : 0;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const consoleOnly = args.includes('--console-only');
const withConsole = consoleOnly || args.includes('--console');

let status = 0;
if (!consoleOnly && hasSources()) status = buildOnce(isStale, build, lockDir);
// Without console sources (the Docker image) there is no console to build.
if (status === 0 && withConsole && fs.existsSync(path.join(consoleDir, 'vite.config.ts')))
  status = buildOnce(consoleIsStale, buildConsole, consoleLock);
process.exitCode = status;

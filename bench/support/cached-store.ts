/**
 * Generated event stores kept between runs in the temp directory, keyed by what generated them, so a
 * second run of a large benchmark does not spend minutes generating the same events again.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { recordRealisticHistory } from './dataset';
import { progress } from './output';

/** Bump whenever the generator's output changes: older caches are then ignored. */
export const GENERATOR_VERSION = 1;

export interface CachedStore {
  /** Directory holding `events.sqlite`: usable as the app's DATA_DIR. */
  dir: string;
  file: string;
  events: number;
  byType: Record<string, number>;
  casesStarted: number;
  casesFinished: number;
  /** Seconds spent generating (0 when the cache was used). */
  generationS: number;
  cached: boolean;
}

interface Marker {
  events: number;
  byType: Record<string, number>;
  casesStarted: number;
  casesFinished: number;
}

export interface DatasetKey {
  events: number;
  accessShare: number;
  seed: number;
}

function locate(options: DatasetKey) {
  const key = `rebuild-n${options.events}-a${options.accessShare}-s${options.seed}-g${GENERATOR_VERSION}`;
  const dir = path.join(os.tmpdir(), 'celltrail-bench-cache', key);
  return { dir, file: path.join(dir, 'events.sqlite'), markerFile: path.join(dir, 'dataset.json') };
}

/**
 * The cached store for these options, generated first when missing, in a child process: what the
 * generation leaves on the heap (and the collector's work on it) must not slow the measurements.
 */
export async function cachedRealisticStore(options: DatasetKey): Promise<CachedStore> {
  const { dir, file, markerFile } = locate(options);
  let generationS = 0;
  if (fs.existsSync(markerFile)) {
    progress(`using cached store ${dir}`);
  } else {
    const started = performance.now();
    const child = fork(path.join(__dirname, 'generate-store.js'), [JSON.stringify(options)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0 || !fs.existsSync(markerFile)) throw new Error(`generating the store failed (exit code ${String(code)})`);
    generationS = (performance.now() - started) / 1000;
  }
  const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as Marker;
  return { dir, file, ...marker, generationS, cached: generationS === 0 };
}

/** Generates the store (run by generate-store.ts in its own process). */
export async function generateStore(options: DatasetKey): Promise<void> {
  const { dir, file, markerFile } = locate(options);
  // A cache without its marker was interrupted mid-generation: start it again.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  progress(`generating ${options.events} events into ${dir} (not measured)`);
  const store = createSqliteEventStore({ path: file });
  try {
    const stats = await recordRealisticHistory({
      store,
      seed: options.seed,
      events: options.events,
      accessShare: options.accessShare,
      onProgress: (events) => progress(`  ${events} events`),
    });
    const marker: Marker = {
      events: stats.events,
      byType: stats.byType,
      casesStarted: stats.casesStarted,
      casesFinished: stats.casesFinished,
    };
    await store.close();
    fs.writeFileSync(markerFile, JSON.stringify(marker, null, 2));
  } catch (error) {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * How long the console takes to show, in headless Chromium (Debian's chromium through playwright-core): the
 * compliance worklist with 1,000 cases in scope (its first page, the counts by rule and the chart), and one
 * case with 100 entries (timeline, ABI plot). Each round is a fresh browser context signed in through
 * sessionStorage; the time runs from navigation to the content being visible.
 *
 *   node dist/bench/console-render.js [--cases 1000] [--entries 100] [--rounds 10]
 *
 * The server runs in a child process on a generated SQLite store (production configuration).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSqliteEventStore } from '../src/eventstore/sqlite';
import { chromium, type Browser } from 'playwright-core';
import { integerOption, readArgs } from './support/args';
import { benchToken, celltrailEnv } from './support/celltrail-env';
import { startChildServer } from './support/child-server';
import { recordRealisticHistory } from './support/dataset';
import { percentile, printJson, progress, round, runMain } from './support/output';
import { recordCase } from '../test/support/console-scenario';
import type { GqlResponse } from '../test/support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    rounds: sorted.length,
    p50Ms: round(percentile(sorted, 50), 1),
    minMs: round(sorted[0] ?? NaN, 1),
    maxMs: round(sorted[sorted.length - 1] ?? NaN, 1),
  };
}

async function main(): Promise<void> {
  const args = readArgs({ cases: { type: 'string' }, entries: { type: 'string' }, rounds: { type: 'string' }, seed: { type: 'string' } });
  const cases = integerOption(args.cases, 'cases', 1000);
  const entries = integerOption(args.entries, 'entries', 100);
  const rounds = integerOption(args.rounds, 'rounds', 10);
  const seed = integerOption(args.seed, 'seed', 20240604);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-bench-console-'));
  let browser: Browser | null = null;
  try {
    const generator = createSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    const stats = await recordRealisticHistory({ store: generator, seed, cases, years: 3 }).finally(() => generator.close());
    progress(`populated ${stats.events} events, ${stats.casesStarted} cases`);
    const server = await startChildServer({ kind: 'celltrail', env: celltrailEnv({ dataDir }) });
    try {
      const officer = await benchToken(['COMPLIANCE_OFFICER']);
      const clinician = await benchToken(['CLINICIAN']);
      const gql = async <T>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, ...((await response.json()) as object) } as GqlResponse<T>;
      };
      // the case: its 7 steps, then follow-ups up to `entries` entries in all
      const big = await recordCase({ gql }, clinician, {
        facilityId: 'F1',
        mrn: 'BENCH-100',
        followUpAbis: Array.from({ length: Math.max(1, entries - 6) }, (_, i) => round(0.3 + (i % 50) / 100, 2)),
      });
      progress(`recorded a case with ${entries} entries`);

      browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
      const measure = async (url: string, visible: (page: import('playwright-core').Page) => Promise<void>): Promise<number> => {
        const context = await browser!.newContext({ viewport: { width: 1360, height: 900 } });
        await context.addInitScript(`sessionStorage.setItem('celltrail.token', ${JSON.stringify(officer)})`);
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(url);
        await visible(page);
        const ms = performance.now() - started;
        await context.close();
        return ms;
      };
      const worklist = async () =>
        measure(`${server.url}/console/worklist`, async (page) => {
          await page.getByTestId('worklist').getByRole('row').nth(20).waitFor();
          await page.getByRole('img', { name: /Bar chart of cases by rule/ }).waitFor();
        });
      const caseView = async () =>
        measure(`${server.url}/console/cases/${big.caseId}`, async (page) => {
          await page
            .getByTestId('timeline')
            .getByRole('row')
            .nth(entries - 1)
            .waitFor();
          await page.getByTestId('abi-left').getByRole('img').waitFor();
        });

      await worklist(); // warm-up: the server's first requests compile their operations
      await caseView();
      const worklistMs: number[] = [];
      const caseMs: number[] = [];
      progress(`measuring ${rounds} rounds`);
      for (let i = 0; i < rounds; i++) {
        worklistMs.push(await worklist());
        caseMs.push(await caseView());
      }
      printJson({
        bench: 'console-render',
        chromium: browser.version(),
        worklist: { casesInScope: stats.casesStarted, ...summary(worklistMs) },
        case: { entries, ...summary(caseMs) },
      });
    } finally {
      await server.stop();
    }
  } finally {
    await browser?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runMain(main);

/**
 * Headless Chromium for the browser tests (Debian's `chromium` through playwright-core, no download).
 * Missing Chromium fails the suite, under CI and locally, unless CELLTRAIL_SKIP_BROWSER=1 asks for a skip,
 * which is then reported by name (test/support/skipped-reporter.js) and on stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const SCREENSHOTS = path.resolve(__dirname, '../screenshots');

/** Whether the suite runs; throws (failing it) when Chromium is missing and no skip was asked for. */
export function browserAvailable(): { run: true } | { run: false; reason: string } {
  if (fs.existsSync(CHROMIUM)) return { run: true };
  const reason = `Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true' || process.env.CELLTRAIL_SKIP_BROWSER !== '1') {
    throw new Error(`browser tests cannot run: ${reason}. Set CELLTRAIL_SKIP_BROWSER=1 to skip them outside CI.`);
  }
  process.stderr.write(`\n*** BROWSER TESTS SKIPPED: ${reason} (CELLTRAIL_SKIP_BROWSER=1) ***\n\n`);
  return { run: false, reason };
}

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: FLAGS });

/** Collects what the page's CSP refused and the page's uncaught errors (both must stay empty). */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** axe-core's serious and critical violations on the page as it stands (evaluated over CDP: the page's CSP does not apply). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  // A string: the page's globals (window, document) are not in this program's types.
  const results = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as axe.AxeResults;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

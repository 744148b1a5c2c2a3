/**
 * The console in headless Chromium against a real server: a compliance officer signs in, filters the
 * worklist by a rule, opens a case (finding, amendment with its original, codes, ABI plot with its follow-up
 * points, live update), travels back in time; an auditor reads who looked; a patient is found by MRN; a user
 * of another facility sees none of it. axe-core finds no serious or critical violation on any console view,
 * and the CSP refuses nothing. Screenshots of each view go to test/browser/screenshots/.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { ensureConsoleBuilt } from './support/console-build';
import { browserAvailable, launch, screenshot, seriousViolations, watchProblems } from './support/browser';
import { amend, recordCase, recordOutcome, type RecordedCase } from '../support/console-scenario';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const availability = browserAvailable();
const short = (id: string) => id.slice(0, 8);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (!availability.run) {
  test.skip(`the console in Chromium (skipped: ${availability.reason})`, () => {});
} else {
  describe('the console in Chromium', () => {
    let t: TestApp;
    let browser: Browser;
    let page: Page;
    let problems: string[];
    let a: RecordedCase; // F1, unsigned (INJ-04), amended follow-up
    let b: RecordedCase; // F1, signed
    let c: RecordedCase; // F2, the same MRN as a
    let d: RecordedCase; // F1, signed, injected months ago: its follow-ups are overdue
    let beforeAmendment: string;
    const tokens: Record<string, string> = {};

    async function signIn(who: string): Promise<void> {
      await page.goto(`${t.url}/console/`);
      const signOut = page.getByRole('button', { name: 'Sign out' });
      if (await signOut.isVisible()) await signOut.click();
      await page.getByLabel('Bearer token').fill(tokens[who]!);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    }

    async function expectAccessible(name: string): Promise<void> {
      await screenshot(page, name);
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    }

    beforeAll(async () => {
      ensureConsoleBuilt();
      t = await startTestApp();
      const clinician1 = await t.token({ sub: 'dr-1', name: 'Dana Doctor', roles: ['CLINICIAN'], facilities: ['F1'] });
      const clinician2 = await t.token({ sub: 'dr-2', name: 'Eli Doctor', roles: ['CLINICIAN'], facilities: ['F2'] });
      tokens.officer = await t.token({ sub: 'co-1', name: 'Olive Officer', roles: ['COMPLIANCE_OFFICER'], facilities: ['F1'] });
      tokens.auditor = await t.token({ sub: 'aud-1', name: 'Avery Auditor', roles: ['AUDITOR'], facilities: ['F1'] });
      tokens.officer2 = await t.token({ sub: 'co-2', name: 'Omar Officer', roles: ['COMPLIANCE_OFFICER'], facilities: ['F2'] });
      tokens.viewer = await t.token({ sub: 'v-1', name: 'Vic Viewer', roles: ['VIEWER'], facilities: ['F1'] });

      a = await recordCase(t, clinician1, { facilityId: 'F1', mrn: 'MRN-1001', followUpAbis: [0.45, 0.62] });
      b = await recordCase(t, clinician1, { facilityId: 'F1', mrn: 'MRN-1002', givenName: 'Bea', familyName: 'Signed', sign: true });
      c = await recordCase(t, clinician2, { facilityId: 'F2', mrn: 'MRN-1001', givenName: 'Cy', familyName: 'Elsewhere' });
      const monthsAgo = new Date(Date.now() - 80 * 24 * 3600_000);
      d = await recordCase(t, clinician1, {
        facilityId: 'F1',
        mrn: 'MRN-1003',
        givenName: 'Dee',
        familyName: 'Overdue',
        sign: true,
        now: monthsAgo,
      });
      // A whole second between the case and its amendment, so that a moment in between can be chosen to the second.
      await sleep(1_100);
      beforeAmendment = new Date(Math.floor((Date.now() - 50) / 1000) * 1000).toISOString().slice(0, 19);
      await sleep(1_000);
      await amend(t, clinician1, a.caseId, a.outcomeIds[0]!, { abi: 0.48 }, 'Transcription error: 0.48 on the worksheet');

      browser = await launch();
      page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
      problems = watchProblems(page);
    });

    afterAll(async () => {
      await browser?.close();
      await t?.stop();
    });

    it('signs in with a token and shows who is signed in, with role and facilities', async () => {
      await page.goto(`${t.url}/console/`);
      await expectAccessible('sign-in');
      await signIn('officer');
      const header = page.getByLabel('Signed in user');
      await header.getByText('Olive Officer').waitFor();
      expect(await header.textContent()).toMatch(/COMPLIANCE_OFFICER.*Facilities: F1/);
      // the token stays in this tab's session: nothing in localStorage or cookies
      expect(await page.evaluate('JSON.stringify(Object.keys(localStorage))')).toBe('[]');
      expect(await page.context().cookies()).toEqual([]);
    });

    it('filters the worklist by a rule, with the counts by rule beside it', async () => {
      await page.goto(`${t.url}/console/worklist`);
      const worklist = page.getByTestId('worklist');
      await worklist.getByText(short(b.caseId)).waitFor();
      // a select's accessible name is its label and its current value ("Rule Any")
      // the case injected months ago, followed up once since, is overdue for its first follow-up
      const overdue = page
        .getByTestId('overdue')
        .getByRole('listitem')
        .filter({ hasText: short(d.caseId) });
      expect(await overdue.textContent()).toMatch(/ABI, rest pain, ulcer status overdue/);
      expect(await page.getByTestId('overdue').textContent()).not.toContain(short(b.caseId));
      // the facility report, as CSV
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^compliance-F1-.*\.csv$/);
      const csv = fs.readFileSync(await download.path(), 'utf8');
      expect(csv).toMatch(/^facility,updated from,updated to,cases,complete,incomplete\r\nF1,,,3,\d,\d\r\n/);
      expect(csv).toMatch(/\r\nINJ-04,"?Procedure signed by the operator \(name, time, meaning\)"?,BLOCKING,1\r\n/);
      await page.getByRole('combobox', { name: /^Rule/ }).selectOption('INJ-04');
      await page.getByTestId('case-count').getByText('(1)').waitFor();
      expect(await worklist.textContent()).toContain(short(a.caseId));
      expect(await worklist.textContent()).not.toContain(short(b.caseId));
      expect(await page.getByRole('img', { name: /Bar chart of cases by rule: .*INJ-04 blocking 1/ }).count()).toBe(1);
      await expectAccessible('worklist');
    });

    it('opens a case from its row: finding, codes, amendment with the original, ABI plot with the follow-ups', async () => {
      await page.getByRole('link', { name: `Open case ${short(a.caseId)}` }).click();
      await page.getByTestId('patient').getByText('Example, Ada — MRN MRN-1001').waitFor();
      const findings = await page.getByTestId('findings').textContent();
      expect(findings).toMatch(/INJ-04\s*blocking/);
      expect(await page.getByRole('table').filter({ hasText: 'Why' }).textContent()).toContain('0263T');
      const amendment = page.getByTestId('amendments').getByRole('row').nth(1);
      expect(await amendment.textContent()).toMatch(/abi\s*0\.45\s*0\.48\s*Dana Doctor.*Transcription error/);
      const abi = page.getByTestId('abi-left');
      // the plot: a canvas Chart.js drew on, given the baseline and both follow-ups (the corrected value)
      expect(await abi.getByRole('img').getAttribute('aria-label')).toMatch(/\(baseline\) 0\.35, \S+ 0\.48, \S+ 0\.62$/);
      const drawn = `(() => { const c = document.querySelector('[data-testid=abi-left] canvas'); const blank = document.createElement('canvas');
        blank.width = c.width; blank.height = c.height; return c.width > 0 && c.toDataURL() !== blank.toDataURL(); })()`;
      expect(await page.evaluate(drawn)).toBe(true);
      const rows = (await abi.getByRole('row').allTextContents()).slice(1);
      expect(rows).toEqual([
        expect.stringMatching(/^Baseline Doppler.*0\.35\s*severe/),
        expect.stringMatching(/^Follow-up.*0\.48/),
        expect.stringMatching(/^Follow-up.*0\.62/),
      ]);
      expect(await page.getByTestId('timeline').textContent()).toContain('Amended');
      await expectAccessible('case');
    });

    it('shows an entry recorded while the case is open (live subscription)', async () => {
      await page.getByText('Live updates on.').waitFor();
      await recordOutcome(t, await t.token({ sub: 'dr-1', name: 'Dana Doctor', roles: ['CLINICIAN'], facilities: ['F1'] }), a.caseId, 0.71);
      await page.getByText(/Live: updated/).waitFor();
      await page.getByTestId('abi-left').getByRole('cell', { name: '0.71' }).waitFor();
    });

    it('shows the case as it stood before its amendment', async () => {
      await page.getByRole('link', { name: 'As of a moment' }).click();
      await page.getByLabel('Moment (UTC)').fill(beforeAmendment);
      await page.getByRole('button', { name: 'Show the case as it stood' }).click();
      await page.getByTestId('as-of').waitFor();
      expect(await page.getByTestId('as-of').textContent()).toContain(`As it stood at ${beforeAmendment.slice(0, 16).replace('T', ' ')}`);
      await page.getByText('No amendments.').waitFor();
      expect(await page.getByTestId('abi-left').getByRole('cell', { name: '0.45' }).count()).toBe(1);
      await expectAccessible('as-of');
    });

    it("shows the case's history with hashes and its integrity verdict", async () => {
      await page.getByRole('link', { name: 'History and integrity' }).click();
      await page
        .getByTestId('integrity')
        .getByText(/Integrity verified/)
        .waitFor();
      expect(await page.getByTestId('history').textContent()).toContain('EntryAmended');
      await expectAccessible('history');
    });

    it('tells a compliance officer plainly that the access log is for auditors', async () => {
      await page.getByRole('link', { name: 'Access log' }).click();
      await page.getByRole('alert').getByText('Your role may not see this.').waitFor();
    });

    it('lets an auditor read who read the case', async () => {
      await signIn('auditor');
      await page.goto(`${t.url}/console/cases/${a.caseId}/access`);
      const log = page.getByTestId('access-log');
      await log.getByText('Olive Officer', { exact: false }).first().waitFor();
      expect(await log.textContent()).toMatch(/Olive Officer \(compliance_officer, co-1\)\s*case\s*ok/);
      await expectAccessible('access-log');
      await page.getByRole('link', { name: 'Audit log' }).click();
      // paged: 50 events a page, and there are more
      const auditLog = page.getByTestId('audit-log');
      await auditLog.getByText('CaseOpened').first().waitFor();
      const pager = page.getByRole('navigation', { name: 'Audit log pages' });
      await pager.getByRole('button', { name: 'Next page' }).click();
      await pager.getByText('Page 2').waitFor();
      // filtered by event type
      await page.getByLabel('Event types (comma-separated)').fill('EntryAmended');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await pager.getByText('Page 1').waitFor();
      await auditLog.getByRole('row').nth(1).getByText('EntryAmended').waitFor();
      await auditLog.getByRole('row').nth(2).waitFor({ state: 'detached' }); // the one amendment, and nothing else
      expect(await auditLog.getByRole('row').count()).toBe(2);
      expect(await auditLog.textContent()).toContain('Dana Doctor');
      await expectAccessible('audit-log');
    });

    it('finds a patient of the facility by MRN and opens their case', async () => {
      await page.getByRole('link', { name: 'Patients' }).click();
      await page.getByLabel('Medical record number').fill('MRN-1001');
      await page.getByRole('button', { name: 'Find' }).click();
      const found = page.getByTestId('patients');
      await found.getByText('Example, Ada').waitFor();
      expect(await found.getByRole('row').count()).toBe(2); // header + the F1 patient, not F2's of the same MRN
      expect(await found.textContent()).not.toContain('Elsewhere');
      await expectAccessible('patients');
      await found.getByRole('link', { name: new RegExp(`Case ${short(a.caseId)}`) }).click();
      await page.getByTestId('patient').getByText('MRN MRN-1001').waitFor();
      // a signed case shows its signature with its meaning
      await page.goto(`${t.url}/console/cases/${b.caseId}`);
      await page
        .getByRole('listitem')
        .filter({ hasText: /Dana Doctor \(clinician\) signed for authorship at/ })
        .waitFor();
    });

    it('shows a user of another facility none of it', async () => {
      await signIn('officer2');
      await page.goto(`${t.url}/console/worklist`);
      const worklist = page.getByTestId('worklist');
      await worklist.getByText(short(c.caseId)).waitFor();
      const text = await worklist.textContent();
      expect(text).not.toContain(short(a.caseId));
      expect(text).not.toContain(short(b.caseId));
      expect(text).not.toContain(short(d.caseId));
      await page.goto(`${t.url}/console/cases/${a.caseId}`);
      await page.getByText('No such case in your facilities.').waitFor();
      await page.goto(`${t.url}/console/patients`);
      await page.getByLabel('Medical record number').fill('MRN-1001');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByTestId('patients').getByText('Elsewhere, Cy').waitFor();
      expect(await page.locator('main').textContent()).not.toContain('Example');
      expect(problems).toEqual([]);
    });

    it('tells a VIEWER plainly what the role may not see', async () => {
      await signIn('viewer');
      await page.goto(`${t.url}/console/worklist`);
      await page.getByText('Your role may not see this.').first().waitFor();
      await expectAccessible('viewer-worklist');
    });

    it('serves GraphiQL, bundled, under the same CSP, sending the bearer token from its headers editor', async () => {
      // Signed in to the console in this tab: GraphiQL's headers editor starts with that token.
      await signIn('viewer');
      await page.goto(`${t.url}/graphql`);
      const editor = page.locator('.graphiql-query-editor .CodeMirror');
      await editor.waitFor();
      await page.evaluate(
        `document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ case(id: "${a.caseId}") { id status } }')`,
      );
      await page.getByRole('button', { name: /Execute query/ }).click();
      await page
        .locator('.graphiql-response')
        .getByText(a.caseId)
        .waitFor({ timeout: 10_000 })
        .catch(async (error: unknown) => {
          throw new Error(`${String(error)}\nresponse: ${await page.locator('.graphiql-response').textContent()}`);
        });
      expect(await page.locator('.graphiql-response').textContent()).toContain('"status": "OPEN"');
      await screenshot(page, 'graphiql');
      expect(problems).toEqual([]);
    });
  });
}

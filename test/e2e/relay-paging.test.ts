/**
 * Relay connections read either way: `last`/`before` pages visit every item exactly once, in the same
 * order as `first`/`after` pages, with no gap and no duplicate, and page info that tells both ends.
 */
import fc from 'fast-check';
import { leftLegCase, operation } from '../support/case-steps';
import { openTestCase, startTestApp, type TestApp } from '../support/test-app';

interface Page {
  edges: Array<{ cursor: string; node: { id: string; stream?: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const CASES = `query($first: Int, $after: String, $last: Int, $before: String) {
  cases(filter: { facilityId: "F1" }, first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const HISTORY = `query($caseId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  caseHistory(caseId: $caseId, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/** The audit log: the store's global order, filtered by the store, limited to the reader's facilities. */
const AUDIT = `query($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {
  auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id stream } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type Field = 'cases' | 'caseHistory' | 'auditLog';

describe('Relay paging backwards and forwards', () => {
  let t: TestApp;
  let token: string;
  let caseId: string;
  /** Cases of another facility, opened between and after F1's: never in an F1 reader's pages. */
  const elsewhere: string[] = [];
  const now = new Date();

  beforeAll(async () => {
    t = await startTestApp();
    const clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-1' });
    const clinicianF2 = await t.token({ roles: ['CLINICIAN'], facilities: ['F2'], sub: 'dr-2' });
    token = await t.token({ roles: ['AUDITOR'], facilities: ['F1'] });
    for (let i = 0; i < 7; i++) {
      ({ caseId } = await openTestCase(t, clinician, now));
      if (i % 3 === 0) elsewhere.push((await openTestCase(t, clinicianF2, now, 'F2')).caseId);
    }
    const steps = leftLegCase(caseId, '', now);
    for (const [name, input] of [
      ['RecordDopplerAssessment', steps.doppler],
      ['RecordAngiography', steps.angiography],
      ['RecordHarvest', steps.harvest],
    ] as const) {
      const written = await t.gql(clinician, operation(name), { input });
      expect(written.errors).toBeUndefined();
    }
  }, 60_000);
  afterAll(() => t.stop());

  async function page(query: string, field: Field, variables: Record<string, unknown>, reader = token): Promise<Page> {
    const answer = await t.gql<Record<string, Page>>(reader, query, { caseId, ...variables });
    expect(answer.errors).toBeUndefined();
    return answer.data![field]!;
  }

  /** Every id forwards, `size` at a time. */
  async function forwards(
    query: string,
    field: Field,
    size: number,
    variables: Record<string, unknown> = {},
  ): Promise<{ ids: string[]; cursors: string[] }> {
    const ids: string[] = [];
    const cursors: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p = await page(query, field, { ...variables, first: size, after });
      ids.push(...p.edges.map((e) => e.node.id));
      cursors.push(...p.edges.map((e) => e.cursor));
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!p.pageInfo.hasNextPage) return { ids, cursors };
      after = p.pageInfo.endCursor;
    }
  }

  /** Every id backwards from `before` (or the end), `size` at a time; returned in connection order. */
  async function backwards(
    query: string,
    field: Field,
    size: number,
    before: string | null = null,
    variables: Record<string, unknown> = {},
  ): Promise<string[]> {
    const pages: string[][] = [];
    for (;;) {
      const p = await page(query, field, { ...variables, last: size, before });
      expect(p.edges.length).toBeLessThanOrEqual(size);
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? before);
      pages.unshift(p.edges.map((e) => e.node.id));
      if (!p.pageInfo.hasPreviousPage) return pages.flat();
      expect(p.edges).toHaveLength(size); // only the first page of the order may be short
      before = p.pageInfo.startCursor;
    }
  }

  it.each([
    ['cases', CASES, 7],
    ['caseHistory', HISTORY, 4],
  ] as const)('%s: backward pages of every size visit every item once, in the forward order', async (field, query, atLeast) => {
    const all = await forwards(query, field, 100);
    expect(all.ids.length).toBeGreaterThanOrEqual(atLeast);
    expect(new Set(all.ids).size).toBe(all.ids.length);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: all.ids.length + 1 }), async (size) => {
        expect(await backwards(query, field, size)).toEqual(all.ids);
      }),
      { numRuns: 6 },
    );
  });

  it.each([
    ['cases', CASES],
    ['caseHistory', HISTORY],
  ] as const)('%s: mixed directions: backwards from a cursor met forwards gives exactly what came before it', async (field, query) => {
    const all = await forwards(query, field, 2);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: all.ids.length - 1 }), fc.integer({ min: 1, max: 3 }), async (at, size) => {
        expect(await backwards(query, field, size, all.cursors[at]!)).toEqual(all.ids.slice(0, at));
        // and forwards again from a backward page's end: the cursor's own item comes next
        const back = await page(query, field, { last: size, before: all.cursors[at] });
        if (back.pageInfo.endCursor !== null && back.edges.length > 0) {
          const next = await page(query, field, { first: 1, after: back.pageInfo.endCursor });
          expect(next.edges.map((e) => e.node.id)).toEqual([all.ids[at]]);
        }
      }),
      { numRuns: 8 },
    );
  });

  describe('auditLog', () => {
    // Reading the audit log records accesses (in `access-` streams): each filter leaves those out, so the
    // events paged are the same on every read.
    const filters: [string, Record<string, unknown>][] = [
      ['case streams', { streamPrefix: 'case-' }],
      ['two event types', { types: ['PatientRegistered', 'HarvestPerformed'] }],
      ['one actor', { actorId: 'dr-1', streamPrefix: 'patient-' }],
      ['a recording time', { recordedFrom: new Date(now.getTime() - 60_000).toISOString(), types: ['CaseOpened'] }],
    ];

    it.each(filters)('%s: backward pages of every size visit every event once, in the forward order', async (_, filter) => {
      const all = await forwards(AUDIT, 'auditLog', 100, { filter });
      expect(all.ids.length).toBeGreaterThanOrEqual(7);
      expect(new Set(all.ids).size).toBe(all.ids.length);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: all.ids.length + 1 }), async (size) => {
          expect(await backwards(AUDIT, 'auditLog', size, null, { filter })).toEqual(all.ids);
        }),
        { numRuns: 5 },
      );
    });

    it('mixed directions: backwards from a cursor met forwards gives exactly what came before it, and forwards again its own event', async () => {
      const filter = { streamPrefix: 'case-' };
      const all = await forwards(AUDIT, 'auditLog', 3, { filter });
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: all.ids.length - 1 }), fc.integer({ min: 1, max: 4 }), async (at, size) => {
          expect(await backwards(AUDIT, 'auditLog', size, all.cursors[at]!, { filter })).toEqual(all.ids.slice(0, at));
          const back = await page(AUDIT, 'auditLog', { filter, last: size, before: all.cursors[at] });
          expect(back.pageInfo.hasNextPage).toBe(true);
          // (before the first event the page is empty, and reports the cursor it was read from: below)
          if (at === 0) return;
          const next = await page(AUDIT, 'auditLog', { filter, first: 1, after: back.pageInfo.endCursor });
          expect(next.edges.map((e) => e.node.id)).toEqual([all.ids[at]]);
        }),
        { numRuns: 8 },
      );
      // Before the first event: an empty page that reports its cursor, with nothing before it.
      const none = await page(AUDIT, 'auditLog', { filter, last: 2, before: all.cursors[0] });
      expect(none).toEqual({
        edges: [],
        pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: all.cursors[0], endCursor: all.cursors[0] },
      });
    });

    it("another facility's events never appear, whichever way the log is read; its own auditors see them", async () => {
      const streamsOf = async (reader: string, last: number): Promise<string[]> => {
        const streams: string[] = [];
        for (let before: string | null = null; ;) {
          const p = await page(AUDIT, 'auditLog', { filter: { streamPrefix: 'case-' }, last, before }, reader);
          streams.push(...p.edges.map((e) => e.node.stream ?? ''));
          if (!p.pageInfo.hasPreviousPage) return streams;
          before = p.pageInfo.startCursor;
        }
      };
      const theirs = new Set(elsewhere.map((id) => `case-${id}`));
      const seenByF1 = await streamsOf(token, 2);
      expect(seenByF1).toContain(`case-${caseId}`);
      expect(seenByF1.filter((stream) => theirs.has(stream))).toEqual([]);
      // An actor of the other facility, asked for by name, is not there either.
      const byActor = await page(AUDIT, 'auditLog', { filter: { actorId: 'dr-2' }, last: 50 });
      expect(byActor.edges).toEqual([]);

      const auditorF2 = await t.token({ roles: ['AUDITOR'], facilities: ['F2'], sub: 'aud-2' });
      const seenByF2 = new Set(await streamsOf(auditorF2, 3));
      expect(seenByF2).toEqual(theirs);
    });
  });

  it('refuses first with last, naming the argument, and checks last against the page ceiling', async () => {
    const both = await t.gql(token, CASES, { first: 2, last: 2 });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(both.errors?.[0]?.extensions?.fields?.[0]?.path).toBe('last');
    const tooMany = await t.gql(token, CASES, { last: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

/**
 * The ReadStore contract: every adapter (memory, MongoDB) must pass it. Behaviour is stated in
 * port terms only; every test works in collections of its own, so one server can be shared.
 */
import { randomBytes } from 'node:crypto';

import { positionKey, type FindOptions, type IndexSpec, type ReadStore, type StoredDocument } from '../../src/readstore/port';

/**
 * Known ways a server differs from MongoDB (FerretDB 1.24, see mongodb-read-store.test.ts).
 * A test touching one asserts the server's actual behaviour instead (so it fails, and the note
 * can go, the day the server behaves like MongoDB), or for a race also accepts its outcome.
 */
export type ServerDeviation =
  /** Collections are swapped in two renames: a reader can see an empty target in between. */
  | 'swap-exposes-empty-target'
  /** `$elemMatch` with field conditions is rejected ("unknown operator"), or matches nothing for one field. */
  | 'elem-match-on-subdocument-fields';

export interface ReadStoreContractOptions {
  /** Evaluated when a test runs, so it can depend on what a `beforeAll` found out about the server. */
  deviations?: () => ReadonlySet<ServerDeviation>;
}

type MakeStore = () => Promise<{ store: ReadStore; cleanup: () => Promise<void> }>;

const runId = randomBytes(3).toString('hex');
let sequence = 0;
function uniqueCollection(base: string): string {
  sequence += 1;
  return `${base}_${runId}_${sequence}`;
}

function doc(id: string, position: bigint, fields: Record<string, unknown> = {}): StoredDocument {
  return { _id: id, _position: positionKey(position), ...fields };
}

const ids = (docs: readonly StoredDocument[]): string[] => docs.map((d) => d._id);

/** Case-like documents with ties on `status`, dates as ISO strings and a findings array. */
function caseDocs(count: number): StoredDocument[] {
  const statuses = ['closed', 'open', 'signed'];
  const rules = ['consent', 'harvest-volume', 'cell-count', 'injection-sites'];
  const severities = ['low', 'high'];
  return Array.from({ length: count }, (_, i) =>
    doc(`case-${String((i * 37) % count).padStart(4, '0')}`, BigInt(i + 1), {
      status: statuses[i % 3],
      facility: `fac-${i % 4}`,
      score: i % 10,
      signed: i % 2 === 0,
      openedAt: new Date(Date.UTC(2025, 0, 1 + (i % 60), i % 24)).toISOString(),
      patient: { ageBand: (i % 5) * 10 + 20 },
      findings: [
        { rule: rules[i % 4], severity: severities[Math.floor(i / 4) % 2] },
        { rule: rules[(i + 1) % 4], severity: severities[Math.floor(i / 3) % 2] },
      ],
    }),
  );
}

type SortKey = readonly [key: (d: StoredDocument) => string | number, direction: 1 | -1];

/** What MongoDB returns: stable order by the given keys, `_id` ascending last. */
function expectedOrder(docs: readonly StoredDocument[], ...keys: SortKey[]): string[] {
  const compare = (a: string | number, b: string | number): number => (a === b ? 0 : a < b ? -1 : 1);
  return [...docs]
    .sort((a, b) => {
      for (const [key, direction] of keys) {
        const order = compare(key(a), key(b)) * direction;
        if (order !== 0) return order;
      }
      return compare(a._id, b._id);
    })
    .map((d) => d._id);
}

export function describeReadStoreContract(name: string, makeStore: MakeStore, options: ReadStoreContractOptions = {}): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore;
    let cleanup: () => Promise<void>;
    const deviates = (deviation: ServerDeviation): boolean => options.deviations?.().has(deviation) ?? false;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await cleanup();
    });

    describe('get and getMany', () => {
      test('get returns the stored document and null for an unknown id or collection', async () => {
        const cases = uniqueCollection('cases');
        await store.upsertMany(cases, [doc('c1', 1n, { status: 'open' })]);

        expect(await store.get(cases, 'c1')).toEqual(doc('c1', 1n, { status: 'open' }));
        expect(await store.get(cases, 'nope')).toBeNull();
        expect(await store.get(uniqueCollection('never-written'), 'c1')).toBeNull();
      });

      test('getMany returns the existing documents in the order asked, skipping unknown ids', async () => {
        const cases = uniqueCollection('cases');
        await store.upsertMany(cases, [doc('a', 1n), doc('b', 2n), doc('c', 3n)]);

        expect(ids(await store.getMany(cases, ['c', 'missing', 'a']))).toEqual(['c', 'a']);
        expect(await store.getMany(cases, [])).toEqual([]);
        expect(await store.getMany(uniqueCollection('never-written'), ['a'])).toEqual([]);
      });

      test('documents with nested objects, arrays and nulls round-trip exactly', async () => {
        const cases = uniqueCollection('cases');
        const original = doc('c1', 7n, {
          summary: { status: 'signed', cpt: ['0263T', '0265T'], signedBy: null },
          injections: [
            { site: 'gastrocnemius-left', volumeMl: 1.5, depthCm: 2 },
            { site: 'soleus-right', volumeMl: 0.75, notes: null, tags: [] },
          ],
          empty: {},
          nothing: null,
          flag: false,
          negative: -3,
          text: 'Ünïcödé ✓',
        });
        await store.upsertMany(cases, [original]);

        expect(await store.get(cases, 'c1')).toStrictEqual(original);
        expect((await store.find(cases)).items).toStrictEqual([original]);
      });

      test('a written or returned document cannot be changed to change the store', async () => {
        const cases = uniqueCollection('cases');
        const written = doc('c1', 1n, { nested: { list: [1, 2] } });
        await store.upsertMany(cases, [written]);
        type Nested = StoredDocument & { nested: { list: number[] } };
        // A store that keeps what it is given freezes it (the change throws); one that copies ignores it.
        const tryToChange = (document: Nested | null | undefined, value: number) => {
          try {
            document?.nested.list.push(value);
          } catch (error) {
            expect(error).toBeInstanceOf(TypeError);
          }
        };
        tryToChange(written as Nested, 99);
        tryToChange(await store.get<Nested>(cases, 'c1'), 100);
        tryToChange((await store.find<Nested>(cases)).items[0], 101);
        tryToChange((await store.getMany<Nested>(cases, ['c1']))[0], 102);

        expect(await store.get(cases, 'c1')).toEqual(doc('c1', 1n, { nested: { list: [1, 2] } }));
      });
    });

    describe('position-guarded upsertMany', () => {
      test('an older or equal position changes nothing; a newer one replaces the whole document', async () => {
        const cases = uniqueCollection('cases');
        await store.upsertMany(cases, [doc('c1', 10n, { status: 'open', site: 'left' })]);

        await store.upsertMany(cases, [doc('c1', 9n, { status: 'stale' })]);
        await store.upsertMany(cases, [doc('c1', 10n, { status: 'same position, other content' })]);
        expect(await store.get(cases, 'c1')).toEqual(doc('c1', 10n, { status: 'open', site: 'left' }));

        await store.upsertMany(cases, [doc('c1', 11n, { status: 'signed' })]);
        expect(await store.get(cases, 'c1')).toEqual(doc('c1', 11n, { status: 'signed' }));
      });

      test('replaying a batch, even after newer writes, changes nothing', async () => {
        const cases = uniqueCollection('cases');
        const batch = [doc('a', 1n, { v: 'a1' }), doc('b', 2n, { v: 'b1' }), doc('c', 3n, { v: 'c1' })];
        await store.upsertMany(cases, batch);
        await store.upsertMany(cases, [doc('b', 4n, { v: 'b2' })]);

        await store.upsertMany(cases, batch);
        await store.upsertMany(cases, batch);

        expect(await store.getMany(cases, ['a', 'b', 'c'])).toEqual([
          doc('a', 1n, { v: 'a1' }),
          doc('b', 4n, { v: 'b2' }),
          doc('c', 3n, { v: 'c1' }),
        ]);
        expect(await store.count(cases)).toBe(3);
      });

      test('a batch mixing stale and new documents applies every new one', async () => {
        const cases = uniqueCollection('cases');
        await store.upsertMany(cases, [doc('a', 50n, { v: 'kept' }), doc('d', 50n, { v: 'kept' })]);

        await store.upsertMany(cases, [
          doc('a', 10n, { v: 'stale' }),
          doc('b', 11n, { v: 'new' }),
          doc('d', 12n, { v: 'stale' }),
          doc('c', 13n, { v: 'new' }),
        ]);

        expect(await store.getMany(cases, ['a', 'b', 'c', 'd'])).toEqual([
          doc('a', 50n, { v: 'kept' }),
          doc('b', 11n, { v: 'new' }),
          doc('c', 13n, { v: 'new' }),
          doc('d', 50n, { v: 'kept' }),
        ]);
      });

      test('the same id twice in one batch keeps the newest, whatever the order', async () => {
        const cases = uniqueCollection('cases');
        await store.upsertMany(cases, [doc('a', 2n, { v: 'newer' }), doc('a', 1n, { v: 'older' })]);
        await store.upsertMany(cases, [doc('b', 1n, { v: 'older' }), doc('b', 2n, { v: 'newer' })]);

        expect(await store.getMany(cases, ['a', 'b'])).toEqual([doc('a', 2n, { v: 'newer' }), doc('b', 2n, { v: 'newer' })]);
      });

      test('concurrent batches over the same ids end with the newest version of each', async () => {
        const cases = uniqueCollection('cases');
        const idsOf = Array.from({ length: 200 }, (_, i) => `c${i}`);
        const older = idsOf.map((id) => doc(id, 1n, { v: 'older' }));
        const newer = idsOf.map((id) => doc(id, 2n, { v: 'newer' }));

        await Promise.all([store.upsertMany(cases, older), store.upsertMany(cases, newer), store.upsertMany(cases, older)]);

        const stored = await store.getMany(cases, idsOf);
        expect(stored).toHaveLength(200);
        expect(stored.filter((d) => d.v !== 'newer' || d._position !== positionKey(2n))).toEqual([]);
      });

      test('a document without a positionKey() position is rejected and nothing of its batch is written', async () => {
        const cases = uniqueCollection('cases');
        const invalid = { _id: 'b', _position: '5' } as StoredDocument;

        await expect(store.upsertMany(cases, [doc('a', 1n), invalid])).rejects.toThrow(TypeError);
        expect(await store.count(cases)).toBe(0);
      });

      test('an empty batch is accepted', async () => {
        const cases = uniqueCollection('cases');
        await store.upsertMany(cases, []);
        expect(await store.count(cases)).toBe(0);
      });

      test('a batch of 2,000 documents is stored whole', async () => {
        const cases = uniqueCollection('cases');
        await store.upsertMany(cases, caseDocs(2000));
        expect(await store.count(cases)).toBe(2000);
        expect(await store.count(cases, { status: 'open' })).toBe(667);
      });
    });

    describe('find', () => {
      const data = caseDocs(60);
      const matching = (predicate: (d: StoredDocument) => boolean): string[] => ids(data.filter(predicate)).sort();
      let cases: string;

      beforeEach(async () => {
        cases = uniqueCollection('cases');
        await store.upsertMany(cases, data);
      });

      test('without options returns every document in _id order', async () => {
        const result = await store.find(cases);
        expect(ids(result.items)).toEqual(ids(data).sort());
        expect(result.hasNextPage).toBe(false);
      });

      test.each([
        ['$in', { status: { $in: ['open', 'signed'] } }, (d: StoredDocument) => d.status !== 'closed'],
        ['a range', { score: { $gte: 3, $lt: 6 } }, (d: StoredDocument) => (d.score as number) >= 3 && (d.score as number) < 6],
        ['a dotted path', { 'patient.ageBand': { $gt: 40 } }, (d: StoredDocument) => (d.patient as { ageBand: number }).ageBand > 40],
        ['a boolean', { signed: false }, (d: StoredDocument) => d.signed === false],
        [
          'a date-string range',
          { openedAt: { $gte: '2025-01-10T00:00:00.000Z', $lt: '2025-01-20T00:00:00.000Z' } },
          (d: StoredDocument) =>
            (d.openedAt as string) >= '2025-01-10T00:00:00.000Z' && (d.openedAt as string) < '2025-01-20T00:00:00.000Z',
        ],
        [
          'conditions on the elements of an array of subdocuments, not necessarily the same one',
          { 'findings.rule': 'consent', 'findings.severity': 'high' },
          (d: StoredDocument) =>
            (d.findings as Array<{ rule: string; severity: string }>).some((f) => f.rule === 'consent') &&
            (d.findings as Array<{ rule: string; severity: string }>).some((f) => f.severity === 'high'),
        ],
        [
          '$and, $or and $ne',
          { $and: [{ $or: [{ facility: 'fac-1' }, { facility: 'fac-2' }] }, { status: { $ne: 'open' } }] },
          (d: StoredDocument) => (d.facility === 'fac-1' || d.facility === 'fac-2') && d.status !== 'open',
        ],
        ['$exists', { 'patient.ageBand': { $exists: true }, missingField: { $exists: false } }, () => true],
      ])('filters with %s', async (_label, filter, predicate) => {
        const expected = matching(predicate);
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThanOrEqual(data.length);

        const result = await store.find(cases, { filter });
        expect(ids(result.items)).toEqual(expected);
        expect(await store.count(cases, filter)).toBe(expected.length);
      });

      test('filters with $elemMatch: one element of an array of subdocuments meets every condition', async () => {
        const findings = (d: StoredDocument) => d.findings as Array<{ rule: string; severity: string }>;
        const bothOnOneElement = { findings: { $elemMatch: { rule: 'consent', severity: 'high' } } };
        const oneField = { findings: { $elemMatch: { severity: 'high' } } };

        if (deviates('elem-match-on-subdocument-fields')) {
          await expect(store.find(cases, { filter: bothOnOneElement })).rejects.toThrow(/unknown operator/);
          expect((await store.find(cases, { filter: oneField })).items).toEqual([]);
          return;
        }

        const expected = matching((d) => findings(d).some((f) => f.rule === 'consent' && f.severity === 'high'));
        const looser = matching((d) => findings(d).some((f) => f.rule === 'consent') && findings(d).some((f) => f.severity === 'high'));
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(looser.length);
        expect(ids((await store.find(cases, { filter: bothOnOneElement })).items)).toEqual(expected);
        expect(await store.count(cases, bothOnOneElement)).toBe(expected.length);
        expect(ids((await store.find(cases, { filter: oneField })).items)).toEqual(
          matching((d) => findings(d).some((f) => f.severity === 'high')),
        );
      });

      test('a filter matching nothing returns an empty page', async () => {
        expect(await store.find(cases, { filter: { status: 'archived' } })).toEqual({
          items: [],
          cursors: [],
          hasNextPage: false,
          hasPreviousPage: false,
        });
      });

      test.each([
        ['a string field ascending', 'status', 1],
        ['a string field descending', 'status', -1],
        ['a date-string field ascending', 'openedAt', 1],
        ['a date-string field descending', 'openedAt', -1],
        ['a number field descending', 'score', -1],
      ] as const)('sorts on %s, ties broken by _id ascending', async (_label, field, direction) => {
        const result = await store.find(cases, { sort: [[field, direction]] });
        expect(ids(result.items)).toEqual(expectedOrder(data, [(d) => d[field] as string | number, direction]));
      });

      test('sorts on several keys', async () => {
        const result = await store.find(cases, {
          sort: [
            ['facility', -1],
            ['openedAt', 1],
          ],
        });
        expect(ids(result.items)).toEqual(expectedOrder(data, [(d) => d.facility as string, -1], [(d) => d.openedAt as string, 1]));
      });

      test('limit returns the first documents and says whether more follow', async () => {
        const firstTen = await store.find(cases, { sort: [['openedAt', 1]], limit: 10 });
        expect(ids(firstTen.items)).toEqual(expectedOrder(data, [(d) => d.openedAt as string, 1]).slice(0, 10));
        expect(firstTen.hasNextPage).toBe(true);

        const all = await store.find(cases, { limit: 60 });
        expect(all.items).toHaveLength(60);
        expect(all.hasNextPage).toBe(false);
      });

      test('each item comes with its cursor: the sort values and _id', async () => {
        const result = await store.find(cases, {
          sort: [
            ['status', 1],
            ['patient.ageBand', -1],
          ],
          limit: 3,
        });
        expect(result.cursors).toEqual(result.items.map((d) => [d.status, (d.patient as { ageBand: number }).ageBand, d._id]));
      });

      test('a sort on _id uses no further tie-breaker', async () => {
        const result = await store.find(cases, { sort: [['_id', -1]], limit: 2 });
        expect(ids(result.items)).toEqual(ids(data).sort().reverse().slice(0, 2));
        expect(result.cursors).toEqual(result.items.map((d) => [d._id]));
      });

      test('the cursor of the last document yields an empty final page', async () => {
        const everything = await store.find(cases, { sort: [['status', 1]] });
        const last = everything.cursors.at(-1);
        expect(last).toBeDefined();
        expect(await store.find(cases, { sort: [['status', 1]], after: last, limit: 5 })).toEqual({
          items: [],
          cursors: [],
          hasNextPage: false,
          hasPreviousPage: false,
        });
      });

      test('rejects a limit that is not a positive integer and a cursor that does not fit the sort', async () => {
        await expect(store.find(cases, { limit: 0 })).rejects.toThrow(RangeError);
        await expect(store.find(cases, { limit: 2.5 })).rejects.toThrow(RangeError);
        await expect(store.find(cases, { sort: [['status', 1]], after: ['c1'] })).rejects.toThrow(RangeError);
      });
    });

    describe('keyset paging', () => {
      async function pageThrough(
        collection: string,
        options: Omit<FindOptions, 'after' | 'limit'>,
        pageSize: number,
      ): Promise<{ order: string[]; pageSizes: number[]; hasNext: boolean[] }> {
        const order: string[] = [];
        const pageSizes: number[] = [];
        const hasNext: boolean[] = [];
        let after: readonly unknown[] | undefined;
        for (let guard = 0; guard < 100; guard++) {
          const page = await store.find(collection, { ...options, limit: pageSize, ...(after ? { after } : {}) });
          order.push(...ids(page.items));
          pageSizes.push(page.items.length);
          hasNext.push(page.hasNextPage);
          if (!page.hasNextPage) break;
          after = page.cursors.at(-1);
        }
        return { order, pageSizes, hasNext };
      }

      test('pages through 250 documents with ties in pages of 50: no gap, no duplicate', async () => {
        const cases = uniqueCollection('cases');
        const data = caseDocs(250);
        await store.upsertMany(cases, data);

        const byStatus = await pageThrough(cases, { sort: [['status', 1]] }, 50);
        expect(byStatus.pageSizes).toEqual([50, 50, 50, 50, 50]);
        expect(byStatus.hasNext).toEqual([true, true, true, true, false]);
        expect(byStatus.order).toEqual(expectedOrder(data, [(d) => d.status as string, 1]));

        const byDateDesc = await pageThrough(cases, { sort: [['openedAt', -1]] }, 50);
        expect(byDateDesc.order).toEqual(expectedOrder(data, [(d) => d.openedAt as string, -1]));
        expect(new Set(byDateDesc.order).size).toBe(250);
      });

      test('pages through a filtered, multi-key sort', async () => {
        const cases = uniqueCollection('cases');
        const data = caseDocs(250);
        await store.upsertMany(cases, data);
        const filter = { signed: true, 'findings.severity': 'high' };
        const expected = data.filter(
          (d) => d.signed === true && (d.findings as Array<{ severity: string }>).some((f) => f.severity === 'high'),
        );

        const paged = await pageThrough(
          cases,
          {
            filter,
            sort: [
              ['status', -1],
              ['score', 1],
            ],
          },
          17,
        );
        expect(paged.order).toEqual(expectedOrder(expected, [(d) => d.status as string, -1], [(d) => d.score as number, 1]));
        expect(paged.hasNext.at(-1)).toBe(false);
      });

      test.each([
        [1, 'ascending: null and missing first'],
        [-1, 'descending: null and missing last'],
      ] as const)('pages across null and missing sort values, %s (%s)', async (direction, _order) => {
        const cases = uniqueCollection('cases');
        const data = Array.from({ length: 30 }, (_, i) =>
          doc(`s${String(i).padStart(2, '0')}`, BigInt(i + 1), {
            ...(i % 3 === 0 ? {} : { signedAt: i % 3 === 1 ? null : `2025-02-${String((i % 7) + 1).padStart(2, '0')}` }),
          }),
        );
        await store.upsertMany(cases, data);

        const paged = await pageThrough(cases, { sort: [['signedAt', direction]] }, 4);
        // null and missing sort as equal, lowest of all values
        const expected = expectedOrder(data, [(d) => (d.signedAt as string | null | undefined) ?? '', direction]);
        expect(paged.order).toEqual(expected);
      });
    });

    describe('keyset paging backwards', () => {
      /** From the end (or from `start`), `last` at a time: the pages as read, each in sort order. */
      async function pageBackwards(
        collection: string,
        options: Omit<FindOptions, 'after' | 'before' | 'limit'>,
        pageSize: number,
        start?: readonly unknown[],
      ): Promise<{ pages: string[][]; hasPrevious: boolean[] }> {
        const pages: string[][] = [];
        const hasPrevious: boolean[] = [];
        let before = start;
        for (let guard = 0; guard < 100; guard++) {
          const page = await store.find(collection, { ...options, direction: 'backwards', limit: pageSize, ...(before ? { before } : {}) });
          pages.push(ids(page.items));
          hasPrevious.push(page.hasPreviousPage);
          expect(page.hasNextPage).toBe(false);
          if (!page.hasPreviousPage) break;
          before = page.cursors[0];
        }
        return { pages, hasPrevious };
      }

      test('from the end, visits every document once, each page in sort order, ties and nulls included', async () => {
        const cases = uniqueCollection('cases');
        const data = caseDocs(100).map((d, i) => (i % 7 === 0 ? { ...d, openedAt: null } : d));
        await store.upsertMany(cases, data);
        const expected = (
          await store.find(cases, {
            sort: [
              ['status', -1],
              ['openedAt', 1],
            ],
          })
        ).items.map((d) => d._id);

        const backwards = await pageBackwards(
          cases,
          {
            sort: [
              ['status', -1],
              ['openedAt', 1],
            ],
          },
          15,
        );
        // Pages come from the end: the last page first; put back in order they are the whole order.
        expect(backwards.pages.slice().reverse().flat()).toEqual(expected);
        expect(backwards.pages.map((p) => p.length)).toEqual([15, 15, 15, 15, 15, 15, 10]);
        expect(backwards.hasPrevious).toEqual([true, true, true, true, true, true, false]);
      });

      test('before a cursor taken forwards: exactly the documents a forward read put before it', async () => {
        const cases = uniqueCollection('cases');
        const data = caseDocs(60);
        await store.upsertMany(cases, data);
        const sort = [['score', 1]] as const;
        const all = await store.find(cases, { sort });
        const cursor = all.cursors[37]!;
        const before = await store.find(cases, { sort, direction: 'backwards', before: cursor, limit: 10 });
        expect(ids(before.items)).toEqual(ids(all.items.slice(27, 37)));
        expect(before.cursors).toEqual(all.cursors.slice(27, 37));
        expect(before.hasPreviousPage).toBe(true);
        // and forwards again from the backward page's last cursor: the cursor's document comes next
        const again = await store.find(cases, { sort, after: before.cursors.at(-1)!, limit: 1 });
        expect(ids(again.items)).toEqual([all.items[37]!._id]);
        // nothing before the first document
        expect(await store.find(cases, { sort, direction: 'backwards', before: all.cursors[0]!, limit: 5 })).toMatchObject({
          items: [],
          hasPreviousPage: false,
        });
      });

      test('refuses a cursor for the other direction', async () => {
        const cases = uniqueCollection('cases');
        await store.upsertMany(cases, caseDocs(3));
        await expect(store.find(cases, { before: ['case-0002'] })).rejects.toThrow(RangeError);
        await expect(store.find(cases, { direction: 'backwards', after: ['case-0000'] })).rejects.toThrow(RangeError);
      });
    });

    describe('count', () => {
      test('counts all documents or those matching a filter, zero for an unknown collection', async () => {
        const cases = uniqueCollection('cases');
        await store.upsertMany(cases, caseDocs(30));

        expect(await store.count(cases)).toBe(30);
        expect(await store.count(cases, { status: 'signed', score: { $lt: 5 } })).toBe(
          caseDocs(30).filter((d) => d.status === 'signed' && (d.score as number) < 5).length,
        );
        expect(await store.count(uniqueCollection('never-written'))).toBe(0);
      });
    });

    describe('checkpoints', () => {
      test('an unknown checkpoint is null; a set one reads back and can be overwritten, also lower', async () => {
        const name = uniqueCollection('projection');
        expect(await store.getCheckpoint(name)).toBeNull();

        await store.setCheckpoint(name, 42n);
        expect(await store.getCheckpoint(name)).toBe(42n);

        await store.setCheckpoint(name, 100n);
        expect(await store.getCheckpoint(name)).toBe(100n);

        await store.setCheckpoint(name, 0n);
        expect(await store.getCheckpoint(name)).toBe(0n);
      });

      test('positions beyond 2^53 round-trip exactly', async () => {
        const name = uniqueCollection('projection');
        for (const position of [2n ** 53n + 1n, 18446744073709551615n]) {
          await store.setCheckpoint(name, position);
          expect(await store.getCheckpoint(name)).toBe(position);
        }
      });

      test('checkpoints are independent of each other', async () => {
        const first = uniqueCollection('projection');
        const second = uniqueCollection('projection');
        await store.setCheckpoint(first, 1n);
        await store.setCheckpoint(second, 2n);
        expect(await store.getCheckpoint(first)).toBe(1n);
        expect(await store.getCheckpoint(second)).toBe(2n);
      });
    });

    describe('dropCollection', () => {
      test('removes every document of that collection and nothing else', async () => {
        const dropped = uniqueCollection('cases');
        const kept = uniqueCollection('patients');
        const checkpoint = uniqueCollection('projection');
        await store.upsertMany(dropped, [doc('a', 1n), doc('b', 2n)]);
        await store.upsertMany(kept, [doc('a', 1n, { kept: true })]);
        await store.setCheckpoint(checkpoint, 5n);

        await store.dropCollection(dropped);

        expect(await store.count(dropped)).toBe(0);
        expect(await store.get(dropped, 'a')).toBeNull();
        expect(await store.get(kept, 'a')).toEqual(doc('a', 1n, { kept: true }));
        expect(await store.getCheckpoint(checkpoint)).toBe(5n);
      });

      test('a dropped collection accepts new documents, whatever their position', async () => {
        const cases = uniqueCollection('cases');
        await store.upsertMany(cases, [doc('a', 9n)]);
        await store.dropCollection(cases);
        await store.upsertMany(cases, [doc('a', 1n, { rebuilt: true })]);
        expect(await store.get(cases, 'a')).toEqual(doc('a', 1n, { rebuilt: true }));
      });

      test('dropping an unknown collection succeeds', async () => {
        await expect(store.dropCollection(uniqueCollection('never-written'))).resolves.toBeUndefined();
      });
    });

    describe('replaceCollection', () => {
      test("the target gets exactly the source's documents and the source is gone", async () => {
        const target = uniqueCollection('cases');
        const source = uniqueCollection('cases-rebuild');
        const other = uniqueCollection('patients');
        await store.upsertMany(target, [doc('old-only', 1n), doc('both', 2n, { v: 'old' })]);
        await store.upsertMany(source, [doc('both', 3n, { v: 'new' }), doc('new-only', 4n)]);
        await store.upsertMany(other, [doc('p', 1n)]);

        await store.replaceCollection(target, source);

        expect(await store.find(target)).toEqual({
          items: [doc('both', 3n, { v: 'new' }), doc('new-only', 4n)],
          cursors: [['both'], ['new-only']],
          hasNextPage: false,
          hasPreviousPage: false,
        });
        expect(await store.count(source)).toBe(0);
        expect(await store.get(source, 'both')).toBeNull();
        expect(await store.get(other, 'p')).toEqual(doc('p', 1n));
      });

      test('a target that does not exist yet is created', async () => {
        const target = uniqueCollection('cases');
        const source = uniqueCollection('cases-rebuild');
        await store.upsertMany(source, [doc('a', 1n)]);

        await store.replaceCollection(target, source);

        expect(await store.get(target, 'a')).toEqual(doc('a', 1n));
        expect(await store.count(source)).toBe(0);
      });

      test('a source that was never written (a rebuild with no documents) leaves the target empty', async () => {
        const target = uniqueCollection('cases');
        await store.upsertMany(target, [doc('a', 1n)]);

        await store.replaceCollection(target, uniqueCollection('cases-rebuild'));

        expect(await store.count(target)).toBe(0);
      });

      test('the source can be rebuilt again after the swap', async () => {
        const target = uniqueCollection('cases');
        const source = uniqueCollection('cases-rebuild');
        await store.upsertMany(source, [doc('a', 5n, { generation: 1 })]);
        await store.replaceCollection(target, source);

        await store.upsertMany(source, [doc('a', 1n, { generation: 2 })]);
        await store.replaceCollection(target, source);

        expect(await store.get(target, 'a')).toEqual(doc('a', 1n, { generation: 2 }));
      });

      test('readers during the swap see the old or the new collection, never a mix', async () => {
        const target = uniqueCollection('cases');
        const source = uniqueCollection('cases-rebuild');
        await store.upsertMany(target, caseDocs(40));
        await store.upsertMany(
          source,
          caseDocs(70).map((d) => ({ ...d, generation: 'new' })),
        );

        const observed = new Set<string>();
        let swapped = false;
        const readers = Array.from({ length: 4 }, async () => {
          // Keep reading until the swap is done, then once more.
          for (let reads = 0; reads < 1000; reads++) {
            const done = swapped;
            const page = await store.find(target, { sort: [['openedAt', 1]] });
            const generations = new Set(page.items.map((d) => (d.generation === 'new' ? 'new' : 'old')));
            observed.add(`${page.items.length}:${[...generations].sort().join('+')}`);
            if (done) return;
          }
        });
        await store.replaceCollection(target, source);
        swapped = true;
        await Promise.all(readers);

        const allowed = new Set(['40:old', '70:new']);
        if (deviates('swap-exposes-empty-target')) allowed.add('0:');
        expect([...observed].filter((seen) => !allowed.has(seen))).toEqual([]);
        expect(observed.has('70:new')).toBe(true);
      });
    });

    describe('ensureIndexes', () => {
      test('is idempotent and leaves documents and queries intact', async () => {
        const cases = uniqueCollection('cases');
        const data = caseDocs(20);
        await store.upsertMany(cases, data);
        const indexes: IndexSpec[] = [{ keys: { status: 1, openedAt: -1 } }, { keys: { 'findings.rule': 1 } }];

        await store.ensureIndexes(cases, indexes);
        await store.ensureIndexes(cases, indexes);

        const result = await store.find(cases, { filter: { status: 'open' }, sort: [['openedAt', -1]] });
        expect(ids(result.items)).toEqual(
          expectedOrder(
            data.filter((d) => d.status === 'open'),
            [(d) => d.openedAt as string, -1],
          ),
        );
      });

      test('can be declared before the collection has any document', async () => {
        const cases = uniqueCollection('cases');
        await store.ensureIndexes(cases, [{ keys: { status: 1 } }]);
        await store.upsertMany(cases, [doc('a', 1n, { status: 'open' })]);
        expect(await store.count(cases, { status: 'open' })).toBe(1);
      });
    });
    describe('leases and fencing', () => {
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

      test('a lease runs for one holder at a time; a holder after it expired gets a greater token', async () => {
        const lease = uniqueCollection('lease');
        const first = await store.leases.acquire(lease, 'a', 300);
        expect(first).not.toBeNull();
        expect(await store.leases.acquire(lease, 'b', 300)).toBeNull();
        // a renewal keeps the token
        expect(await store.leases.acquire(lease, 'a', 300, first!.token)).toEqual(first);
        await sleep(400);
        const second = await store.leases.acquire(lease, 'b', 300);
        expect(second!.token).toBeGreaterThan(first!.token);
        // the deposed holder cannot renew
        expect(await store.leases.acquire(lease, 'a', 300, first!.token)).toBeNull();
      });

      test('holders racing for a free lease: exactly one wins', async () => {
        const lease = uniqueCollection('lease');
        const grants = await Promise.all(['a', 'b', 'c', 'd'].map((holder) => store.leases.acquire(lease, holder, 10_000)));
        expect(grants.filter((grant) => grant !== null)).toHaveLength(1);
      });

      test('a take-over fences the holder out at once; a release frees the lease at once', async () => {
        const lease = uniqueCollection('lease');
        const first = await store.leases.acquire(lease, 'server', 10_000);
        const cli = await store.leases.acquire(lease, 'cli', 10_000, undefined, { takeOver: true });
        expect(cli!.token).toBeGreaterThan(first!.token);
        expect(await store.leases.acquire(lease, 'server', 10_000, first!.token)).toBeNull();
        expect(await store.leases.acquire(lease, 'server', 10_000)).toBeNull();
        await store.leases.release(lease, 'cli', cli!.token);
        const back = await store.leases.acquire(lease, 'server', 10_000);
        expect(back!.token).toBeGreaterThan(cli!.token);
      });

      test("a deposed owner's late document write is refused where its successor wrote, and the token is never read back", async () => {
        const cases = uniqueCollection('cases');
        await store.upsertMany(cases, [doc('a', 5n, { by: 'old' }), doc('b', 5n, { by: 'old' })], { token: 1 });
        await store.upsertMany(cases, [doc('a', 6n, { by: 'new' })], { token: 2 });
        await expect(store.upsertMany(cases, [doc('a', 9n, { by: 'late' })], { token: 1 })).rejects.toThrow(/newer owner/);
        await expect(store.upsertMany(cases, [doc('b', 9n, { by: 'late' }), doc('a', 9n, { by: 'late' })], { token: 1 })).rejects.toThrow(
          /newer owner/,
        );
        expect(await store.get(cases, 'a')).toEqual(doc('a', 6n, { by: 'new' }));
        expect(await store.get(cases, 'b')).toEqual(doc('b', 5n, { by: 'old' }));
        await store.upsertMany(cases, [doc('a', 7n, { by: 'next' })], { token: 3 });
        expect((await store.find(cases)).items).toEqual([doc('a', 7n, { by: 'next' }), doc('b', 5n, { by: 'old' })]);
      });

      test('a fenced checkpoint only moves forward under one token, refuses a smaller one, and is taken over by a greater one', async () => {
        const name = uniqueCollection('checkpoint');
        await store.setCheckpoint(name, 10n, { token: 2 });
        await store.setCheckpoint(name, 5n, { token: 2 });
        expect(await store.getCheckpoint(name)).toBe(10n);
        await expect(store.setCheckpoint(name, 20n, { token: 1 })).rejects.toThrow(/newer owner/);
        expect(await store.getCheckpoint(name)).toBe(10n);
        await store.setCheckpoint(name, 12n, { token: 2 });
        expect(await store.getCheckpoint(name)).toBe(12n);
        // a new owner's rebuild swapped in a collection current to 7: its checkpoint says so
        await store.setCheckpoint(name, 7n, { token: 3 });
        expect(await store.getCheckpoint(name)).toBe(7n);
        await expect(store.setCheckpoint(name, 30n, { token: 2 })).rejects.toThrow(/newer owner/);
      });

      test('listCollections names the collections with a prefix', async () => {
        const prefix = uniqueCollection('side');
        await store.upsertMany(`${prefix}__rebuild_1`, [doc('a', 1n)]);
        await store.upsertMany(`${prefix}__rebuild_2`, [doc('a', 1n)]);
        expect((await store.listCollections(`${prefix}__rebuild_`)).sort()).toEqual([`${prefix}__rebuild_1`, `${prefix}__rebuild_2`]);
        await store.dropCollection(`${prefix}__rebuild_1`);
        expect(await store.listCollections(`${prefix}__rebuild_`)).toEqual([`${prefix}__rebuild_2`]);
      });
    });
  });
}

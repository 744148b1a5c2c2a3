/**
 * Reading a page must cost O(page), not O(store): rebuilds read a million events page by page, and a
 * plan that sorts or scans the whole table per page would make that quadratic. SQLite's own plan says.
 */
import type { EventFilter } from '../../../src/eventstore/port';
import { planFilteredRead } from '../../../src/eventstore/sqlite/filtered-reads';
import { openDatabase } from '../../../src/eventstore/sqlite/schema';
import { filteredReadSql, type Driver, type FilteredReadShape } from '../../../src/eventstore/sqlite/filtered-sql';
import { prepareStatements, type Statements } from '../../../src/eventstore/sqlite/statements';

const db = openDatabase(':memory:');
const statements = prepareStatements(db);
afterAll(() => db.close());

function planOf(name: keyof Statements): string {
  const source = statements[name].source;
  const named = Object.fromEntries([...source.matchAll(/@(\w+)/g)].map((m) => [m[1] as string, null]));
  const positional = Array.from(source.matchAll(/\?/g), () => null);
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${source}`);
  const rows = (Object.keys(named).length > 0 ? explain.all(named) : explain.all(...positional)) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

function planOfSql(sql: string): string {
  const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1] as string, null]));
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

test.each([
  ['all', /^SEARCH events USING INTEGER PRIMARY KEY \(rowid>\?\)$/],
  ['allBackwards', /^SEARCH events USING INTEGER PRIMARY KEY \(rowid<\?\)$/],
  ['firstRecordedFrom', /^SEARCH events USING COVERING INDEX events_in_time_order \(recorded_at>\?\)$/],
  ['firstRecordedAfter', /^SEARCH events USING COVERING INDEX events_in_time_order \(recorded_at>\?\)$/],
  ['streamForwards', /^SEARCH events USING INDEX events_by_stream \(stream=\? AND revision>\?\)$/],
  ['streamBackwards', /^SEARCH events USING INDEX events_by_stream \(stream=\? AND revision<\?\)$/],
  ['lastRevision', /^SEARCH events USING COVERING INDEX events_by_stream \(stream=\?\)$/],
  ['findById', /^SEARCH events USING INDEX events_by_id \(id=\?\)$/],
] as const)('%s reads an index range in position order, without sorting', (name, plan) => {
  expect(planOf(name)).toMatch(plan);
  expect(planOf(name)).not.toMatch(/TEMP B-TREE|SCAN events/);
});

test('an append finds the latest recording time so far through the index, not by a scan', () => {
  expect(planOf('insert')).toMatch(/SEARCH events USING COVERING INDEX events_in_time_order/);
  expect(planOf('insert')).not.toMatch(/SCAN events/);
});

describe('filtered reads, in every shape', () => {
  const window = (until: boolean): string => (until ? 'position>\\? AND position<\\?' : 'position>\\?');
  const rowids = (until: boolean): string => (until ? 'rowid>\\? AND rowid<\\?' : 'rowid>\\?');
  /** What drives each read: an index range ending in position, so the page comes in order without a sort… */
  const inOrder: Record<Exclude<Driver, 'streamRange' | 'late'>, (until: boolean) => RegExp> = {
    facility: (until) => new RegExp(`^SEARCH events USING INDEX events_by_facility \\(facility=\\? AND ${window(until)}\\)`),
    facilityType: (until) =>
      new RegExp(`^SEARCH events USING INDEX events_by_facility_type \\(facility=\\? AND type=\\? AND ${window(until)}\\)`),
    position: (until) => new RegExp(`^SEARCH events USING INTEGER PRIMARY KEY \\(${rowids(until)}\\)`),
    type: (until) => new RegExp(`^SEARCH events USING INDEX events_by_type \\(type=\\? AND ${window(until)}\\)`),
    category: (until) => new RegExp(`^SEARCH events USING INDEX events_by_category \\(category=\\? AND ${window(until)}\\)`),
    actor: (until) => new RegExp(`^SEARCH events USING INDEX events_by_actor \\(actor_id=\\? AND ${window(until)}\\)`),
  };
  /** …or a range of few rows, sorted: the streams of a narrow prefix, the late rows of a time range. */
  const sorted: Record<'streamRange' | 'late', RegExp> = {
    streamRange: /^SEARCH events USING INDEX events_by_stream \(stream>\? AND stream<\?\)/,
    late: /^SEARCH events USING INDEX events_recorded_late \(recorded_at>\? AND recorded_at<\?\)/,
  };
  const flags = ['types', 'stream', 'actor', 'facilities', 'from', 'to'] as const;
  const shapes: FilteredReadShape[] = [];
  for (const driver of ['position', 'type', 'category', 'actor', 'facility', 'facilityType', 'streamRange', 'late'] as const) {
    for (let bits = 0; bits < 1 << flags.length; bits++) {
      const set = (i: number): boolean => (bits & (1 << i)) !== 0;
      const checks = { types: set(0), stream: set(1), actor: set(2), facilities: set(3), from: set(4), to: set(5) };
      shapes.push({ driver, ...checks, until: set(5) });
      // A backward read's window always ends at its cursor (filtered-reads.ts).
      shapes.push({ driver, ...checks, until: true, backwards: true });
    }
  }

  const nameOf = (shape: FilteredReadShape): string => {
    const checks = flags.filter((flag) => shape[flag]);
    const driver = shape.backwards === true ? `${shape.driver} backwards` : shape.driver;
    return checks.length === 0 ? driver : `${driver}, checking ${checks.join(' + ')}`;
  };

  test.each(shapes.map((shape) => [nameOf(shape), shape] as const))('driven by %s', (_, shape) => {
    const plan = planOfSql(filteredReadSql(shape));
    const [driving, ...others] = plan.split(' | ');
    if (shape.driver === 'streamRange' || shape.driver === 'late') {
      expect(driving).toMatch(sorted[shape.driver]);
    } else {
      expect(driving).toMatch(inOrder[shape.driver](shape.until));
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
    // The other conditions are checked on the rows read: the type list is a subquery over json_each, run once.
    expect(others.filter((step) => /\bevents\b/.test(step))).toEqual([]);
  });
});

describe('a read limited to facilities is driven by an index, never a scan of the store', () => {
  /** Every statement a planned read runs, with SQLite's plan for each. */
  const from = '2026-03-01T00:00:00Z';
  const to = '2026-03-02T00:00:00Z';
  // Rows inside and after the time range, so that a range read has a window to read in.
  beforeAll(() => {
    for (const [i, recordedAt] of ['2026-03-01T10:00:00.000Z', '2026-03-03T10:00:00.000Z'].entries()) {
      statements.insert.run({
        ...{ id: `e${i}`, stream: `case-${i}`, revision: 0, type: 'CaseOpened', data: '{}', metadata: '{}', category: 'case' },
        ...{ actorId: 'dr-1', recordedAt, facility: 'F1', facilityOfFirst: null },
      });
    }
  });

  function plansOfRead(filter: EventFilter): string[] {
    // Statements of its own: the filtered statements are prepared (and seen below) on first use.
    const own = prepareStatements(db);
    const sqls: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      sqls.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      planFilteredRead(filter)(own, 0n, 10);
    } finally {
      db.prepare = prepare;
    }
    return sqls.filter((sql) => sql.startsWith('SELECT position, id')).map(planOfSql);
  }

  test.each([
    ['facilities alone', { facilities: ['F1', 'F2'] }, /events_by_facility/],
    ['facilities and types', { facilities: ['F1', 'F2'], types: ['CaseOpened', 'PatientRegistered'] }, /events_by_facility_type/],
    ['facilities and a category', { facilities: ['F1'], streamPrefix: 'case-' }, /events_by_facility/],
    ['facilities and a recording-time range', { facilities: ['F1', 'F2'], recordedFrom: from, recordedTo: to }, /events_by_facility/],
    [
      'facilities, types and a time range',
      { facilities: ['F1'], types: ['PatientDataAccessed'], recordedFrom: from },
      /events_by_facility/,
    ],
    ['facilities and an actor', { facilities: ['F1', 'F2'], actorId: 'dr-1', recordedTo: to }, /events_by_actor/],
    ['facilities and one stream', { facilities: ['F1'], streamPrefix: 'case-12' }, /events_by_stream/],
  ] as const)('%s', (_, filter, driver) => {
    const plans = plansOfRead(filter);
    expect(plans.length).toBeGreaterThan(0);
    const [first] = plans;
    expect(first).toMatch(driver);
    for (const plan of plans) {
      expect(plan).not.toMatch(/SCAN events/);
      // The page comes in position order from each index range; only the few late rows of a range are sorted.
      if (!/events_recorded_late|events_by_stream/.test(plan)) expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });
});

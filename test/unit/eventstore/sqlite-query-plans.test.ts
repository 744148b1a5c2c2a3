/**
 * Reading a page must cost O(page), not O(store): rebuilds read a million events page by page, and a
 * plan that sorts or scans the whole table per page would make that quadratic. SQLite's own plan says.
 */
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
  const flags = ['types', 'stream', 'actor', 'from', 'to'] as const;
  const shapes: FilteredReadShape[] = [];
  for (const driver of ['position', 'type', 'category', 'actor', 'streamRange', 'late'] as const) {
    for (let bits = 0; bits < 1 << flags.length; bits++) {
      const set = (i: number): boolean => (bits & (1 << i)) !== 0;
      shapes.push({ driver, types: set(0), stream: set(1), actor: set(2), from: set(3), to: set(4), until: set(4) });
    }
  }

  const nameOf = (shape: FilteredReadShape): string => {
    const checks = flags.filter((flag) => shape[flag]);
    return checks.length === 0 ? shape.driver : `${shape.driver}, checking ${checks.join(' + ')}`;
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

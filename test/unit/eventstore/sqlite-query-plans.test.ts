/**
 * Reading a page must cost O(page), not O(store): rebuilds read a million events page by page, and a
 * plan that sorts or scans the whole table per page would make that quadratic. SQLite's own plan says.
 */
import { openDatabase } from '../../../src/eventstore/sqlite/schema';
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

test.each([
  ['all', /^SEARCH events USING INTEGER PRIMARY KEY \(rowid>\?\)$/],
  ['byType', /^SEARCH events USING INDEX events_by_type \(type=\? AND position>\?\)$/],
  ['byCategory', /^SEARCH events USING INDEX events_by_category \(category=\? AND position>\?\)$/],
  ['byStreamScan', /^SEARCH events USING INTEGER PRIMARY KEY \(rowid>\?\)$/],
  ['windowEnd', /^SEARCH events USING INTEGER PRIMARY KEY \(rowid>\?\)$/],
  ['window', /^SEARCH events USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/],
  ['streamForwards', /^SEARCH events USING INDEX events_by_stream \(stream=\? AND revision>\?\)$/],
  ['streamBackwards', /^SEARCH events USING INDEX events_by_stream \(stream=\? AND revision<\?\)$/],
  ['lastRevision', /^SEARCH events USING COVERING INDEX events_by_stream \(stream=\?\)$/],
  ['findById', /^SEARCH events USING INDEX events_by_id \(id=\?\)$/],
] as const)('%s reads an index range in position order, without sorting', (name, plan) => {
  expect(planOf(name)).toMatch(plan);
  expect(planOf(name)).not.toMatch(/TEMP B-TREE|SCAN events/);
});

test('a narrow stream prefix reads only the matching streams through the stream index', () => {
  expect(planOf('byStreamRange')).toMatch(/^SEARCH events USING INDEX events_by_stream \(stream>\? AND stream<\?\)/);
});

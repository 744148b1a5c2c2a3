/**
 * Filtered reads in position order, each driven by the index that keeps a page O(page):
 * 1. a narrow stream prefix ("case-12…"): the (stream, revision) index, few streams;
 * 2. an actor: the (actor_id, position) index (an actor works in few facilities, so the actor's rows
 *    are the narrower set: a facility's are a share of the store);
 * 3. facilities: one (facility, position) range per facility, merged; with event types, one
 *    (facility, type, position) range per pair, merged, so that types rare in a facility (its
 *    patients' registrations among its cases' steps) still cost a page, not the facility's events;
 * 4. event types: where they are most of the rows (a sample of the next rows says so), the rowid range
 *    with the type checked on each row; otherwise one (type, position) range per type, merged;
 * 5. a category prefix ("case-"): the (category, position) index;
 * 6. otherwise the rowid range itself.
 * The other conditions are checked on the rows the driver reads (filtered-sql.ts).
 *
 * A recording-time range [from, to] becomes a position window first (schema.ts explains
 * `recorded_late`): rows in time order are sorted by time as they are by position, so the window runs
 * from the first in-order row recorded at or after `from` to the last one at or before `to`, and
 * whatever index drives the read is read only inside it. No row before the window can match: a row
 * there is either in time order (so earlier than `from`) or late (so earlier than an in-order row
 * before it). After the window only late rows can, and those come from their own index. So a page
 * costs two index lookups, the driver's page, and the late rows of the range that lie past the window:
 * none when `to` is open, a few around concurrent appends otherwise. Results never depend on the
 * clocks; only the cost does: where most rows are late (a clock that ran ahead, a history written
 * out of time order) a closed range costs the late rows it holds, as a plain time index would.
 *
 * A backward read (newest first, before a position) is the same plan with the position window closed
 * at its cursor and every index range walked downwards: it costs what the forward page costs.
 */
import type { EventFilter } from '../port';
import { metadataFilterOf } from '../metadata-filter';
import { filteredReadSql, type Driver, type FilteredReadShape } from './filtered-sql';
import { ABOVE_ALL_TEXT, preparedFor, type EventRow, type Statements } from './statements';
import { categoryOfPrefix, prefixUpperBound } from './stream-names';

/** `after` exclusive; `limit` -1 = no limit. The rows are not decoded yet (decodeRows). */
export type FilteredRead = (st: Statements, after: bigint, limit: number) => EventRow[];
/** Newest first: `before` exclusive; `limit` -1 = no limit. */
export type FilteredReadBackwards = (st: Statements, before: bigint, limit: number) => EventRow[];
/** Rows in the window (after, upTo], the first `limit` in the read's direction. */
type RangeRead = (st: Statements, after: bigint, upTo: bigint, limit: number) => EventRow[];

/** Positions are rowids, at most 2^63 - 1. */
const LAST_POSITION = 9223372036854775807n;

export interface PrefixRange {
  lower: string;
  upper: string | Buffer;
}

/** "stream starts with prefix" as `stream >= lower AND stream < upper`; every stream without a prefix. */
export function prefixRange(prefix: string | undefined): PrefixRange {
  if (prefix === undefined) return { lower: '', upper: ABOVE_ALL_TEXT };
  return { lower: prefix, upper: prefixUpperBound(prefix) ?? ABOVE_ALL_TEXT };
}

interface PositionWindow {
  /** Exclusive. */
  after: bigint;
  /** Inclusive. */
  until: bigint;
}

/** Rows of several ranges in position order (descending when `backwards`), the first `limit`: only those are decoded. */
function mergedRows(lists: EventRow[][], limit: number, backwards: boolean): EventRow[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  const sign = backwards ? -1 : 1;
  const all = nonEmpty.flat().sort((a, b) => sign * (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return limit < 0 ? all : all.slice(0, limit);
}

/** Rows sampled ahead of a type-filtered page to choose its plan. */
const SAMPLE_ROWS = 256;
/** A page is read as a rowid range when at least this share of the sampled rows match. */
const DENSE_SHARE = 1 / 8;
const DENSITY_SQL = `SELECT count(*) AS matching FROM (SELECT +type AS type FROM events WHERE position > @after AND position <= @until
                     ORDER BY position LIMIT ${SAMPLE_ROWS}) WHERE type IN (SELECT value FROM json_each(@types))`;
/** The same sample for a backward page: the rows just before its cursor. */
const DENSITY_BACKWARDS_SQL = DENSITY_SQL.replace('ORDER BY position', 'ORDER BY position DESC');

const positionOf = (row: unknown): bigint | null => (row === undefined ? null : BigInt((row as { position: number | bigint }).position));

/** The index that drives a read with this filter (see the module comment for the order). */
function driverOf(filter: EventFilter, actorId: string | null, category: string | null): Driver {
  const { streamPrefix } = filter;
  if (streamPrefix !== undefined && category === null && streamPrefix.includes('-')) return 'streamRange';
  if (actorId !== null) return 'actor';
  if (filter.facilities !== undefined) return filter.types !== undefined ? 'facilityType' : 'facility';
  if (filter.types !== undefined) return 'type';
  if (category !== null) return 'category';
  return 'position';
}

/** Validates the filter (RangeError) and chooses the plan once; the result reads any page. */
export function planFilteredRead(filter: EventFilter): FilteredRead {
  const read = planRangeRead(filter, false);
  return (st, after, limit) => read(st, after, LAST_POSITION, limit);
}

/** planFilteredRead for backward pages: the events just before a position, newest first. */
export function planFilteredReadBackwards(filter: EventFilter): FilteredReadBackwards {
  const read = planRangeRead(filter, true);
  return (st, before, limit) => (before <= 1n ? [] : read(st, 0n, before - 1n, limit));
}

function planRangeRead(filter: EventFilter, backwards: boolean): RangeRead {
  const metadata = metadataFilterOf(filter);
  if (metadata.matchesNothing || filter.types?.length === 0 || filter.facilities?.length === 0) return () => [];
  const { streamPrefix } = filter;
  const types = filter.types === undefined ? null : [...new Set(filter.types)];
  const facilities = filter.facilities === undefined ? null : [...new Set(filter.facilities)];
  const category = streamPrefix === undefined ? null : categoryOfPrefix(streamPrefix);
  const { recordedFrom: from, recordedTo: to, actorId } = metadata;
  const driver = driverOf(filter, actorId, category);
  const shape: Omit<FilteredReadShape, 'driver'> = {
    types: types !== null,
    // A category prefix ("case-") is exactly its category.
    stream: streamPrefix !== undefined && driver !== 'category',
    actor: actorId !== null,
    facilities: facilities !== null,
    from: from !== null,
    to: to !== null,
    until: to !== null || backwards,
    backwards,
  };
  const sql = filteredReadSql({ ...shape, driver });
  // Types only, that are most of the store (a projection runner's): the rowid range, each row's type checked.
  const typesOnly = driver === 'type' && !shape.stream && !shape.actor && !shape.facilities && !shape.from && !shape.to;
  const scanSql = typesOnly ? filteredReadSql({ ...shape, driver: 'position', until: true }) : null;
  const lateSql = to === null ? null : filteredReadSql({ ...shape, stream: streamPrefix !== undefined, driver: 'late' });
  const params = {
    types: types === null ? null : JSON.stringify(types),
    facilities: facilities === null ? null : JSON.stringify(facilities),
    ...prefixRange(streamPrefix),
    category,
    actorId,
    from,
    to,
    lateFrom: from ?? '',
  };

  const drive = (st: Statements, window: PositionWindow, limit: number): EventRow[] => {
    const statement = preparedFor(st, sql);
    if (driver === 'facility' && facilities !== null) {
      // One index range per facility, merged by position, as for types below.
      return mergedRows(
        facilities.map((facility) => statement.all({ ...params, facility, ...window, limit }) as EventRow[]),
        limit,
        backwards,
      );
    }
    if (driver === 'facilityType' && facilities !== null && types !== null) {
      const ranges = facilities.flatMap((facility) => types.map((type) => ({ facility, type })));
      return mergedRows(
        ranges.map((range) => statement.all({ ...params, ...range, ...window, limit }) as EventRow[]),
        limit,
        backwards,
      );
    }
    if (driver !== 'type' || types === null) return statement.all({ ...params, ...window, limit }) as EventRow[];
    if (scanSql !== null) {
      const { matching } = preparedFor(st, backwards ? DENSITY_BACKWARDS_SQL : DENSITY_SQL)
        .raw(false)
        .get({ ...params, ...window }) as { matching: number };
      if (matching >= SAMPLE_ROWS * DENSE_SHARE) return preparedFor(st, scanSql).all({ ...params, ...window, limit }) as EventRow[];
    }
    // One index range per type, merged by position: k short reads instead of a scan of the store.
    return mergedRows(
      types.map((type) => statement.all({ ...params, type, ...window, limit }) as EventRow[]),
      limit,
      backwards,
    );
  };

  if (from === null && to === null) return (st, after, upTo, limit) => drive(st, { after, until: upTo }, limit);

  return (st, after, upTo, limit) => {
    let windowAfter = after;
    if (from !== null) {
      const start = positionOf(st.firstRecordedFrom.get(from));
      // Nothing in time order at or after `from`, so nothing late either: every time is earlier.
      if (start === null) return [];
      if (start - 1n > windowAfter) windowAfter = start - 1n;
    }
    const beyond = to === null ? null : positionOf(st.firstRecordedAfter.get(to));
    const timeUntil = beyond === null ? LAST_POSITION : beyond - 1n;
    const until = timeUntil < upTo ? timeUntil : upTo;
    const inWindow = windowAfter < until ? drive(st, { after: windowAfter, until }, limit) : [];
    if (beyond === null || lateSql === null) return inWindow;
    // The late rows past the time window, up to the read's own end (a backward read's cursor).
    const lateAfter = timeUntil > after ? timeUntil : after;
    if (lateAfter >= upTo) return inWindow;
    const window = backwards ? { after: lateAfter, until: upTo } : { after: lateAfter };
    const late = preparedFor(st, lateSql).all({ ...params, ...window, limit }) as EventRow[];
    return mergedRows([inWindow, late], limit, backwards);
  };
}

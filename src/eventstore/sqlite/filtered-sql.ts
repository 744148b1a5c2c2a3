/**
 * The SQL of a filtered read, built for its shape: which index drives it, and only the conditions the
 * driver does not answer, so that the common shapes (types, a category) cost what they did before the
 * other filters existed. A unary `+` on a column keeps SQLite from choosing that column's index: the
 * driver (or the rowid range) is the plan. Parameters are named; a statement ignores those it lacks.
 */
import { COLUMNS } from './statements';

/** The index a filtered read is driven by (filtered-reads.ts says which one when). */
export type Driver = 'position' | 'type' | 'category' | 'actor' | 'facility' | 'facilityType' | 'streamRange' | 'late';

export interface FilteredReadShape {
  driver: Driver;
  /** `+type IN (@types as JSON)`. */
  types: boolean;
  /** `+stream` within [@lower, @upper). */
  stream: boolean;
  actor: boolean;
  /** `+facility IN (@facilities as JSON)`. */
  facilities: boolean;
  /** Recording time at or after @from / at or before @to. */
  from: boolean;
  to: boolean;
  /** The position window has an upper end (@until, inclusive). */
  until: boolean;
  /** Newest first (a backward read): the same index range, walked the other way. */
  backwards?: boolean;
}

const DRIVERS: Record<Driver, { table: string; where: string[] }> = {
  position: { table: 'events', where: [] },
  type: { table: 'events', where: ['type = @type'] },
  category: { table: 'events', where: ['category = @category'] },
  actor: { table: 'events', where: ['actor_id = @actorId'] },
  facility: { table: 'events', where: ['facility = @facility'] },
  // Named: with a position window, and no statistics, SQLite would take the (facility, position) index.
  facilityType: { table: 'events INDEXED BY events_by_facility_type', where: ['facility = @facility', 'type = @type'] },
  // Few streams, all of their events read and sorted: O(matching events).
  streamRange: { table: 'events INDEXED BY events_by_stream', where: ['stream >= @lower', 'stream < @upper'] },
  // The late rows within the range (schema.ts): O(late rows of the range), sorted.
  late: { table: 'events INDEXED BY events_recorded_late', where: ['recorded_late = 1', 'recorded_at >= @lateFrom', 'recorded_at <= @to'] },
};

export function filteredReadSql(shape: FilteredReadShape): string {
  const { driver } = shape;
  const where = [...DRIVERS[driver].where, 'position > @after'];
  // The late rows of a forward read run to the end; those of a backward one stop at its cursor.
  if (shape.until && (driver !== 'late' || shape.backwards === true)) where.push('position <= @until');
  if (shape.types && driver !== 'type' && driver !== 'facilityType') where.push('+type IN (SELECT value FROM json_each(@types))');
  if (shape.stream && driver !== 'streamRange') where.push('+stream >= @lower', '+stream < @upper');
  if (shape.actor && driver !== 'actor') where.push('+actor_id = @actorId');
  if (shape.facilities && driver !== 'facility' && driver !== 'facilityType')
    where.push('+facility IN (SELECT value FROM json_each(@facilities))');
  if (driver !== 'late') {
    if (shape.from) where.push('+recorded_at >= @from');
    if (shape.to) where.push('+recorded_at <= @to');
  }
  return `SELECT ${COLUMNS} FROM ${DRIVERS[driver].table} WHERE ${where.join(' AND ')} ORDER BY position${shape.backwards === true ? ' DESC' : ''} LIMIT @limit`;
}

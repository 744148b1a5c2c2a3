/** The auditors' cursors: a global position, a stream revision, or a place in the access log (all opaque to clients). */
import type { AccessLogCursor } from '../../audit/access-log-reader';
import type { Position } from '../../eventstore/port';
import { decodeCursor, encodeCursor } from '../common/connection';
import { badUserInput } from '../common/errors';

const notOurs = (argument: string) => badUserInput([{ path: argument, constraints: ['not a cursor this API issued'] }]);

export const positionCursor = (position: Position): string => encodeCursor(['p', position.toString()]);

export function positionAfter(cursor: string | null | undefined, argument = 'after'): Position | undefined {
  const values = decodeCursor(cursor, argument);
  if (values === undefined) return undefined;
  const [kind, digits] = values;
  if (kind !== 'p' || typeof digits !== 'string' || !/^\d{1,20}$/.test(digits)) throw notOurs(argument);
  return BigInt(digits);
}

export const revisionCursor = (revision: number): string => encodeCursor(['r', revision]);

export function revisionAfter(cursor: string | null | undefined, argument = 'after'): number | undefined {
  const values = decodeCursor(cursor, argument);
  if (values === undefined) return undefined;
  const [kind, revision] = values;
  if (kind !== 'r' || typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) throw notOurs(argument);
  return revision;
}

export const accessCursor = (at: AccessLogCursor): string => encodeCursor(['a', at.day, at.revision]);

export function accessAfter(cursor: string | null | undefined, argument = 'after'): AccessLogCursor | undefined {
  const values = decodeCursor(cursor, argument);
  if (values === undefined) return undefined;
  const [kind, day, revision] = values;
  const valid =
    kind === 'a' &&
    typeof day === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(day) &&
    typeof revision === 'number' &&
    Number.isSafeInteger(revision) &&
    revision >= -1;
  if (!valid) throw notOurs(argument);
  return { day: day as string, revision: revision as number };
}

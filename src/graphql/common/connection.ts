/** Relay connections: opaque cursors (base64url of the keyset values), a page-size ceiling, stable order. */
import { Field, ObjectType } from 'type-graphql';
import type { CursorValues } from '../../readstore/port';
import { badUserInput } from './errors';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export const encodeCursor = (values: CursorValues): string => Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodeCursor(cursor: string | null | undefined, argument = 'after'): CursorValues | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values)) return values;
  } catch {
    // fall through
  }
  throw badUserInput([{ path: argument, constraints: ['not a cursor this API issued'] }]);
}

export function pageSize(first: number | null | undefined, max: number, fallback = 20): number {
  if (first === null || first === undefined) return Math.min(fallback, max);
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badUserInput([{ path: 'first', constraints: [`first must be an integer from 0 to ${max}`] }]);
  }
  return first;
}

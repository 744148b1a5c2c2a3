/**
 * Relay connections: opaque cursors (base64url of the keyset values), a page-size ceiling, one stable
 * order read either way. `first`/`after` read forwards, `last`/`before` backwards; a backward page holds
 * the items just before its cursor, in the same order as a forward page would (Relay's connection spec).
 */
import { Field, ObjectType } from 'type-graphql';
import type { CursorValues } from '../../readstore/port';
import { badUserInput } from './errors';

@ObjectType({ description: "Relay's page info: whether items lie beyond either end of the page, and the cursors of its ends." })
export class PageInfo {
  @Field({ description: 'Reading forwards: more items follow. Reading backwards (`before`): true, the cursor’s own item follows.' })
  hasNextPage!: boolean;
  @Field({ description: 'Reading backwards: more items precede. Reading forwards: true when paging from an `after` cursor.' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: "The first edge's cursor." })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: "The last edge's cursor." })
  endCursor!: string | null;
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

export function pageSize(first: number | null | undefined, max: number, fallback = 20, argument = 'first'): number {
  if (first === null || first === undefined) return Math.min(fallback, max);
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badUserInput([{ path: argument, constraints: [`${argument} must be an integer from 0 to ${max}`] }]);
  }
  return first;
}

/** The paging arguments of every connection field. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Which way a page is read, how many items, and from which cursor (decoded by the connection's own cursor kind). */
export type PageRequest<C> = { backward: false; size: number; after?: C } | { backward: true; size: number; before?: C };

/**
 * `first`/`after` or `last`/`before`, never a mix (Relay discourages both at once, and the answer would be
 * ambiguous). Without any, the first page forwards.
 */
export function pageRequest<C>(
  args: PageArgs,
  options: { max: number; fallback?: number; decode: (cursor: string | null | undefined, argument: string) => C | undefined },
): PageRequest<C> {
  const forwards = (args.first ?? null) !== null || (args.after ?? null) !== null;
  const backwards = (args.last ?? null) !== null || (args.before ?? null) !== null;
  if (forwards && backwards) {
    throw badUserInput([{ path: 'last', constraints: ['page with first/after or with last/before, not both'] }]);
  }
  if (backwards) {
    return {
      backward: true,
      size: pageSize(args.last, options.max, options.fallback, 'last'),
      before: options.decode(args.before, 'before'),
    };
  }
  return {
    backward: false,
    size: pageSize(args.first, options.max, options.fallback, 'first'),
    after: options.decode(args.after, 'after'),
  };
}

/**
 * Page info of a page in connection order. `more` says whether items lie beyond the page in the direction
 * it was read; the other side is known from the cursor read from (its own item lies there). `emptyCursor`
 * is what an empty page reports as its cursors (e.g. the cursor read from, so a reader can poll from it).
 */
export function pageInfoOf<C>(
  request: PageRequest<C>,
  cursors: readonly string[],
  more: boolean,
  emptyCursor: string | null = null,
): PageInfo {
  return {
    hasNextPage: request.backward ? request.before !== undefined : more,
    hasPreviousPage: request.backward ? more : request.after !== undefined,
    startCursor: cursors[0] ?? emptyCursor,
    endCursor: cursors[cursors.length - 1] ?? emptyCursor,
  };
}

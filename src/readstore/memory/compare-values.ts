/**
 * MongoDB's sort order over plain JavaScript values, so the in-memory store pages exactly like
 * the MongoDB store: values of different types order by type (null and missing first), values
 * of one type by value.
 */

// BSON comparison order of the types a JSON-like document can hold.
const enum TypeRank {
  Null = 1,
  Number = 2,
  String = 3,
  Object = 4,
  Array = 5,
  Boolean = 8,
  Date = 9,
  Other = 100,
}

function rankOf(value: unknown): TypeRank {
  if (value === null || value === undefined) return TypeRank.Null;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return TypeRank.Number;
    case 'string':
      return TypeRank.String;
    case 'boolean':
      return TypeRank.Boolean;
    case 'object':
      if (Array.isArray(value)) return TypeRank.Array;
      if (value instanceof Date) return TypeRank.Date;
      return TypeRank.Object;
    default:
      return TypeRank.Other;
  }
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in ascending order. */
export function compareValues(a: unknown, b: unknown): number {
  const rankA = rankOf(a);
  const rankB = rankOf(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case TypeRank.Null:
      return 0;
    case TypeRank.Number:
    case TypeRank.String:
      return a === b ? 0 : (a as number | string) < (b as number | string) ? -1 : 1;
    case TypeRank.Boolean:
      return Number(a) - Number(b);
    case TypeRank.Date:
      return (a as Date).getTime() - (b as Date).getTime();
    case TypeRank.Array:
      return compareArrays(a as unknown[], b as unknown[]);
    case TypeRank.Object:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    default:
      return 0;
  }
}

function compareArrays(a: readonly unknown[], b: readonly unknown[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

// MongoDB compares embedded documents field by field: name first, then value.
function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  const shared = Math.min(keysA.length, keysB.length);
  for (let i = 0; i < shared; i++) {
    const keyA = keysA[i] as string;
    const keyB = keysB[i] as string;
    const byValueType = rankOf(a[keyA]) - rankOf(b[keyB]);
    if (byValueType !== 0) return byValueType;
    if (keyA !== keyB) return keyA < keyB ? -1 : 1;
    const byValue = compareValues(a[keyA], b[keyB]);
    if (byValue !== 0) return byValue;
  }
  return keysA.length - keysB.length;
}

/** Compares two sort-key tuples under the given directions (1 ascending, -1 descending). */
export function compareTuples(a: readonly unknown[], b: readonly unknown[], directions: readonly (1 | -1)[]): number {
  for (let i = 0; i < directions.length; i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return order * (directions[i] as 1 | -1);
  }
  return 0;
}

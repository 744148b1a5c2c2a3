/**
 * Translates a keyset cursor into a native MongoDB filter: documents strictly after the cursor
 * in the (effective) sort order, as the `$or` of lexicographic comparisons on the sort keys.
 */
import type { Filter, Sort } from '../port';

/**
 * MongoDB's comparison operators only match values of the same type, so `{ f: { $gt: null } }`
 * matches nothing although every non-null value sorts after null: null cursor values (which
 * stand for null and missing alike) get their own clauses.
 */
function strictlyAfter(field: string, direction: 1 | -1, value: unknown): Filter | null {
  if (value === null) {
    return direction === 1 ? { [field]: { $ne: null } } : null;
  }
  return direction === 1 ? { [field]: { $gt: value } } : { $or: [{ [field]: { $lt: value } }, { [field]: null }] };
}

function equalTo(field: string, value: unknown): Filter {
  return { [field]: value === null ? null : { $eq: value } };
}

export function keysetFilter(sort: Sort, after: readonly unknown[]): Filter {
  const branches: Filter[] = [];
  const equalities: Filter[] = [];
  sort.forEach(([field, direction], i) => {
    const value = after[i] ?? null;
    const after_ = strictlyAfter(field, direction, value);
    if (after_ !== null) branches.push(equalities.length === 0 ? after_ : { $and: [...equalities, after_] });
    equalities.push(equalTo(field, value));
  });
  // Nothing can follow a cursor whose every key is already at the end of its order.
  return branches.length === 0 ? { _id: { $in: [] } } : { $or: branches };
}

export function withKeyset(filter: Filter | undefined, keyset: Filter | undefined): Filter {
  const parts = [filter, keyset].filter((part): part is Filter => part !== undefined && Object.keys(part).length > 0);
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0] as Filter;
  return { $and: parts };
}

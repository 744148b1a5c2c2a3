/**
 * Deep copy of document data (plain objects, arrays, dates, primitives), faster than structuredClone
 * for JSON-like documents: a projection updates a stored document in place only after copying it.
 */
export function copyDocument<T>(value: T): T {
  return copyValue(value) as T;
}

function copyValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyValue);
  if (value instanceof Date) return new Date(value.getTime());
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    copy[key] = copyValue((value as Record<string, unknown>)[key]);
  }
  return copy;
}

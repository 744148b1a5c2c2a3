/**
 * Deep freeze of document data. The memory store keeps the documents it is given and hands the same
 * objects to every reader: frozen, neither a writer nor a reader can change what the store holds, and
 * no read or write pays for a copy of a large summary.
 */
export function freezeDocument<T>(value: T): T {
  freezeValue(value);
  return value;
}

function freezeValue(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value) freezeValue(item);
    return;
  }
  for (const key of Object.keys(value)) freezeValue((value as Record<string, unknown>)[key]);
}

/** Stream-name arithmetic for prefix filters, in SQLite's BINARY (UTF-8 byte = code point) order. */

/** "case-123" → "case"; a name without '-' has no category. */
export function categoryOf(stream: string): string | null {
  const dash = stream.indexOf('-');
  return dash > 0 ? stream.slice(0, dash) : null;
}

/** "case-" → "case": a prefix that selects exactly one category; null for any other prefix. */
export function categoryOfPrefix(prefix: string): string | null {
  const dash = prefix.indexOf('-');
  return dash > 0 && dash === prefix.length - 1 ? prefix.slice(0, dash) : null;
}

/**
 * The smallest string greater than every string starting with `prefix`, so that
 * `stream >= prefix AND stream < upper` is exactly "starts with prefix"; null when unbounded.
 */
export function prefixUpperBound(prefix: string): string | null {
  const codePoints = Array.from(prefix);
  while (codePoints.length > 0) {
    const last = codePoints.pop() as string;
    let next = (last.codePointAt(0) as number) + 1;
    if (next === 0xd800) next = 0xe000;
    if (next <= 0x10ffff) return codePoints.join('') + String.fromCodePoint(next);
  }
  return null;
}

import { createSqliteEventStore } from '../../../src/eventstore/sqlite';
import { categoryOf, categoryOfPrefix, prefixUpperBound } from '../../../src/eventstore/sqlite/stream-names';
import type { NewEvent } from '../../../src/eventstore/port';

test('the category of a stream is the part before its first dash', () => {
  expect(categoryOf('case-1f-2')).toBe('case');
  expect(categoryOf('access-2025-01-02')).toBe('access');
  expect(categoryOf('nodash')).toBeNull();
  expect(categoryOf('-leading')).toBeNull();
});

test('only a prefix ending at the first dash selects a whole category', () => {
  expect(categoryOfPrefix('case-')).toBe('case');
  expect(categoryOfPrefix('case-1')).toBeNull();
  expect(categoryOfPrefix('case')).toBeNull();
  expect(categoryOfPrefix('-')).toBeNull();
});

test('the upper bound of a prefix is its last code point plus one, skipping surrogates and carrying past the maximum', () => {
  expect(prefixUpperBound('case-')).toBe('case.');
  expect(prefixUpperBound('a\u{d7ff}')).toBe('a\u{e000}');
  expect(prefixUpperBound('a\u{10ffff}')).toBe('b');
  expect(prefixUpperBound('\u{10ffff}')).toBeNull();
  expect(prefixUpperBound('')).toBeNull();
});

test('prefix filters are exact at the edges of the code point range', async () => {
  const store = createSqliteEventStore({ path: ':memory:' });
  const names = ['z\u{10ffff}-1', 'z\u{10ffff}', 'z\u{10ffff}\u{10ffff}', '\u{10ffff}x', 'z', 'za', '\u{d7ff}-1', '\u{e000}-1'];
  for (const [i, stream] of names.entries()) {
    const event: NewEvent = {
      id: `00000000-0000-4000-8000-00000000000${i}`,
      type: 'T',
      data: {},
      metadata: {
        actor: { id: 'a', role: 'r', name: 'n' },
        recordedAt: '2025-01-01T00:00:00Z',
        occurredAt: '2025-01-01T00:00:00Z',
        commandId: 'c',
        correlationId: 'c',
        causationId: null,
        schemaVersion: 1,
        prevHash: null,
        hash: 'h',
      },
    };
    await store.append(stream, [event], 'no_stream');
  }
  const streamsWith = async (streamPrefix: string): Promise<string[]> =>
    (await store.readAll({ filter: { streamPrefix } })).map((e) => e.stream);
  for (const prefix of ['z\u{10ffff}', '\u{10ffff}', '\u{d7ff}', 'z', 'z\u{10ffff}-']) {
    expect(await streamsWith(prefix)).toEqual(names.filter((n) => n.startsWith(prefix)));
  }
  await store.close();
});

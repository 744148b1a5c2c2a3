import { createHash } from 'node:crypto';
import { canonicalJson, eventIdFor, hashEvent, sealEvents, verifyChain, type UnsealedEvent } from '../../../src/eventstore/envelope';
import type { RecordedEvent } from '../../../src/eventstore/port';

const STREAM = 'case-3f1c';

function unsealed(i: number): UnsealedEvent {
  return {
    id: eventIdFor('cmd-1', i),
    type: i === 0 ? 'CaseOpened' : 'HarvestPerformed',
    data: { i, site: 'POSTERIOR_ILIAC_CREST', aspirateVolumeMl: 240.5, note: 'Ünïcödé 🦴' },
    metadata: {
      actor: { id: 'u-1', role: 'CLINICIAN', name: 'Dr. A' },
      recordedAt: '2025-03-01T10:00:00.000Z',
      occurredAt: '2025-03-01T09:55:00.000Z',
      commandId: 'cmd-1',
      correlationId: 'corr-1',
      causationId: null,
      schemaVersion: 1,
    },
  };
}

/** A stream of `count` sealed events as the store would return them. */
function recordedStream(count: number): RecordedEvent[] {
  const sealed = sealEvents({
    stream: STREAM,
    nextRevision: 0,
    prevHash: null,
    events: Array.from({ length: count }, (_, i) => unsealed(i)),
  });
  return sealed.map((e, i) => ({ ...e, stream: STREAM, revision: i, position: BigInt(100 + i) }));
}

describe('eventIdFor', () => {
  test('is deterministic for a command and index, distinct across indexes and commands', () => {
    expect(eventIdFor('cmd-1', 0)).toBe(eventIdFor('cmd-1', 0));
    const ids = new Set([0, 1, 2, 10].map((i) => eventIdFor('cmd-1', i)).concat(eventIdFor('cmd-2', 0), eventIdFor('cmd-1:1', 0)));
    expect(ids.size).toBe(6);
  });

  test('is a version 5 UUID', () => {
    expect(eventIdFor('cmd-1', 3)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('refuses an empty command id and a negative or fractional index', () => {
    expect(() => eventIdFor('', 0)).toThrow(RangeError);
    expect(() => eventIdFor('cmd', -1)).toThrow(RangeError);
    expect(() => eventIdFor('cmd', 1.5)).toThrow(RangeError);
  });
});

describe('canonicalJson', () => {
  test('sorts keys by UTF-16 code units and serialises numbers as ECMAScript does (RFC 8785)', () => {
    expect(canonicalJson({ b: 1, a: [0.1, 1e21, -0, 'é'], '\u20ac': 1, '\r': 2, '1': 3 })).toBe(
      '{"\\r":2,"1":3,"a":[0.1,1e+21,0,"é"],"b":1,"€":1}',
    );
  });

  test('is independent of key insertion order', () => {
    expect(canonicalJson({ x: { q: 1, p: 2 }, y: 0 })).toBe(canonicalJson({ y: 0, x: { p: 2, q: 1 } }));
  });

  test('refuses values JSON cannot represent', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ x: Infinity })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('hashEvent', () => {
  const [event] = recordedStream(1) as [RecordedEvent];

  test('is the sha256 of the canonical JSON of id, stream, revision, type, data and metadata without hash', () => {
    const { hash: _hash, ...metadata } = event.metadata;
    const expected = createHash('sha256')
      .update(canonicalJson({ id: event.id, stream: STREAM, revision: 0, type: event.type, data: event.data, metadata }))
      .digest('hex');
    expect(hashEvent(event)).toBe(expected);
    expect(event.metadata.hash).toBe(expected);
  });

  test('changes when any hashed field changes', () => {
    const base = hashEvent(event);
    expect(hashEvent({ ...event, id: eventIdFor('other', 0) })).not.toBe(base);
    expect(hashEvent({ ...event, stream: 'case-other' })).not.toBe(base);
    expect(hashEvent({ ...event, revision: 1 })).not.toBe(base);
    expect(hashEvent({ ...event, type: 'Other' })).not.toBe(base);
    expect(hashEvent({ ...event, data: { ...event.data, i: 1 } })).not.toBe(base);
    expect(hashEvent({ ...event, metadata: { ...event.metadata, occurredAt: '2025-03-01T09:56:00.000Z' } })).not.toBe(base);
    expect(hashEvent({ ...event, position: 999n } as RecordedEvent)).toBe(base);
  });
});

describe('sealEvents', () => {
  test('chains each event to the previous one, starting from the given hash', () => {
    const first = sealEvents({ stream: STREAM, nextRevision: 0, prevHash: null, events: [unsealed(0), unsealed(1)] });
    expect(first[0]?.metadata.prevHash).toBeNull();
    expect(first[1]?.metadata.prevHash).toBe(first[0]?.metadata.hash);

    const next = sealEvents({ stream: STREAM, nextRevision: 2, prevHash: first[1]?.metadata.hash ?? null, events: [unsealed(2)] });
    expect(next[0]?.metadata.prevHash).toBe(first[1]?.metadata.hash);
    const whole = [...first, ...next].map((e, i) => ({ ...e, stream: STREAM, revision: i, position: BigInt(i + 1) }));
    expect(verifyChain(whole)).toEqual({ valid: true, eventCount: 3, firstInvalidRevision: null, reason: null });
  });

  test('sealing in one batch or in two gives the same hashes', () => {
    const all = sealEvents({ stream: STREAM, nextRevision: 0, prevHash: null, events: [unsealed(0), unsealed(1)] });
    const [head] = sealEvents({ stream: STREAM, nextRevision: 0, prevHash: null, events: [unsealed(0)] });
    const [tail] = sealEvents({ stream: STREAM, nextRevision: 1, prevHash: head?.metadata.hash ?? null, events: [unsealed(1)] });
    expect([head?.metadata.hash, tail?.metadata.hash]).toEqual(all.map((e) => e.metadata.hash));
  });

  test('refuses a prevHash that does not fit the revision', () => {
    expect(() => sealEvents({ stream: STREAM, nextRevision: 0, prevHash: 'abc', events: [unsealed(0)] })).toThrow(RangeError);
    expect(() => sealEvents({ stream: STREAM, nextRevision: 3, prevHash: null, events: [unsealed(0)] })).toThrow(RangeError);
  });
});

describe('verifyChain', () => {
  test('accepts an intact stream and an empty one', () => {
    expect(verifyChain(recordedStream(5))).toEqual({ valid: true, eventCount: 5, firstInvalidRevision: null, reason: null });
    expect(verifyChain([])).toEqual({ valid: true, eventCount: 0, firstInvalidRevision: null, reason: null });
  });

  test('finds tampered data, without putting the data in the reason', () => {
    const events = recordedStream(5);
    (events[2] as RecordedEvent).data = { ...(events[2] as RecordedEvent).data, aspirateVolumeMl: 60 };
    const result = verifyChain(events);
    expect(result).toEqual({ valid: false, eventCount: 5, firstInvalidRevision: 2, reason: 'hash mismatch' });
  });

  test('finds tampered metadata', () => {
    const events = recordedStream(4);
    const target = events[1] as RecordedEvent;
    target.metadata = { ...target.metadata, actor: { ...target.metadata.actor, id: 'u-2' } };
    expect(verifyChain(events)).toMatchObject({ valid: false, firstInvalidRevision: 1, reason: 'hash mismatch' });
  });

  test('finds a tampered prevHash, and an event re-hashed after tampering by the link to its successor', () => {
    const relinked = recordedStream(4);
    (relinked[2] as RecordedEvent).metadata.prevHash = 'f'.repeat(64);
    expect(verifyChain(relinked)).toMatchObject({ valid: false, firstInvalidRevision: 2, reason: 'prevHash mismatch' });

    const rehashed = recordedStream(4);
    const target = rehashed[1] as RecordedEvent;
    target.data = { ...target.data, i: 42 };
    target.metadata.hash = hashEvent(target);
    expect(verifyChain(rehashed)).toMatchObject({ valid: false, firstInvalidRevision: 2, reason: 'prevHash mismatch' });
  });

  test('finds a deleted middle event as a revision gap', () => {
    const events = recordedStream(5);
    events.splice(3, 1);
    expect(verifyChain(events)).toEqual({
      valid: false,
      eventCount: 4,
      firstInvalidRevision: 3,
      reason: 'revision gap: expected 3, found 4',
    });
  });

  test('finds swapped events', () => {
    const events = recordedStream(5);
    [events[1], events[2]] = [events[2] as RecordedEvent, events[1] as RecordedEvent];
    expect(verifyChain(events)).toMatchObject({ valid: false, firstInvalidRevision: 1, reason: 'revision gap: expected 1, found 2' });
  });

  test('finds swapped events whose revisions were renumbered', () => {
    const events = recordedStream(5);
    [events[1], events[2]] = [events[2] as RecordedEvent, events[1] as RecordedEvent];
    events.forEach((e, i) => (e.revision = i));
    expect(verifyChain(events)).toMatchObject({ valid: false, firstInvalidRevision: 1, reason: 'prevHash mismatch' });
  });

  test('finds a tampered event id', () => {
    const events = recordedStream(3);
    (events[0] as RecordedEvent).id = eventIdFor('forged', 0);
    expect(verifyChain(events)).toMatchObject({ valid: false, firstInvalidRevision: 0, reason: 'hash mismatch' });
  });

  test('finds an event of another stream spliced in', () => {
    const events = recordedStream(3);
    (events[2] as RecordedEvent).stream = 'case-other';
    expect(verifyChain(events)).toMatchObject({ valid: false, firstInvalidRevision: 2, reason: 'stream mismatch' });
  });
});

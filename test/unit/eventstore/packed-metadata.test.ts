/** The catch-up worker's packed metadata: unpacked, exactly what parsing the stored text gives, field order included. */
import fc from 'fast-check';
import { packMetadata, unpackMetadata } from '../../../src/eventstore/sqlite/packed-metadata';

const text = fc.string({ maxLength: 40 });
const envelope = fc.record({
  actor: fc.oneof(fc.record({ id: text, role: text, name: text }), fc.record({ id: text, name: text, role: text })),
  recordedAt: text,
  occurredAt: text,
  commandId: text,
  correlationId: text,
  causationId: fc.option(text, { nil: null }),
  schemaVersion: fc.integer(),
  prevHash: fc.option(text, { nil: null }),
  hash: text,
});

const withoutHashOf = ({ hash: _hash, ...rest }: { hash: string }): object => rest;

const roundTrip = (json: string) => {
  const unpacked = unpackMetadata(packMetadata(json));
  expect(unpacked).toEqual(JSON.parse(json));
  expect(JSON.stringify(unpacked)).toBe(json); // same fields in the same order
};

describe('packed metadata', () => {
  it('packs an envelope metadata and unpacks it to what JSON.parse gives', () => {
    fc.assert(
      fc.property(envelope, (metadata) => {
        const json = JSON.stringify(metadata);
        expect(Array.isArray(packMetadata(json))).toBe(true);
        roundTrip(json);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves anything else as its text: extra, missing or reordered fields, other types', () => {
    fc.assert(
      fc.property(envelope, fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue(), { maxKeys: 3 }), (metadata, extra) => {
        for (const json of [
          JSON.stringify({ ...metadata, ...extra, traceparent: 'x' }),
          JSON.stringify({ hash: metadata.hash, ...withoutHashOf(metadata) }), // hash first
          JSON.stringify(withoutHashOf(metadata)),
          JSON.stringify({ ...metadata, actor: { ...metadata.actor, facility: 'F1' } }),
          JSON.stringify({ ...metadata, schemaVersion: String(metadata.schemaVersion) }),
          JSON.stringify({ ...metadata, hash: null }),
          JSON.stringify({ ...metadata, actor: null }),
          JSON.stringify({ ...metadata, actor: { name: metadata.actor.name, id: metadata.actor.id, role: metadata.actor.role } }),
        ]) {
          expect(typeof packMetadata(json)).toBe('string');
          roundTrip(json);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** The catch-up worker's packed metadata: unpacked, exactly what parsing the stored text gives, field order included. */
import fc from 'fast-check';
import { packMetadata, unpackMetadata } from '../../../src/eventstore/sqlite/packed-metadata';

const text = fc.string({ maxLength: 40 });
/** The envelope's metadata in the order it is stored: `facilityId` and `commandHash` each present or absent. */
const envelope = fc
  .record({
    actor: fc.oneof(fc.record({ id: text, role: text, name: text }), fc.record({ id: text, name: text, role: text })),
    recordedAt: text,
    occurredAt: text,
    commandId: text,
    correlationId: text,
    causationId: fc.option(text, { nil: null }),
    schemaVersion: fc.integer(),
    facilityId: fc.option(text, { nil: undefined }),
    commandHash: fc.option(text, { nil: undefined }),
    prevHash: fc.option(text, { nil: null }),
    hash: text,
  })
  .map((metadata) => {
    const stored: Record<string, unknown> = { ...metadata };
    for (const optional of ['facilityId', 'commandHash']) if (stored[optional] === undefined) delete stored[optional];
    return stored as typeof metadata;
  });

const withoutHashOf = ({ hash: _hash, ...rest }: { hash: string }): object => rest;
const withoutOptionalOf = ({ facilityId: _f, commandHash: _c, ...rest }: { facilityId?: string; commandHash?: string }): object => rest;
const withoutTailOf = ({ facilityId: _f, commandHash: _c, prevHash: _p, hash: _h, ...rest }: Record<string, unknown>): object => rest;

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
          JSON.stringify({ ...metadata, facilityId: null }),
          JSON.stringify({ ...metadata, commandHash: 7 }),
          JSON.stringify({ facilityId: 'F1', ...withoutOptionalOf(metadata) }), // facilityId first
          JSON.stringify({ ...withoutOptionalOf(metadata), facilityId: 'F1' }), // facilityId last
          JSON.stringify({
            ...withoutTailOf(metadata),
            commandHash: 'c',
            facilityId: 'F1',
            prevHash: metadata.prevHash,
            hash: metadata.hash,
          }),
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

/** The actor and recording-time conditions both adapters share: what counts as an instant, and the edges of a range. */
import { canonicalInstant, metadataFilterOf, metadataMatches } from '../../../src/eventstore/metadata-filter';

const at = (recordedAt: unknown, actorId = 'dr-1'): unknown => ({ actor: { id: actorId }, recordedAt });

describe('canonicalInstant', () => {
  test.each([
    ['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T12:00:00.5+02:00', '2026-03-01T10:00:00.500Z'],
    ['2026-03-01t10:00z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
  ])('%s is the instant %s', (text, canonical) => {
    expect(canonicalInstant(text)).toBe(canonical);
  });

  test.each([
    ['a time without a zone (the machine would pick one)', '2026-03-01T10:00:00'],
    ['free text', 'yesterday'],
    ['a year after 9999, whose text does not sort', '+010000-01-01T00:00:00Z'],
    ['a year before 0000', '-000001-01-01T00:00:00Z'],
    ['not a string', 1767225600000],
  ])('%s is not one', (_, value) => {
    expect(canonicalInstant(value)).toBeNull();
  });
});

describe('metadataFilterOf / metadataMatches', () => {
  test('bounds are inclusive and compare instants', () => {
    const filter = metadataFilterOf({ recordedFrom: '2026-03-01T12:00:00+02:00', recordedTo: '2026-03-01T10:05:00Z' });
    expect(metadataMatches(filter, at('2026-03-01T10:00:00.000Z'))).toBe(true);
    expect(metadataMatches(filter, at('2026-03-01T11:05:00+01:00'))).toBe(true);
    expect(metadataMatches(filter, at('2026-03-01T09:59:59.999Z'))).toBe(false);
    expect(metadataMatches(filter, at('2026-03-01T10:05:00.001Z'))).toBe(false);
  });

  test('a bound beyond the recordable years still asks for a readable time', () => {
    const filter = metadataFilterOf({ recordedFrom: '-000100-01-01T00:00:00Z', recordedTo: '+020000-01-01T00:00:00Z' });
    expect(metadataMatches(filter, at('2026-03-01T10:00:00.000Z'))).toBe(true);
    expect(metadataMatches(filter, at('not a time'))).toBe(false);
    expect(metadataFilterOf({ recordedFrom: '+020000-01-01T00:00:00Z' }).matchesNothing).toBe(true);
    expect(metadataFilterOf({ recordedTo: '-000100-01-01T00:00:00Z' }).matchesNothing).toBe(true);
  });

  test('from after to matches nothing; a malformed bound is refused, naming it', () => {
    const inverted = metadataFilterOf({ recordedFrom: '2026-03-02', recordedTo: '2026-03-01' });
    expect(inverted.matchesNothing).toBe(true);
    expect(metadataMatches(inverted, at('2026-03-01T12:00:00Z'))).toBe(false);
    expect(() => metadataFilterOf({ recordedTo: '2026-03-01T10:00:00' })).toThrow(
      new RangeError('recordedTo must be an ISO-8601 date or date-time with a zone'),
    );
  });

  test('the actor id must be exactly the one asked; metadata that is not an object matches only no condition', () => {
    const byActor = metadataFilterOf({ actorId: 'dr-1' });
    expect(metadataMatches(byActor, at('x', 'dr-1'))).toBe(true);
    expect(metadataMatches(byActor, at('x', 'DR-1'))).toBe(false);
    expect(metadataMatches(byActor, { recordedAt: 'x' })).toBe(false);
    expect(metadataMatches(byActor, null)).toBe(false);
    expect(metadataMatches(metadataFilterOf({}), null)).toBe(true);
  });
});

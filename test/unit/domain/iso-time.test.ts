import fc from 'fast-check';
import { formatIsoTime, isStoredForm, parseIsoTime } from '../../../src/domain/iso-time';

const sameAsDateParse = (iso: string): void => {
  const expected = Date.parse(iso);
  if (Number.isNaN(expected)) expect(parseIsoTime(iso)).toBeNaN();
  else expect(parseIsoTime(iso)).toBe(expected);
};

describe('parseIsoTime', () => {
  it('reads every time in the stored form as Date.parse does', () => {
    const yearZero = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
    fc.assert(
      fc.property(fc.integer({ min: yearZero, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(isStoredForm(iso)).toBe(true);
        expect(parseIsoTime(iso)).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date.parse on text that only looks like the stored form', () => {
    const digit = fc.constantFrom(...'0123456789');
    const noisy = fc.constantFrom(...'0123456789-T:.Z x+');
    const lookalike = fc
      .tuple(fc.array(digit, { minLength: 23, maxLength: 23 }), fc.array(fc.tuple(fc.nat(22), noisy), { maxLength: 2 }))
      .map(([chars, edits]) => {
        const text = [...chars];
        for (const [i, c] of [
          [4, '-'],
          [7, '-'],
          [10, 'T'],
          [13, ':'],
          [16, ':'],
          [19, '.'],
        ] as const)
          text[i] = c;
        for (const [i, c] of edits) text[i] = c;
        return `${text.join('')}Z`;
      });
    fc.assert(fc.property(lookalike, sameAsDateParse), { numRuns: 5000 });
  });

  it('agrees with Date.parse on the edge cases it leaves to it', () => {
    for (const iso of [
      '2024-02-31T00:00:00.000Z', // rolls over into March, as Date.parse does
      '2024-01-01T24:00:00.000Z',
      '2024-13-01T00:00:00.000Z',
      '2024-01-00T00:00:00.000Z',
      '2024-01-01T23:60:00.000Z',
      '0050-06-01T12:00:00.000Z',
      '+012024-01-01T00:00:00.000Z',
      '2024-01-01T10:00:00.000+02:00',
      '2024-01-01',
      'not a time',
    ]) {
      sameAsDateParse(iso);
    }
  });
});

describe('formatIsoTime', () => {
  it('writes what toISOString writes, for any instant', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), fc.integer({ min: -8.64e15, max: 8.64e15 })),
        (ms) => expect(formatIsoTime(ms)).toBe(new Date(ms).toISOString()),
      ),
      { numRuns: 5000 },
    );
    const yearZero = -62_167_219_200_000;
    for (const ms of [0, -1, yearZero, yearZero - 1, 253_402_300_799_999, 253_402_300_800_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999)]) {
      expect(formatIsoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('is read back by parseIsoTime', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) =>
        expect(parseIsoTime(formatIsoTime(ms))).toBe(ms),
      ),
      { numRuns: 2000 },
    );
  });
});

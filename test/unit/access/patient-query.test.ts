/** Name keys and the patient-search filter: what a name search matches, and that it never leaves the caller's facilities. */
import { Query } from 'mingo';
import { nameKeysOf } from '../../../projections/patient-summary';
import { patientSearchFilter } from '../../../src/access/patient-query';

const patient = (facilityId: string, givenName: string, familyName: string, mrn = 'M1') => ({
  facilityId,
  mrn,
  givenName,
  familyName,
  nameKeys: nameKeysOf(givenName, familyName),
});
const some = (...facilities: string[]) => ({ kind: 'some' as const, facilities });
const matches = (filter: Record<string, unknown>, doc: Record<string, unknown>) => new Query(filter).test(doc);

describe('patient search', () => {
  it('matches the start of either name or of the full name in either order, folding case, width and spaces', () => {
    const p = patient('F1', 'Élise', 'Müller-Lüdenscheidt');
    for (const name of ['él', 'ÉLISE', 'mül', 'müller-l', 'élise  mü', 'müller-lüdenscheidt él', 'ＭÜＬ'])
      expect([name, matches(patientSearchFilter(some('F1'), { name }), p)]).toEqual([name, true]);
    for (const name of ['lise', 'ller', 'elise', 'élise x', 'm'])
      expect([name, matches(patientSearchFilter(some('F1'), { name }), p)]).toEqual([name, false]);
  });

  it('keeps starts of 2 to 40 characters, counted by code point', () => {
    const keys = nameKeysOf('𠮷野家', 'X'.repeat(60)); // 𠮷 is one code point, two UTF-16 units
    expect(keys).toContain('𠮷野');
    expect(keys).not.toContain('𠮷');
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(keys.filter((k) => loneSurrogate.test(k))).toEqual([]);
    expect(Math.max(...keys.map((k) => [...k].length))).toBe(40);
  });

  it('matches an MRN exactly, and only within the caller’s facilities', () => {
    const p = patient('F1', 'Ada', 'Example', 'MRN-7');
    expect(matches(patientSearchFilter(some('F1'), { mrn: 'MRN-7' }), p)).toBe(true);
    expect(matches(patientSearchFilter(some('F1'), { mrn: 'MRN-' }), p)).toBe(false);
    expect(matches(patientSearchFilter(some('F2'), { mrn: 'MRN-7' }), p)).toBe(false);
    expect(matches(patientSearchFilter(some('F2'), { mrn: 'MRN-7', facilityId: 'F1' }), p)).toBe(false);
    expect(matches(patientSearchFilter({ kind: 'all' }, { mrn: 'MRN-7' }), p)).toBe(true);
  });
});

/** Which facility an event is of: what it names, else where an older event was written. */
import { facilityNamedByFirstEvent, facilityOf, facilityOriginOf } from '../../../src/eventstore/event-facility';

const firstEvents: Record<string, { stream: string; revision: number; type: string; data: unknown; metadata: unknown }> = {
  'case-c1': { stream: 'case-c1', revision: 0, type: 'CaseOpened', data: { caseId: 'c1', facilityId: 'F1' }, metadata: {} },
  'patient-p2': { stream: 'patient-p2', revision: 0, type: 'PatientRegistered', data: { facilityId: 'F2' }, metadata: {} },
  // A first event that names its facility in its metadata: that one counts, whatever its data says.
  'case-c3': { stream: 'case-c3', revision: 0, type: 'CaseOpened', data: { facilityId: 'F1' }, metadata: { facilityId: 'F3' } },
};
const facilityOfStream = (stream: string): string | null => {
  const first = firstEvents[stream];
  return first ? facilityNamedByFirstEvent(first) : null;
};
const facility = (stream: string, revision: number, type: string, data: unknown, metadata: unknown = {}): string | null =>
  facilityOf({ stream, revision, type, data, metadata }, facilityOfStream);

describe('the facility of an event', () => {
  test('is the one its metadata names, wherever it was written', () => {
    expect(facility('case-c1', 4, 'InjectionGiven', {}, { facilityId: 'F9' })).toBe('F9');
    expect(facility('access-2026-03-01', 0, 'PatientDataAccessed', { caseId: 'c1' }, { facilityId: 'F2' })).toBe('F2');
    expect(facility('anything', 0, 'Other', {}, { facilityId: 'F4' })).toBe('F4');
  });

  test('of an older case or patient event: the one the first event of its stream names', () => {
    expect(facility('case-c1', 0, 'CaseOpened', { facilityId: 'F1' })).toBe('F1');
    expect(facility('case-c1', 3, 'HarvestPerformed', { site: 'ILIAC' })).toBe('F1');
    // Data of a later event naming another facility does not move it.
    expect(facility('patient-p2', 1, 'PatientDetailsCorrected', { facilityId: 'F1' })).toBe('F2');
    expect(facility('case-c3', 2, 'InjectionGiven', {})).toBe('F3');
    expect(facility('case-unknown', 1, 'InjectionGiven', {})).toBeNull();
  });

  test("of an older access record: its case's, else its patient's", () => {
    expect(facility('access-2026-03-01', 3, 'PatientDataAccessed', { caseId: 'c1', patientId: 'p2' })).toBe('F1');
    expect(facility('access-2026-03-01', 3, 'PatientDataAccessed', { caseId: null, patientId: 'p2' })).toBe('F2');
    expect(facility('access-2026-03-01', 3, 'PatientDataAccessed', { caseId: null, patientId: null })).toBeNull();
    expect(facility('access-2026-03-01', 3, 'PatientDataAccessed', { caseId: 'gone', patientId: 'p2' })).toBeNull();
  });

  test('otherwise none: other streams, other types in access streams, metadata or data that are not what they should be', () => {
    expect(facility('other-1', 0, 'CaseOpened', { facilityId: 'F1' })).toBeNull();
    expect(facility('access-2026-03-01', 0, 'CaseOpened', { facilityId: 'F1', caseId: 'c1' })).toBeNull();
    expect(facility('case-c9', 0, 'CaseOpened', { facilityId: 7 })).toBeNull();
    expect(facility('case-c1', 1, 'Noted', {}, { facilityId: null })).toBe('F1');
    expect(facility('case-c9', 0, 'CaseOpened', null, null)).toBeNull();
    expect(facility('case-c9', 0, 'CaseOpened', ['F1'], 'F1')).toBeNull();
  });

  test('a reference leads to a case or patient stream, whose first event is placed by itself', () => {
    expect(facilityOriginOf({ stream: 'access-x', type: 'PatientDataAccessed', data: { caseId: 'c1' }, metadata: {} })).toEqual({
      facility: null,
      firstOf: 'case-c1',
    });
    expect(facilityOriginOf({ stream: 'patient-p2', type: 'Noted', data: {}, metadata: {} })).toEqual({
      facility: null,
      firstOf: 'patient-p2',
    });
    // The first event of an access stream refers elsewhere: nothing refers to it, and it names no facility itself.
    expect(
      facilityNamedByFirstEvent({ stream: 'access-x', revision: 0, type: 'PatientDataAccessed', data: { caseId: 'c1' }, metadata: {} }),
    ).toBeNull();
  });
});

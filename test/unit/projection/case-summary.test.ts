/** Projection specs: given events, then the documents. */
import { caseSummaryOf, caseSummaryProjection } from '../../../projections/case-summary';
import { patientSummaryProjection } from '../../../projections/patient-summary';
import { DEFAULT_COMPLIANCE_CONFIG } from '../../../src/compliance';
import type { RecordedEvent } from '../../../src/eventstore/port';
import { caseOpenedData } from '../../support/recorded-events';

let position = 0n;
function recorded(
  stream: string,
  revision: number,
  type: string,
  data: Record<string, unknown>,
  times: { occurredAt?: string; recordedAt?: string } = {},
): RecordedEvent {
  const recordedAt = times.recordedAt ?? '2026-05-01T10:00:00.000Z';
  return {
    id: `${stream}-${revision}`,
    stream,
    revision,
    position: ++position,
    type,
    data,
    metadata: {
      actor: { id: 'dr-1', name: 'Dr One', role: 'CLINICIAN' },
      recordedAt,
      occurredAt: times.occurredAt ?? recordedAt,
      commandId: `c-${revision}`,
      correlationId: 'r',
      causationId: null,
      schemaVersion: 1,
      prevHash: null,
      hash: 'h',
    },
  };
}

const doppler = {
  leg: 'LEFT',
  brachialLeftMmHg: 130,
  brachialRightMmHg: 120,
  dorsalisPedisMmHg: 52,
  posteriorTibialMmHg: 40,
  anteriorTibialMmHg: null,
  toePressureMmHg: null,
  abi: 0.4,
  computedAbi: 0.4,
  abiSource: 'COMPUTED',
};

describe('case-summary projection', () => {
  const s = 'case-c1';
  const events = [
    recorded(s, 0, 'CaseOpened', caseOpenedData('c1')),
    recorded(s, 1, 'DopplerAssessmentRecorded', doppler, { occurredAt: '2026-02-01T09:00:00.000Z' }),
    recorded(s, 2, 'HarvestPerformed', {
      site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE',
      sides: 'BILATERAL',
      aspirateVolumeMl: 240,
      needle: 'Jamshidi 11G',
    }),
    recorded(
      s,
      3,
      'EntryAmended',
      { targetEventId: `${s}-2`, targetType: 'HarvestPerformed', reason: 'volume misread', changes: { aspirateVolumeMl: 200 } },
      { recordedAt: '2026-05-02T10:00:00.000Z' },
    ),
    recorded(s, 4, 'EntryAmended', {
      targetEventId: `${s}-1`,
      targetType: 'DopplerAssessmentRecorded',
      reason: 'pressure transposed',
      changes: { dorsalisPedisMmHg: 65 },
    }),
  ];

  it('folds every entry with its facts, applies amendments and keeps the original values readable', () => {
    const summary = caseSummaryOf(events, DEFAULT_COMPLIANCE_CONFIG)!;
    expect(summary).toMatchObject({ _id: 'c1', id: 'c1', status: 'OPEN', legs: ['LEFT'], revision: 4, facilityId: 'F1' });
    expect(summary.harvest).toMatchObject({
      eventId: `${s}-2`,
      aspirateVolumeMl: 200,
      needle: 'Jamshidi 11G',
      operator: { id: 'dr-1' },
      amendedBy: [`${s}-3`],
    });
    expect(summary.amendments[0]).toMatchObject({
      targetEventId: `${s}-2`,
      reason: 'volume misread',
      changes: { aspirateVolumeMl: 200 },
      previous: { aspirateVolumeMl: 240 },
      recordedAt: '2026-05-02T10:00:00.000Z',
    });
    // corrected pressures give a new computed ABI, which the undocumented ABI follows
    expect(summary.dopplerAssessments[0]).toMatchObject({ dorsalisPedisMmHg: 65, computedAbi: 0.5, abi: 0.5 });
    expect(summary.dopplerAssessments[0]!.lateEntry).toBe(true); // recorded three months after it occurred
    expect(summary.compliance.complete).toBe(false);
  });

  it('marks an entry late once it is recorded more than a day after it occurred, whatever form its time is in', () => {
    const lateness = (occurredAt: string, recordedAt: string): boolean => {
      const opened = recorded('case-c2', 0, 'CaseOpened', caseOpenedData('c2'));
      const entry = recorded('case-c2', 1, 'DopplerAssessmentRecorded', doppler, { occurredAt, recordedAt });
      return caseSummaryOf([opened, entry], DEFAULT_COMPLIANCE_CONFIG)!.dopplerAssessments[0]!.lateEntry;
    };
    expect(lateness('2026-05-01T00:00:00.000Z', '2026-05-01T23:59:59.999Z')).toBe(false); // same day
    expect(lateness('2026-05-01T23:00:00.000Z', '2026-05-02T22:59:00.000Z')).toBe(false); // next day, within 24 h
    expect(lateness('2026-05-01T23:00:00.000Z', '2026-05-02T23:00:00.001Z')).toBe(true);
    expect(lateness('2026-05-01T09:00:00.000Z', '2026-05-01T08:00:00.000Z')).toBe(false); // recorded "before": a clock skew, not late
    // a time given with an offset is the same instant: 2026-05-01T20:00Z, recorded a day and a minute later
    expect(lateness('2026-05-02T01:30:00.000+05:30', '2026-05-02T20:01:00.000Z')).toBe(true);
    expect(lateness('2026-05-02T01:30:00.000+05:30', '2026-05-02T19:59:00.000Z')).toBe(false);
  });

  it('keeps entries in clinical order when they are recorded out of order', () => {
    const opened = recorded('case-c3', 0, 'CaseOpened', caseOpenedData('c3'));
    const at = (revision: number, occurredAt: string) =>
      recorded('case-c3', revision, 'DopplerAssessmentRecorded', doppler, { occurredAt, recordedAt: '2026-05-03T10:00:00.000Z' });
    const summary = caseSummaryOf(
      [
        opened,
        at(1, '2026-05-02T10:00:00.000Z'),
        at(2, '2026-05-01T10:00:00.000Z'),
        at(3, '2026-05-02T12:00:00.000+05:00'), // 07:00Z on the 2nd: between the two
      ],
      DEFAULT_COMPLIANCE_CONFIG,
    )!;
    expect(summary.dopplerAssessments.map((d) => d.eventId)).toEqual(['case-c3-2', 'case-c3-3', 'case-c3-1']);
  });

  it('leaves the events it folds unchanged, unless they are handed over (as the runner does)', () => {
    const before = structuredClone(events);
    caseSummaryOf(events, DEFAULT_COMPLIANCE_CONFIG);
    expect(events).toEqual(before);
    const handed = structuredClone(events);
    const projection = caseSummaryProjection();
    let doc = null;
    for (const event of handed) doc = projection.evolve(doc, event);
    // the Doppler event's payload object became its entry (an amendment then put a corrected entry in its place)
    expect(handed[1]!.data).toMatchObject({ eventId: `${s}-1`, recordedBy: { id: 'dr-1' } });
    expect(doc!.dopplerAssessments[0]).toEqual(caseSummaryOf(events, DEFAULT_COMPLIANCE_CONFIG)!.dopplerAssessments[0]);
  });

  it('is the same document whether folded at once or event by event through the projection', () => {
    const projection = caseSummaryProjection();
    let doc = null;
    for (const event of structuredClone(events)) doc = projection.evolve(doc, event);
    expect(projection.derive!(doc!)).toEqual(caseSummaryOf(events, DEFAULT_COMPLIANCE_CONFIG));
  });

  it('ignores events before the case is opened, and events of other streams', () => {
    const projection = caseSummaryProjection();
    expect(projection.evolve(null, events[2]!)).toBeNull();
    expect(projection.key(recorded('patient-p1', 0, 'PatientRegistered', {}))).toBeNull();
    expect(projection.key(events[0]!)).toBe('c1');
  });

  it('closes the case with its reason and clinical time', () => {
    const summary = caseSummaryOf(
      [...events, recorded(s, 5, 'CaseClosed', { reason: 'DECEASED' }, { occurredAt: '2026-05-03T00:00:00.000Z' })],
      DEFAULT_COMPLIANCE_CONFIG,
    )!;
    expect(summary).toMatchObject({ status: 'CLOSED', closeReason: 'DECEASED', closedAt: '2026-05-03T00:00:00.000Z' });
  });
});

describe('patient-summary projection', () => {
  it('holds the registered patient', () => {
    const data = {
      patientId: 'p1',
      facilityId: 'F1',
      mrn: 'M1',
      givenName: 'Ada',
      familyName: 'Example',
      birthDate: '1948-05-17',
      sex: 'FEMALE',
    };
    const doc = patientSummaryProjection.evolve(null, recorded('patient-p1', 0, 'PatientRegistered', data));
    expect(doc).toMatchObject({ _id: 'p1', id: 'p1', ...data, registeredBy: 'dr-1' });
    expect(patientSummaryProjection.key(recorded('patient-p1', 0, 'PatientRegistered', data))).toBe('p1');
  });
});

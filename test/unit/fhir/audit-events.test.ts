/** The access log's records of a case as FHIR AuditEvents. */
import type { AccessEntry } from '../../../src/audit/access-log-reader';
import { auditEventBundle, auditEventOf } from '../../../src/fhir/audit-events';

const entry = (patch: Partial<AccessEntry>): AccessEntry => ({
  eventId: 'evt-access-1',
  actor: { id: 'aud-1', name: 'Ann Auditor', role: 'AUDITOR' },
  operation: 'fhirExport',
  patientId: 'patient-1',
  caseId: 'case-1',
  facilityId: 'F1',
  outcome: 'OK',
  correlationId: 'corr-1',
  accessedAt: '2026-01-05T10:00:00.000Z',
  cursor: { day: '2026-01-05', revision: 0 },
  ...patch,
});

describe('AuditEvents of a case', () => {
  it('says who read which patient and case, by which operation, when, and with what outcome', () => {
    const event = auditEventOf(entry({}));
    expect(event).toMatchObject({
      resourceType: 'AuditEvent',
      action: 'R',
      recorded: '2026-01-05T10:00:00.000Z',
      outcome: '0',
      agent: [{ who: { identifier: { value: 'aud-1' }, display: 'Ann Auditor' }, requestor: true, role: [{ text: 'AUDITOR' }] }],
    });
    expect(event.entity?.map((e) => [e.what?.identifier?.value, e.role?.display])).toEqual([
      ['patient-1', 'Patient'],
      ['case-1', 'Domain Resource'],
    ]);
    expect(event.entity?.[1]?.detail).toEqual([{ type: 'operation', valueString: 'fhirExport' }]);
  });

  it('marks a read answered as not found, or that failed, as a failure', () => {
    expect(auditEventOf(entry({ outcome: 'NOT_FOUND', patientId: null }))).toMatchObject({
      outcome: '4',
      outcomeDesc: 'answered as not found',
    });
    expect(auditEventOf(entry({ outcome: 'ERROR' })).outcome).toBe('8');
    expect(auditEventOf(entry({ outcome: 'NOT_FOUND', patientId: null })).entity).toHaveLength(1);
  });

  it('collects them oldest first in a collection with one deterministic id per event', () => {
    const bundle = auditEventBundle('case-1', [entry({}), entry({ eventId: 'evt-access-2', accessedAt: '2026-01-06T08:00:00.000Z' })]);
    expect(bundle).toMatchObject({ type: 'collection', timestamp: '2026-01-06T08:00:00.000Z' });
    const ids = (bundle.entry ?? []).map((e) => e.resource?.id);
    expect(new Set(ids).size).toBe(2);
    expect(auditEventBundle('case-1', [entry({})]).entry?.[0]?.resource?.id).toBe(ids[0]);
  });
});

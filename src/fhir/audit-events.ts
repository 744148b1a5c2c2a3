/**
 * The reads and exports of a case as FHIR AuditEvents (for auditors, in a bundle of their own): who read
 * which case or patient, by which operation, when, and with what outcome. Ids only, as in the access log.
 */
import type { AuditEvent, Bundle } from 'fhir/r4';
import type { AccessEntry } from '../audit/access-log-reader';
import type { AccessOutcome } from '../audit/access-log';
import { SYSTEMS, coding } from './codes';
import { fullUrlOf, resourceId } from './ids';
import { narrative } from './narrative';
import { personReference } from './people';

/** AuditEvent outcome codes: 0 success, 4 minor failure (refused or not found), 8 serious failure. */
const OUTCOME: Record<AccessOutcome, NonNullable<AuditEvent['outcome']>> = { OK: '0', NOT_FOUND: '4', FORBIDDEN: '4', ERROR: '8' };

export function auditEventOf(entry: AccessEntry): AuditEvent {
  const entity: NonNullable<AuditEvent['entity']> = [];
  if (entry.patientId !== null)
    entity.push({
      what: { identifier: { value: entry.patientId }, display: 'patient' },
      type: coding(SYSTEMS.auditEntityType, '1', 'Person'),
      role: coding(SYSTEMS.objectRole, '1', 'Patient'),
    });
  if (entry.caseId !== null)
    entity.push({
      what: { identifier: { value: entry.caseId }, display: 'case' },
      type: coding(SYSTEMS.auditEntityType, '2', 'System Object'),
      role: coding(SYSTEMS.objectRole, '4', 'Domain Resource'),
      detail: [{ type: 'operation', valueString: entry.operation }],
    });
  return {
    resourceType: 'AuditEvent',
    id: resourceId(entry.eventId, 'audit-event'),
    text: narrative(`${entry.operation} by ${entry.actor.name} (${entry.actor.role}) at ${entry.accessedAt}: ${entry.outcome}`),
    type: coding(SYSTEMS.auditEventType, 'rest', 'RESTful Operation'),
    subtype: [coding(SYSTEMS.restfulInteraction, 'read', 'read')],
    action: 'R',
    recorded: entry.accessedAt,
    outcome: OUTCOME[entry.outcome],
    ...(entry.outcome === 'OK'
      ? {}
      : { outcomeDesc: entry.outcome === 'NOT_FOUND' ? 'answered as not found' : entry.outcome.toLowerCase() }),
    agent: [{ who: personReference(entry.actor), requestor: true, role: [{ text: entry.actor.role }] }],
    source: { observer: { display: 'celltrail' }, type: [coding(SYSTEMS.auditSourceType, '4', 'Application Server')] },
    ...(entity.length > 0 ? { entity } : {}),
  };
}

/** The case's access records, oldest first, as a collection of AuditEvents. */
export function auditEventBundle(caseId: string, entries: readonly AccessEntry[]): Bundle {
  const last = entries[entries.length - 1];
  return {
    resourceType: 'Bundle',
    id: resourceId(caseId, 'audit-events', last?.eventId ?? 'none'),
    type: 'collection',
    ...(last ? { timestamp: last.accessedAt } : {}),
    entry: entries.map(auditEventOf).map((resource) => ({ fullUrl: fullUrlOf(resource.id ?? ''), resource })),
  };
}

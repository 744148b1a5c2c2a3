/**
 * A case as a FHIR R4 Bundle of type `collection`: the Patient, the diagnosis, the CPT-coded therapy and its
 * steps, the observations, and Provenance for every entry, amendment and signature. A pure function of the
 * case's events (cut at a moment for an export as of then) and the patient's registration: the same events
 * give the same bundle, byte for byte. `collection` rather than `document`: a document needs a Composition
 * attested as a whole, while a case is a growing set of separately recorded and signed entries.
 */
import type { Bundle, FhirResource, Procedure, Reference } from 'fhir/r4';
import { supportedCodes, type SupportedCode } from '../compliance';
import { applyCaseEvent, caseRecordOf, type CaseRecord, type CaseRecordEvent } from '../domain/case-record';
import type { PatientRegistered } from '../domain/events';
import type { Leg } from '../domain/values';
import type { Actor } from '../eventstore/port';
import { conditionResources, principalConditionId } from './condition';
import type { MapContext, Version } from './context';
import { fullUrlOf, referenceTo, resourceId } from './ids';
import { dopplerObservations, outcomeObservations } from './observations';
import { patientId, patientResource } from './patient';
import {
  angiographyResources,
  concentrationResources,
  harvestResources,
  injectionResources,
  therapyId,
  therapyProcedure,
} from './procedures';
import { amendmentProvenance, entryProvenance, signatureProvenance } from './provenance';

export interface PatientRegistration {
  eventId: string;
  data: PatientRegistered;
  recordedAt: string;
  occurredAt: string;
  actor: Actor;
}

export interface CaseFhirInput {
  /** The case stream in revision order, up to the moment exported. */
  caseEvents: readonly CaseRecordEvent[];
  patient: PatientRegistration;
}

type Mapped = FhirResource[];

/** What an entry of a record maps to, for one version of it; null when the record has no such entry. */
function mapEntry(
  record: CaseRecord,
  eventId: string,
  ctx: MapContext,
  opening: { recordedBy: Actor },
): { resources: Mapped; what: string; performer: Actor | null } | null {
  if (record.openedEventId === eventId)
    return {
      resources: conditionResources(ctx, record, { eventId, recordedBy: opening.recordedBy }),
      what: 'Case opened with its diagnosis',
      performer: null,
    };
  const doppler = record.dopplerAssessments.find((e) => e.eventId === eventId);
  if (doppler) return { resources: dopplerObservations(ctx, doppler), what: 'Doppler assessment', performer: null };
  const angiography = record.angiographies.find((e) => e.eventId === eventId);
  if (angiography) return { resources: angiographyResources(ctx, angiography), what: 'Angiography', performer: null };
  if (record.harvest?.eventId === eventId)
    return {
      resources: harvestResources(ctx, record.harvest),
      what: 'Bone marrow harvest',
      performer: record.harvest.operator,
    };
  if (record.concentration?.eventId === eventId)
    return {
      resources: concentrationResources(ctx, record.concentration),
      what: 'Cell concentration',
      performer: null,
    };
  const injection = record.injections.find((e) => e.eventId === eventId);
  if (injection) return { resources: injectionResources(ctx, injection), what: 'Injections', performer: injection.performer };
  const outcome = record.outcomes.find((e) => e.eventId === eventId);
  if (outcome) return { resources: outcomeObservations(ctx, outcome), what: 'Follow-up outcome', performer: null };
  return null;
}

/** The clinical time span of the steps a code covers. */
function therapySpan(record: CaseRecord, code: SupportedCode): { start: string; end: string } | null {
  const times: string[] = [];
  if (record.harvest && code.code !== '0264T') times.push(record.harvest.occurredAt);
  if (record.concentration && code.code !== '0265T') times.push(record.concentration.occurredAt);
  if (code.leg !== null) for (const i of record.injections) if (i.leg === code.leg) times.push(i.occurredAt);
  if (times.length === 0) return null;
  times.sort((a, b) => Date.parse(a) - Date.parse(b));
  return { start: times[0] ?? '', end: times[times.length - 1] ?? '' };
}

/** The case's bundle; null when the events hold no opened case. */
export function caseFhirBundle(input: CaseFhirInput): Bundle | null {
  const { caseEvents } = input;
  const record = caseRecordOf(caseEvents);
  if (!record) return null;
  const opening = caseEvents.find((e) => e.id === record.openedEventId);
  const openedBy = opening?.metadata.actor ?? { id: 'unknown', name: 'unknown', role: 'unknown' };
  const patient = referenceTo(patientId(input.patient.eventId));
  const condition = referenceTo(principalConditionId(record.openedEventId));

  const codes = supportedCodes(record);
  const therapies = codes.flatMap((code) => {
    const span = therapySpan(record, code);
    if (!span) return [];
    const performer =
      code.leg === null ? (record.harvest?.operator ?? null) : (record.injections.find((i) => i.leg === code.leg)?.performer ?? null);
    return [{ code, procedure: therapyProcedure(code, { openedEventId: record.openedEventId, patient, condition, ...span, performer }) }];
  });
  const refsOf = (keep: (code: SupportedCode) => boolean): Reference[] =>
    therapies.filter((t) => keep(t.code)).map((t) => referenceTo(therapyId(record.openedEventId, t.code)));
  const contextOf = (version: Version): MapContext => ({
    patient,
    condition,
    version,
    therapies: {
      harvest: refsOf((c) => c.code !== '0264T'),
      concentration: refsOf((c) => c.code !== '0265T'),
      injection: (leg: Leg) => refsOf((c) => c.leg === leg),
    },
  });

  const current: FhirResource[] = [];
  const replaced: FhirResource[] = [];
  const provenance: FhirResource[] = [];
  const idsOf = (resources: Mapped): string[] => resources.map((r) => r.id ?? '');

  // Every entry event in stream order, with the versions its amendments left behind.
  const amendmentsOf = (eventId: string) => record.amendments.filter((a) => a.targetEventId === eventId);
  // What each amendment replaced: the entry as it stood just before it, mapped during one more fold (the
  // record's entries are replaced, never changed, so the record at that point is the version it replaced).
  const replacedBy = new Map<string, Mapped>();
  let folding: CaseRecord | null = null;
  for (const event of caseEvents) {
    if (event.type === 'EntryAmended' && folding) {
      const target = String(event.data.targetEventId);
      const mapped = mapEntry(folding, target, contextOf({ kind: 'replaced', byAmendment: event.id }), { recordedBy: openedBy });
      replacedBy.set(event.id, mapped?.resources ?? []);
    }
    folding = applyCaseEvent(folding, event);
  }
  for (const event of caseEvents) {
    const amendments = amendmentsOf(event.id);
    const now = mapEntry(record, event.id, contextOf({ kind: 'current', amended: amendments.length > 0 }), { recordedBy: openedBy });
    if (!now) continue;
    current.push(...now.resources);
    // Version i: the entry as it stood before amendment i.
    const versions: Mapped[] = amendments.map((amendment) => replacedBy.get(amendment.eventId) ?? []);
    for (const version of versions) replaced.push(...version);
    const chain = [...versions, now.resources];
    provenance.push(
      entryProvenance({
        eventId: event.id,
        targets: idsOf(chain[0] ?? []),
        occurredAt: event.metadata.occurredAt,
        recordedAt: event.metadata.recordedAt,
        recordedBy: event.metadata.actor,
        performer: now.performer,
        what: now.what,
      }),
    );
    amendments.forEach((amendment, i) =>
      provenance.push(
        amendmentProvenance({
          eventId: amendment.eventId,
          targets: idsOf(chain[i + 1] ?? []),
          replaced: idsOf(chain[i] ?? []),
          reason: amendment.reason,
          recordedAt: amendment.recordedAt,
          actor: amendment.actor,
        }),
      ),
    );
  }

  // A signature attests the procedure: the coded therapy and its steps (the diagnosis when nothing was done yet).
  const procedures = [...therapies.map((t) => t.procedure), ...current.filter((r): r is Procedure => r.resourceType === 'Procedure')];
  const attested = procedures.length > 0 ? idsOf(procedures) : [principalConditionId(record.openedEventId)];
  for (const signature of record.signatures)
    provenance.push(
      signatureProvenance({
        eventId: signature.eventId,
        targets: attested,
        signer: { id: signature.signerId, name: signature.signerName },
        meaning: signature.meaning,
        signedAt: signature.signedAt,
        attestedAt: signature.attestedAt,
      }),
    );

  const registration = input.patient;
  const patientEntry = patientResource(registration.eventId, registration.data);
  provenance.unshift(
    entryProvenance({
      eventId: registration.eventId,
      targets: [patientEntry.id ?? ''],
      occurredAt: registration.occurredAt,
      recordedAt: registration.recordedAt,
      recordedBy: registration.actor,
      what: 'Patient registered',
    }),
  );

  const last = caseEvents[caseEvents.length - 1];
  const resources: FhirResource[] = [patientEntry, ...therapies.map((t) => t.procedure), ...current, ...replaced, ...provenance];
  return {
    resourceType: 'Bundle',
    // The same case at the same revision is the same bundle.
    id: resourceId(last?.id ?? record.openedEventId, 'bundle'),
    meta: { lastUpdated: record.updatedAt },
    type: 'collection',
    timestamp: record.updatedAt,
    entry: resources.map((resource) => ({ fullUrl: fullUrlOf(resource.id ?? ''), resource })),
  };
}

/**
 * Provenance: one per entry (who recorded it, when, and when it happened), one per amendment (who changed
 * it, when, why, pointing at the version it replaced: entity role `revision`), and one per signature
 * (the signer, the time and the meaning of the signature, ASTM E1762 signature types).
 */
import type { Provenance, ProvenanceAgent, Reference } from 'fhir/r4';
import type { SignatureMeaning } from '../domain/values';
import { SYSTEMS, coded, coding } from './codes';
import { resourceId, referenceTo } from './ids';
import { narrative } from './narrative';
import { personReference, type Person } from './people';

const SIGNATURE_TYPE: Record<SignatureMeaning, { code: string; display: string }> = {
  AUTHORSHIP: { code: '1.2.840.10065.1.12.1.1', display: "Author's Signature" },
  REVIEW: { code: '1.2.840.10065.1.12.1.13', display: 'Review Signature' },
  APPROVAL: { code: '1.2.840.10065.1.12.1.5', display: 'Verification Signature' },
};

const agent = (type: 'author' | 'performer' | 'attester', who: Person): ProvenanceAgent => ({
  type: coded(SYSTEMS.provenanceParticipant, type, type === 'author' ? 'Author' : type === 'performer' ? 'Performer' : 'Attester'),
  who: personReference(who),
});

const targetsOf = (ids: readonly string[]): Reference[] => ids.map((id) => referenceTo(id));

export interface EntryProvenance {
  eventId: string;
  targets: readonly string[];
  occurredAt: string;
  recordedAt: string;
  recordedBy: Person;
  /** Who performed the step when not who recorded it. */
  performer?: Person | null;
  what: string;
}

export function entryProvenance(entry: EntryProvenance): Provenance {
  const agents = [agent('author', entry.recordedBy)];
  if (entry.performer && entry.performer.id !== entry.recordedBy.id) agents.push(agent('performer', entry.performer));
  return {
    resourceType: 'Provenance',
    id: resourceId(entry.eventId, 'provenance'),
    text: narrative(`${entry.what}: recorded ${entry.recordedAt} by ${entry.recordedBy.name}, clinical time ${entry.occurredAt}`),
    target: targetsOf(entry.targets),
    occurredDateTime: entry.occurredAt,
    recorded: entry.recordedAt,
    activity: coded(SYSTEMS.dataOperation, 'CREATE', 'create'),
    agent: agents,
  };
}

export interface AmendmentProvenance {
  eventId: string;
  /** The resources as the amendment left them. */
  targets: readonly string[];
  /** The resources as they stood before it (still in the bundle, entered-in-error). */
  replaced: readonly string[];
  reason: string;
  recordedAt: string;
  actor: Person;
}

export function amendmentProvenance(amendment: AmendmentProvenance): Provenance {
  return {
    resourceType: 'Provenance',
    id: resourceId(amendment.eventId, 'provenance'),
    text: narrative(`Amendment recorded ${amendment.recordedAt} by ${amendment.actor.name}. Reason: ${amendment.reason}`),
    target: targetsOf(amendment.targets),
    recorded: amendment.recordedAt,
    reason: [{ text: amendment.reason }],
    activity: coded(SYSTEMS.dataOperation, 'UPDATE', 'revise'),
    agent: [agent('author', amendment.actor)],
    entity: amendment.replaced.map((id) => ({ role: 'revision', what: referenceTo(id) })),
  };
}

export interface SignatureProvenance {
  eventId: string;
  targets: readonly string[];
  signer: Person;
  meaning: SignatureMeaning;
  signedAt: string;
  attestedAt: string | null;
}

export function signatureProvenance(signature: SignatureProvenance): Provenance {
  const type = SIGNATURE_TYPE[signature.meaning];
  return {
    resourceType: 'Provenance',
    id: resourceId(signature.eventId, 'provenance'),
    text: narrative(`${type.display} by ${signature.signer.name}, signed ${signature.signedAt}`),
    target: targetsOf(signature.targets),
    ...(signature.attestedAt ? { occurredDateTime: signature.attestedAt } : {}),
    recorded: signature.signedAt,
    agent: [agent('attester', signature.signer)],
    signature: [
      { type: [coding(SYSTEMS.signatureType, type.code, type.display)], when: signature.signedAt, who: personReference(signature.signer) },
    ],
  };
}

/**
 * A body site with its side. Base R4 has no laterality element on a body site concept; its own way is the
 * `bodySite` extension pointing at a BodyStructure whose `locationQualifier` holds the side, so each site
 * is the concept (coded when the code is known) plus a contained BodyStructure that says which side.
 */
import type { BodyStructure, CodeableConcept, Reference } from 'fhir/r4';
import type { Leg } from '../domain/values';
import { EXTENSIONS, sideCoding, sideWord } from './codes';

export type Side = Leg | 'BILATERAL';

export interface BodySite {
  concept: CodeableConcept;
  contained: BodyStructure;
}

/** `localId` names the contained BodyStructure within its resource (`#localId`). */
export function bodySite(localId: string, location: CodeableConcept, side: Side, patient: Reference): BodySite {
  const text = `${location.text ?? ''}, ${sideWord(side)}`;
  return {
    concept: {
      extension: [{ url: EXTENSIONS.bodySite, valueReference: { reference: `#${localId}` } }],
      ...(location.coding ? { coding: location.coding } : {}),
      text,
    },
    contained: {
      resourceType: 'BodyStructure',
      id: localId,
      location,
      locationQualifier: [{ coding: [sideCoding(side)], text: sideWord(side) }],
      description: text,
      patient,
    },
  };
}

/** The leg itself: no code is known for "lower limb", so it is said in words. */
export const LOWER_LIMB: CodeableConcept = { text: 'lower limb' };

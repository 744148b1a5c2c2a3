/**
 * Who did something, as a FHIR reference: celltrail knows users by id, name and role, not as Practitioner
 * resources, so the reference is logical (the user id as identifier, the name as display), as base R4 allows.
 */
import type { Reference } from 'fhir/r4';

export interface Person {
  id: string;
  name: string;
}

export const personReference = (person: Person): Reference => ({ identifier: { value: person.id }, display: person.name });

/**
 * Deterministic resource ids: a name-based UUID (v5) of the event the resource comes from and what it
 * is of that event, so the same case exports the same bundle and a receiver can recognise a resource it
 * already holds. Entries reference each other by `urn:uuid:` full URLs, as a collection bundle allows.
 */
import type { Reference } from 'fhir/r4';
import { parse, v5 as uuidv5 } from 'uuid';

/** celltrail's namespace for FHIR resource ids (a fixed random UUID: changing it changes every id). */
const NAMESPACE = '1f0c6b0e-56a4-4d0c-9a3e-2f6f3c1b8d27';
/** Parsed once: a bundle has thousands of ids, and uuid parses and checks a namespace string on every call. */
const NAMESPACE_BYTES = parse(NAMESPACE);

export const resourceId = (...parts: readonly string[]): string => uuidv5(parts.join('\u0000'), NAMESPACE_BYTES);
export const fullUrlOf = (id: string): string => `urn:uuid:${id}`;
export const referenceTo = (id: string, display?: string): Reference => ({
  reference: fullUrlOf(id),
  ...(display === undefined ? {} : { display }),
});

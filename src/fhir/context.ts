/** What every entry's mapper needs: the patient, the diagnosis, which version of the entry it maps, and the coded therapies. */
import type { Reference } from 'fhir/r4';
import type { Leg } from '../domain/values';
import { resourceId } from './ids';

/**
 * The entry as it stands (`current`, `amended` when an amendment changed it), or as it stood before the
 * amendment `byAmendment` replaced it: the original stays exportable, marked entered-in-error.
 */
export type Version = { kind: 'current'; amended: boolean } | { kind: 'replaced'; byAmendment: string };

export interface MapContext {
  patient: Reference;
  /** The principal diagnosis (the current Condition). */
  condition: Reference;
  version: Version;
  /** The CPT-coded therapy Procedures a step is part of. */
  therapies: { harvest: Reference[]; concentration: Reference[]; injection(leg: Leg): Reference[] };
}

/** The id of a resource of one version of an entry: the current version keeps its id when amended. */
export const versionedId = (version: Version, eventId: string, ...what: string[]): string =>
  resourceId(eventId, version.kind === 'current' ? 'current' : version.byAmendment, ...what);

export const isReplaced = (version: Version): boolean => version.kind === 'replaced';

/** A narrative's suffix telling a replaced version from the current one. */
export const versionNote = (version: Version): string =>
  version.kind === 'replaced' ? ' (as first recorded or last corrected; replaced by an amendment)' : version.amended ? ' (amended)' : '';

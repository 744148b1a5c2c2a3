/**
 * The facility an event belongs to, for `EventFilter.facilities`: the one rule every adapter applies,
 * so that they agree on every event, old and new.
 *
 * An event written by this version names its facility in `metadata.facilityId` (events about no
 * facility have none). Events written before that field existed are placed by where they were written:
 * - in a `case-…` or `patient-…` stream: the facility its first event (CaseOpened, PatientRegistered)
 *   names in `data.facilityId`; a stream's facility never changes;
 * - a `PatientDataAccessed` event in an `access-…` stream: the facility of the case it names
 *   (`data.caseId`), else of the patient (`data.patientId`);
 * - anything else: no facility (it matches no facility filter).
 * The layout is that of the events already written, not of the domain's current code: it must not
 * follow later renames, so it is spelled out here.
 *
 * A reference always leads to a `case-`/`patient-` stream, whose first event is placed by itself: an
 * event's facility is found in one step, never by a chain of references.
 *
 * The SQLite adapter settles a reference when the event is written (a migrated file: against the whole
 * file), the KurrentDB adapter when it reads the event. They could differ only for an event without
 * `metadata.facilityId` that names a case or patient whose stream was started after it (SQLite: no
 * facility); this version writes no such event.
 */

const CASE_STREAM_PREFIX = 'case-';
const PATIENT_STREAM_PREFIX = 'patient-';
const ACCESS_STREAM_PREFIX = 'access-';
const ACCESS_EVENT_TYPE = 'PatientDataAccessed';

/** What an event says about its facility, read from the event alone (its data and metadata are not yet trusted). */
export interface FacilityOrigin {
  /** The facility the event names: `metadata.facilityId`, or a first event's `data.facilityId`; null: none. */
  facility: string | null;
  /**
   * When set, the event's facility is the one this stream's first event names, unless the event is
   * that first event itself (then `facility`). Null: `facility` is the answer.
   */
  firstOf: string | null;
}

export interface FacilityClues {
  stream: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

const NONE: FacilityOrigin = { facility: null, firstOf: null };

function textField(value: unknown, name: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const field = (value as Record<string, unknown>)[name];
  return typeof field === 'string' ? field : null;
}

export function facilityOriginOf(event: FacilityClues): FacilityOrigin {
  const named = textField(event.metadata, 'facilityId');
  if (named !== null) return { facility: named, firstOf: null };
  const { stream } = event;
  if (isReferredTo(stream)) {
    return { facility: textField(event.data, 'facilityId'), firstOf: stream };
  }
  if (stream.startsWith(ACCESS_STREAM_PREFIX) && event.type === ACCESS_EVENT_TYPE) {
    const caseId = textField(event.data, 'caseId');
    if (caseId !== null) return { facility: null, firstOf: `${CASE_STREAM_PREFIX}${caseId}` };
    const patientId = textField(event.data, 'patientId');
    if (patientId !== null) return { facility: null, firstOf: `${PATIENT_STREAM_PREFIX}${patientId}` };
  }
  return NONE;
}

/** Whether older events may take their facility from this stream's first event (a case or patient stream). */
export function isReferredTo(stream: string): boolean {
  return stream.startsWith(CASE_STREAM_PREFIX) || stream.startsWith(PATIENT_STREAM_PREFIX);
}

/** Whether the origin's `facility` is the answer for an event at this place (no other event needs reading). */
export function isSettled(origin: FacilityOrigin, event: { stream: string; revision: number }): boolean {
  return origin.firstOf === null || (origin.firstOf === event.stream && event.revision === 0);
}

/**
 * The facility a stream's first event names, which its references resolve to. A first event whose own
 * origin refers elsewhere is not a `case-`/`patient-` stream's, so nothing refers to it: null.
 */
export function facilityNamedByFirstEvent(first: FacilityClues & { revision: number }): string | null {
  const origin = facilityOriginOf(first);
  return isSettled(origin, first) ? origin.facility : null;
}

/**
 * An event's facility. `facilityOfStream(stream)` answers what `facilityNamedByFirstEvent` says of
 * that stream's first event (null when the stream does not exist); it is called only for older events.
 */
export function facilityOf(
  event: FacilityClues & { revision: number },
  facilityOfStream: (stream: string) => string | null,
): string | null {
  const origin = facilityOriginOf(event);
  return isSettled(origin, event) ? origin.facility : facilityOfStream(origin.firstOf as string);
}

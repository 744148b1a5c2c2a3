/** Whose data an event is: the patient or case a read of it must be logged against (ids only). */
import { CASE_STREAM_PREFIX, PATIENT_STREAM_PREFIX } from '../domain/events';
import type { RecordedEvent } from '../eventstore/port';

export interface Subject {
  caseId: string | null;
  patientId: string | null;
}

/** The subject of a stream, or null for streams that hold no patient data (e.g. the access log). */
export function subjectOfStream(stream: string): Subject | null {
  if (stream.startsWith(CASE_STREAM_PREFIX)) return { caseId: stream.slice(CASE_STREAM_PREFIX.length), patientId: null };
  if (stream.startsWith(PATIENT_STREAM_PREFIX)) return { caseId: null, patientId: stream.slice(PATIENT_STREAM_PREFIX.length) };
  return null;
}

/**
 * Adds the subjects of some events to `into` (keyed by stream). A case's patient is filled in when its
 * opening event is among them.
 */
export function collectSubjects(
  events: Iterable<Pick<RecordedEvent, 'stream' | 'type' | 'data'>>,
  into = new Map<string, Subject>(),
): Map<string, Subject> {
  for (const event of events) {
    let subject = into.get(event.stream);
    if (!subject) {
      const found = subjectOfStream(event.stream);
      if (!found) continue;
      into.set(event.stream, (subject = found));
    }
    if (event.type === 'CaseOpened' && typeof event.data.patientId === 'string') subject.patientId = event.data.patientId;
  }
  return into;
}

/**
 * Upcasting: stored events keep the payload they were written with; every reader that interprets them
 * (the deciders' evolve, the case record fold behind projections, `caseAsOf` and the audit's case views)
 * reads them through here, in their current shape (events.ts). Stored events are never rewritten, and
 * hash chains are verified over what was stored, never over the upcast form: exports and verification
 * read the store, not this.
 *
 * Each step takes a payload of version N to N + 1. Steps only add what the older version lacked, and
 * never replace a field that is present, so applying one to a payload that already has the newer shape
 * changes nothing: a caller that does not know an event's version (the command side's evolve is handed
 * type and data only) can pass none and still gets the current shape.
 */
import type { JsonObject } from '../eventstore/port';
import { SCHEMA_VERSION } from './events';

type Step = (data: JsonObject) => JsonObject;

/** Adds the fields `defaults` names that `data` lacks; `data` itself is left as it was. */
const withDefaults =
  (defaults: JsonObject): Step =>
  (data) => {
    const missing = Object.keys(defaults).filter((key) => !(key in data));
    if (missing.length === 0) return data;
    const upcast: JsonObject = { ...data };
    for (const key of missing) upcast[key] = structuredClone(defaults[key]) ?? null;
    return upcast;
  };

/** STEPS[n - 1]: version n → n + 1, per event type (types without an entry did not change). */
const STEPS: ReadonlyArray<Readonly<Partial<Record<string, Step>>>> = [
  // 1 → 2 (issue #17): a v1 case planned a complete procedure with one diagnosis code and one
  // Rutherford category for all its legs; the recorder performed every step; a signature stated no
  // other attestation time than its own.
  {
    CaseOpened: withDefaults({ additionalDiagnosisCodes: [], legRutherfordCategories: [], harvestOnly: false }),
    HarvestPerformed: withDefaults({ performedBy: null }),
    InjectionGiven: withDefaults({ performedBy: null }),
    ProcedureSigned: withDefaults({ attestedAt: null }),
  },
];

/** The payload of an event of `type` written with `schemaVersion`, in the current shape (the same object when nothing changed). */
export function upcastData(type: string, data: JsonObject, schemaVersion = 1): JsonObject {
  let current = data;
  for (let version = Math.max(1, schemaVersion); version < SCHEMA_VERSION; version++) {
    const step = STEPS[version - 1]?.[type];
    if (step) current = step(current);
  }
  return current;
}

/** An event with its payload in the current shape: the event itself when nothing changed, else a copy with the new payload. */
export function upcastEvent<E extends { type: string; data: JsonObject; metadata: { schemaVersion?: number } }>(event: E): E {
  const data = upcastData(event.type, event.data, event.metadata.schemaVersion);
  return data === event.data ? event : { ...event, data };
}

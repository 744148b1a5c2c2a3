/**
 * Observations: the Doppler pressures per artery and leg with the ABI they give, and the follow-up
 * outcomes (ABI, rest pain, ulcer status and Wagner grade, amputation, death), each at its clinical time.
 */
import type { CodeableConcept, Observation, Reference } from 'fhir/r4';
import type { DopplerEntry, EntryFacts, OutcomeEntry } from '../domain/case-record';
import type { Leg } from '../domain/values';
import { bodySite, LOWER_LIMB, type Side } from './body-site';
import { LOINC, MM_HG, RATIO, SNOMED, SYSTEMS, coded, textOnly, DATA_ABSENT_UNKNOWN } from './codes';
import { isReplaced, versionNote, versionedId, type MapContext } from './context';
import { referenceTo } from './ids';
import { narrative } from './narrative';
import { personReference } from './people';

type ObservationValue = Pick<Observation, 'valueQuantity' | 'valueInteger' | 'valueBoolean' | 'valueCodeableConcept'>;

export interface ObservationSpec {
  /** What this observation is of its entry (part of its deterministic id). */
  key: string;
  code: CodeableConcept;
  category: 'exam' | 'vital-signs' | 'procedure' | 'survey';
  /** null: not documented (dataAbsentReason says so). */
  value: ObservationValue | null;
  site?: { location: CodeableConcept; side: Side };
  partOf?: Reference[];
  derivedFrom?: Reference[];
  note?: string;
  /** The narrative, in words. */
  text: string;
}

const CATEGORY_DISPLAY = { exam: 'Exam', 'vital-signs': 'Vital Signs', procedure: 'Procedure', survey: 'Survey' } as const;

export const observationId = (ctx: MapContext, entry: EntryFacts, key: string): string => versionedId(ctx.version, entry.eventId, key);

export function observation(ctx: MapContext, entry: EntryFacts, spec: ObservationSpec): Observation {
  const site = spec.site && bodySite('site', spec.site.location, spec.site.side, ctx.patient);
  const status = isReplaced(ctx.version) ? 'entered-in-error' : ctx.version.kind === 'current' && ctx.version.amended ? 'amended' : 'final';
  return {
    resourceType: 'Observation',
    id: observationId(ctx, entry, spec.key),
    text: narrative(`${spec.text}${versionNote(ctx.version)}`),
    ...(site ? { contained: [site.contained] } : {}),
    ...(spec.partOf ? { partOf: spec.partOf } : {}),
    status,
    category: [coded(SYSTEMS.observationCategory, spec.category, CATEGORY_DISPLAY[spec.category])],
    code: spec.code,
    subject: ctx.patient,
    effectiveDateTime: entry.occurredAt,
    issued: entry.recordedAt,
    performer: [personReference(entry.recordedBy)],
    ...(spec.value ?? { dataAbsentReason: DATA_ABSENT_UNKNOWN }),
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
    ...(site ? { bodySite: site.concept } : {}),
    ...(spec.derivedFrom ? { derivedFrom: spec.derivedFrom } : {}),
  };
}

const legWord = (leg: Leg): string => (leg === 'LEFT' ? 'left' : 'right');
const mmHg = (value: number): ObservationValue => ({ valueQuantity: { value, ...MM_HG } });
const ratio = (value: number): ObservationValue => ({ valueQuantity: { value, ...RATIO } });

/** A systolic pressure at an artery: the LOINC systolic pressure code, the artery as the body site. */
const pressure = (key: string, artery: CodeableConcept, side: Side, value: number, text: string): ObservationSpec => ({
  key,
  code: { coding: [LOINC.systolic], text: 'Systolic blood pressure' },
  category: 'vital-signs',
  value: mmHg(value),
  site: { location: artery, side },
  text: `${text}: ${value} mmHg`,
});

const artery = (c: (typeof SNOMED)[keyof typeof SNOMED], words: string): CodeableConcept => ({ coding: [c], text: words });

export const DOPPLER_KEYS = {
  brachialLeft: 'brachial-left',
  brachialRight: 'brachial-right',
  dorsalisPedis: 'dorsalis-pedis',
  posteriorTibial: 'posterior-tibial',
  anteriorTibial: 'anterior-tibial',
  toe: 'toe',
  abi: 'abi',
} as const;

export function dopplerObservations(ctx: MapContext, entry: DopplerEntry): Observation[] {
  const leg = legWord(entry.leg);
  const specs: ObservationSpec[] = [
    pressure(
      DOPPLER_KEYS.brachialLeft,
      artery(SNOMED.brachial, 'brachial artery'),
      'LEFT',
      entry.brachialLeftMmHg,
      'Left brachial systolic pressure',
    ),
    pressure(
      DOPPLER_KEYS.brachialRight,
      artery(SNOMED.brachial, 'brachial artery'),
      'RIGHT',
      entry.brachialRightMmHg,
      'Right brachial systolic pressure',
    ),
    pressure(
      DOPPLER_KEYS.dorsalisPedis,
      artery(SNOMED.dorsalisPedis, 'dorsalis pedis artery'),
      entry.leg,
      entry.dorsalisPedisMmHg,
      `Dorsalis pedis systolic pressure, ${leg} leg`,
    ),
    pressure(
      DOPPLER_KEYS.posteriorTibial,
      artery(SNOMED.posteriorTibial, 'posterior tibial artery'),
      entry.leg,
      entry.posteriorTibialMmHg,
      `Posterior tibial systolic pressure, ${leg} leg`,
    ),
  ];
  if (entry.anteriorTibialMmHg !== null)
    specs.push(
      pressure(
        DOPPLER_KEYS.anteriorTibial,
        artery(SNOMED.anteriorTibial, 'anterior tibial artery'),
        entry.leg,
        entry.anteriorTibialMmHg,
        `Anterior tibial systolic pressure, ${leg} leg`,
      ),
    );
  // No code is known for the toe as a body site: said in words.
  if (entry.toePressureMmHg !== null)
    specs.push(pressure(DOPPLER_KEYS.toe, textOnly('toe'), entry.leg, entry.toePressureMmHg, `Toe systolic pressure, ${leg} leg`));
  const pressures = specs.map((spec) => observation(ctx, entry, spec));
  const abi = observation(ctx, entry, {
    key: DOPPLER_KEYS.abi,
    code: { coding: [SNOMED.abi], text: 'Ankle-brachial index' },
    category: 'exam',
    value: ratio(entry.abi),
    site: { location: LOWER_LIMB, side: entry.leg },
    derivedFrom: pressures.map((p) => referenceTo(p.id ?? '')),
    ...(entry.abiSource === 'GIVEN' && entry.abi !== entry.computedAbi
      ? { note: `ABI as documented by the clinician; the recorded pressures give ${entry.computedAbi.toFixed(2)}.` }
      : {}),
    text: `Ankle-brachial index, ${leg} leg: ${entry.abi.toFixed(2)}`,
  });
  return [...pressures, abi];
}

export const OUTCOME_KEYS = {
  abi: 'abi',
  restPain: 'rest-pain',
  ulcerStatus: 'ulcer-status',
  wagnerGrade: 'wagner-grade',
  amputation: 'amputation',
  deceased: 'deceased',
} as const;

const ULCER_WORDS = { NONE: 'no ulcer', PRESENT: 'ulcer present', HEALING: 'ulcer healing', HEALED: 'ulcer healed' } as const;
const AMPUTATION_WORDS = { NONE: 'no amputation', MINOR: 'minor amputation', MAJOR: 'major amputation' } as const;

/** The follow-up measurements documented in one outcome entry; what it leaves out is not exported as absent. */
export function outcomeObservations(ctx: MapContext, entry: OutcomeEntry): Observation[] {
  const leg = legWord(entry.leg);
  const site = { location: LOWER_LIMB, side: entry.leg };
  const specs: ObservationSpec[] = [];
  if (entry.abi !== null)
    specs.push({
      key: OUTCOME_KEYS.abi,
      code: { coding: [SNOMED.abi], text: 'Ankle-brachial index' },
      category: 'exam',
      value: ratio(entry.abi),
      site,
      text: `Follow-up ankle-brachial index, ${leg} leg: ${entry.abi.toFixed(2)}`,
    });
  if (entry.restPainScore !== null)
    specs.push({
      key: OUTCOME_KEYS.restPain,
      code: { coding: [LOINC.painSeverity], text: 'Rest pain severity (0-10)' },
      category: 'survey',
      value: { valueInteger: entry.restPainScore },
      site,
      text: `Rest pain, ${leg} leg: ${entry.restPainScore} of 10`,
    });
  if (entry.ulcerStatus !== null)
    specs.push({
      key: OUTCOME_KEYS.ulcerStatus,
      code: textOnly('Ischemic ulcer status'),
      category: 'exam',
      value: { valueCodeableConcept: textOnly(ULCER_WORDS[entry.ulcerStatus]) },
      site,
      text: `Ischemic ulcer status, ${leg} leg: ${ULCER_WORDS[entry.ulcerStatus]}`,
    });
  if (entry.wagnerGrade !== null)
    specs.push({
      key: OUTCOME_KEYS.wagnerGrade,
      code: textOnly('Wagner ulcer grade'),
      category: 'exam',
      value: { valueInteger: entry.wagnerGrade },
      site,
      text: `Wagner ulcer grade, ${leg} leg: ${entry.wagnerGrade}`,
    });
  if (entry.amputation !== null)
    specs.push({
      key: OUTCOME_KEYS.amputation,
      code: textOnly('Amputation'),
      category: 'exam',
      value: { valueCodeableConcept: textOnly(AMPUTATION_WORDS[entry.amputation]) },
      site,
      text: `Amputation, ${leg} leg: ${AMPUTATION_WORDS[entry.amputation]}`,
    });
  if (entry.deceased !== null)
    specs.push({
      key: OUTCOME_KEYS.deceased,
      code: textOnly('Death'),
      category: 'exam',
      value: { valueBoolean: entry.deceased },
      text: entry.deceased ? 'The patient has died' : 'The patient is alive',
    });
  return specs.map((spec) => observation(ctx, entry, spec));
}

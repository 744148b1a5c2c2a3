/** Synthetic data sets: realistic case mixes arriving over years, recorded into an event store. */
import type { EventStore } from '../../src/eventstore/port';
import { clinicians, FACILITIES, planCase, type CasePlan, type CaseShape, type CaseStage, type PatientRef } from './case-plans';
import { writeCases, type WriteStats } from './event-writer';
import { createRandom, type Random } from './prng';

const DAY = 24 * 3600_000;
/** Events a realistic case writes on average, measured on the generator (used to size a data set). */
const EVENTS_PER_CASE = 12;

export interface ArrivalOptions {
  count: number;
  /** First and last harvest times. */
  from: number;
  to: number;
  shape?: CaseShape;
  stage?: CaseStage;
  /** Share of cases that are a further case of an already registered patient. */
  patientReuse?: number;
}

/** Cases whose harvests are spread evenly (with jitter) between `from` and `to`, in that order. */
export function* arrivals(random: Random, options: ArrivalOptions): Generator<CasePlan> {
  const actors = clinicians(12);
  const recentPatients: PatientRef[] = [];
  const step = (options.to - options.from) / Math.max(1, options.count);
  for (let i = 0; i < options.count; i++) {
    const reuse = recentPatients.length > 0 && random.chance(options.patientReuse ?? 0.15);
    const patient: PatientRef = reuse
      ? { ...random.pick(recentPatients), registered: true }
      : { patientId: random.uuid(), facilityId: random.pick(FACILITIES), registered: false };
    if (!reuse) {
      recentPatients.push(patient);
      if (recentPatients.length > 200) recentPatients.shift();
    }
    yield planCase({
      random,
      harvestAt: options.from + (i + random.next()) * step,
      patient,
      actor: random.pick(actors),
      ...(options.shape ? { shape: options.shape } : {}),
      ...(options.stage ? { stage: options.stage } : {}),
    });
  }
}

export interface RealisticOptions {
  store: EventStore;
  seed: number;
  /** Either a number of cases, or a number of events (cases in progress at the end stay open). */
  cases?: number;
  events?: number;
  /** Years of history the harvests are spread over (cases last ~16 months, so many are open at once). */
  years?: number;
  accessShare?: number;
  now?: number;
  onProgress?: (events: number) => void;
}

/** Records a realistic history: every case shape and documentation defect, interleaved in time. */
export async function recordRealisticHistory(options: RealisticOptions): Promise<WriteStats> {
  const random = createRandom(options.seed);
  const now = options.now ?? Date.now();
  const years = options.years ?? 6;
  const count = options.cases ?? Math.ceil(((options.events ?? 0) / EVENTS_PER_CASE) * 1.15);
  if (count <= 0) throw new RangeError('recordRealisticHistory: give a number of cases or of events');
  return writeCases({
    store: options.store,
    random,
    plans: arrivals(random, { count, from: now - years * 365 * DAY, to: now - 2 * DAY }),
    notAfter: now - 60_000,
    ...(options.events ? { maxEvents: options.events } : {}),
    accessShare: options.accessShare ?? 0,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

/**
 * The CPT Category III codes a case's documentation supports (shared/domain.md, "Codes"). The unit is one leg;
 * ultrasound guidance is bundled; harvest laterality does not change the code.
 */
import type { CaseRecord } from '../domain/case-record';
import type { Leg } from '../domain/values';
import { MIN_INJECTIONS, injectionCount, injectionsInto, legName } from './case-facts';
import { timeOf } from './time';

export type CptCode = '0263T' | '0264T' | '0265T';

export interface SupportedCode {
  code: CptCode;
  /** The leg the code is reported for (RT/LT modifier); null for 0265T, which is not per leg. */
  leg: Leg | null;
  /** Why the documentation supports it, in plain language. */
  reason: string;
}

interface TreatedLeg {
  leg: Leg;
  count: number;
  firstAt: number;
}

/** Legs that received multiple injections, all intramuscular: a single other-route entry disqualifies the leg. */
function legsWithMultipleImInjections(record: CaseRecord): TreatedLeg[] {
  const treated: TreatedLeg[] = [];
  for (const leg of record.legs) {
    const injections = injectionsInto(record, leg);
    if (injections.length === 0 || injections.some((i) => i.route !== 'INTRAMUSCULAR')) continue;
    const count = injectionCount(injections);
    if (count < MIN_INJECTIONS) continue;
    treated.push({ leg, count, firstAt: Math.min(...injections.map((i) => timeOf(i.occurredAt))) });
  }
  // the first leg injected (clinical time) carries the harvest; ties keep the case's leg order
  return treated.sort((a, b) => a.firstAt - b.firstAt);
}

export function supportedCodes(record: CaseRecord): SupportedCode[] {
  if (record.harvest && record.injections.length === 0) {
    return [{ code: '0265T', leg: null, reason: 'A bone marrow harvest is documented and no injection in this case: harvest only.' }];
  }
  // "with preparation of harvested cells": without a documented concentration no code applies
  if (!record.concentration) return [];
  const legs = legsWithMultipleImInjections(record);
  if (record.harvest) {
    const [first, ...others] = legs;
    if (!first) return [];
    return [
      {
        code: '0263T',
        leg: first.leg,
        reason:
          `Harvest, concentration and ${first.count} intramuscular injections into the ${legName(first.leg)} are documented in this case: ` +
          'the complete procedure including the bone marrow harvest.',
      },
      ...others.map((other): SupportedCode => ({
        code: '0264T',
        leg: other.leg,
        reason:
          `${other.count} intramuscular injections into the ${legName(other.leg)} with cells of the same harvest, which is reported once, ` +
          `with 0263T for the ${legName(first.leg)}: the complete procedure excluding the harvest.`,
      })),
    ];
  }
  if (record.harvestPlanned) return [];
  return legs.map((treated) => ({
    code: '0264T',
    leg: treated.leg,
    reason:
      `The harvest was done elsewhere; concentration and ${treated.count} intramuscular injections into the ${legName(treated.leg)} ` +
      'are documented in this case: the complete procedure excluding the harvest.',
  }));
}

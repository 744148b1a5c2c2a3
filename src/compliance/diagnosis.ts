/**
 * Reads the leg laterality of an ICD-10-CM diagnosis of atherosclerosis of the native leg arteries
 * with critical limb ischemia (I70.22–I70.26). Laterality is coded differently across the family:
 *   I70.22x rest pain, I70.26x gangrene: 6th character 1 right, 2 left, 3 bilateral, 8 other extremity, 9 unspecified;
 *   I70.23x ulceration of the RIGHT leg, I70.24x of the LEFT leg: the 5th character carries the side and
 *     the 6th the ulcer site (1 thigh, 2 calf, 3 ankle, 4 heel/midfoot, 5 other foot, 8 other lower leg, 9 unspecified);
 *   I70.25 ulceration of other extremities: not a leg.
 */
import type { Leg } from '../domain/values';

export type Presentation = 'rest pain' | 'ulceration' | 'gangrene';

export interface LimbDiagnosis {
  /** The code as documented. */
  code: string;
  /** Null when the code is not one of I70.22–I70.26. */
  presentation: Presentation | null;
  /** Legs the code documents; empty when it documents no leg. */
  legs: Leg[];
  /** Why no leg can be read from the code, in words; null when `legs` is not empty. */
  problem: string | null;
}

const PRESENTATION: Record<string, Presentation> = {
  '2': 'rest pain',
  '3': 'ulceration',
  '4': 'ulceration',
  '5': 'ulceration',
  '6': 'gangrene',
};
const SIDE_DIGIT: Record<string, Leg[]> = { '1': ['RIGHT'], '2': ['LEFT'], '3': ['LEFT', 'RIGHT'] };
const ULCER_SITES = new Set(['1', '2', '3', '4', '5', '8', '9']);

export function readDiagnosis(code: string): LimbDiagnosis {
  const normalized = String(code ?? '')
    .toUpperCase()
    .replace(/[\s.]/g, '');
  const match = /^I702([2-6])(.?)(.*)$/.exec(normalized);
  if (!match) {
    return { code, presentation: null, legs: [], problem: 'is not a code for critical limb ischemia of the legs (I70.22x–I70.26x)' };
  }
  const [, fifth = '', sixth = '', rest = ''] = match;
  const presentation = PRESENTATION[fifth] ?? null;
  const result = (legs: Leg[], problem: string | null): LimbDiagnosis => ({ code, presentation, legs, problem });
  if (rest !== '') return result([], 'is not a valid ICD-10-CM code');
  if (fifth === '5')
    return sixth === '' ? result([], 'documents extremities other than the legs') : result([], 'is not a valid ICD-10-CM code');
  if (fifth === '3' || fifth === '4') {
    if (sixth === '') return result([], 'is incomplete: the 6th character (ulcer site) is missing');
    if (!ULCER_SITES.has(sixth)) return result([], 'is not a valid ICD-10-CM code');
    return result([fifth === '3' ? 'RIGHT' : 'LEFT'], null);
  }
  if (sixth === '') return result([], 'lacks the laterality character');
  const legs = SIDE_DIGIT[sixth];
  if (legs) return result(legs, null);
  if (sixth === '8') return result([], 'documents an extremity other than the legs');
  if (sixth === '9') return result([], 'documents an unspecified extremity (no laterality)');
  return result([], 'is not a valid ICD-10-CM code');
}

import { readDiagnosis } from '../../../src/compliance/diagnosis';

describe('readDiagnosis: legs documented by an ICD-10-CM I70.22–I70.26 code', () => {
  it.each([
    ['I70.221', 'rest pain', ['RIGHT']],
    ['I70.222', 'rest pain', ['LEFT']],
    ['I70.223', 'rest pain', ['LEFT', 'RIGHT']],
    ['I70.261', 'gangrene', ['RIGHT']],
    ['I70.262', 'gangrene', ['LEFT']],
    ['I70.263', 'gangrene', ['LEFT', 'RIGHT']],
    // ulcer codes carry the side in the 5th character and the ulcer site in the 6th
    ['I70.231', 'ulceration', ['RIGHT']],
    ['I70.232', 'ulceration', ['RIGHT']],
    ['I70.239', 'ulceration', ['RIGHT']],
    ['I70.241', 'ulceration', ['LEFT']],
    ['I70.245', 'ulceration', ['LEFT']],
    ['i70222', 'rest pain', ['LEFT']],
  ])('%s is %s of %j', (code, presentation, legs) => {
    expect(readDiagnosis(code)).toEqual({ code, presentation, legs, problem: null });
  });

  it.each([
    ['I70.22', 'lacks the laterality character'],
    ['I70.229', 'documents an unspecified extremity (no laterality)'],
    ['I70.268', 'documents an extremity other than the legs'],
    ['I70.23', 'is incomplete: the 6th character (ulcer site) is missing'],
    ['I70.236', 'is not a valid ICD-10-CM code'],
    ['I70.25', 'documents extremities other than the legs'],
    ['I70.2221', 'is not a valid ICD-10-CM code'],
    ['I73.9', 'is not a code for critical limb ischemia of the legs (I70.22x–I70.26x)'],
    ['', 'is not a code for critical limb ischemia of the legs (I70.22x–I70.26x)'],
  ])('%s documents no leg: it %s', (code, problem) => {
    const diagnosis = readDiagnosis(code);
    expect(diagnosis.legs).toEqual([]);
    expect(diagnosis.problem).toBe(problem);
  });
});

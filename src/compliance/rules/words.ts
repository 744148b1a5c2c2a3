/** Vocabulary of findings: enum values and event types as words. */

/** Values whose words are not their lower-cased parts. */
const WORDS: Record<string, string> = { INTRA_ARTERIAL: 'intra-arterial' };

/** ANTERIOR_SUPERIOR_ILIAC_SPINE → "anterior superior iliac spine". */
export const inWords = (value: unknown): string => WORDS[String(value)] ?? String(value).toLowerCase().replace(/_/g, ' ');

const ENTRY_NAMES: Record<string, string> = {
  CaseOpened: 'case opening',
  DopplerAssessmentRecorded: 'Doppler assessment',
  AngiographyRecorded: 'angiography',
  HarvestPerformed: 'harvest',
  CellsConcentrated: 'cell concentration',
  InjectionGiven: 'injection',
  OutcomeMeasured: 'follow-up outcome',
};

/** How an entry of the given event type is named in a finding; null for a type that is not an entry. */
export const entryName = (eventType: unknown): string | null => (typeof eventType === 'string' ? (ENTRY_NAMES[eventType] ?? null) : null);

/** Renders the rule table as Markdown (docs/compliance-rules.md), so the document is generated from the rules and cannot drift. */
import type { ComplianceConfig } from './config';
import type { RuleSeverity } from './rule';
import { COMPLIANCE_RULES } from './rules';
import { inWords } from './rules/words';

const SEVERITY_WORDS: Record<RuleSeverity, string> = {
  BLOCKING: 'blocking',
  WARNING: 'warning',
  BLOCKING_OR_WARNING: 'blocking or warning',
};

/** A Markdown table cell: pipes escaped, no line breaks. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

const SETTINGS: Record<keyof ComplianceConfig, { describe: (config: ComplianceConfig) => string; meaning: string }> = {
  dopplerWindowDays: {
    describe: (c) => `${c.dopplerWindowDays.min}–${c.dopplerWindowDays.max} days`,
    meaning: 'PRE-01: Doppler pressures before the harvest ("ideally about three months")',
  },
  angiographyWindowHours: {
    describe: (c) => `${c.angiographyWindowHours} hours`,
    meaning: 'PRE-03: angiography "immediately before" the harvest',
  },
  facilityTimeZones: {
    describe: (c) =>
      Object.keys(c.facilityTimeZones).length === 0
        ? 'none'
        : Object.entries(c.facilityTimeZones)
            .map(([facility, zone]) => `${facility}: ${zone}`)
            .join(', '),
    meaning:
      'PRP-02: the IANA time zone of each facility, whose calendar day is the "same day" of harvest, concentration and injections ' +
      '(environment variable FACILITY_TIME_ZONES, e.g. `F1=Europe/Berlin,F2=America/Chicago`)',
  },
  defaultTimeZone: { describe: (c) => c.defaultTimeZone, meaning: 'PRP-02: the time zone of a facility FACILITY_TIME_ZONES does not name' },
  harvestSites: { describe: (c) => c.harvestSites.map(inWords).join(', '), meaning: 'HAR-01: harvest sites accepted' },
  abiAgreementTolerance: { describe: (c) => `±${c.abiAgreementTolerance.toFixed(2)}`, meaning: 'PRE-02: documented vs. computed ABI' },
  severeAbiThreshold: {
    describe: (c) => `< ${c.severeAbiThreshold.toFixed(2)}`,
    meaning: 'severe ischemia (0.40 in most sources, 0.50 in some); shared setting, no audit rule uses it',
  },
  followUpWindows: {
    describe: (c) => c.followUpWindows.map((w) => `${w.label}: ${w.afterDays} ± ${w.toleranceDays} days`).join('; '),
    meaning: 'POST-01..03: follow-up windows after the first injection into a leg',
  },
};

export function renderRulesMarkdown(config: ComplianceConfig): string {
  const lines = [
    '# Compliance rules',
    '',
    '<!-- Generated from src/compliance/rules by scripts/compliance-rules-doc.ts: change the rules, then regenerate this file. -->',
    '',
    'The compliance audit of a case reports findings; it never blocks recording. Each finding has a rule id, a severity, a plain-language',
    'message naming the item and the leg, and the ids of the case entries it concerns (never patient identifiers or dates).',
    '**Blocking**: the case cannot be billed or closed as compliant; a case is *complete* when it has no blocking finding.',
    '**Warning**: a gap or timing problem to review. Timing is always clinical time (when it happened, as amended), never',
    'recording time. Windows in hours and days are elapsed time (1 day = 24 hours); the "same day" of harvest, concentration and',
    "injections (PRP-02) is a calendar day in the time zone of the case's facility, configured per facility with",
    '`FACILITY_TIME_ZONES` (e.g. `F1=Europe/Berlin,F2=America/Chicago`); a facility it does not name is judged in UTC.',
    '',
    'What the record states as unknown is a finding, never a guess: an injection by a route other than intramuscular is recorded',
    'and blocks (INJ-01, no code); an undocumented aspirate volume (HAR-01) or ultrasound guidance (INJ-03) is a warning. A',
    'harvest or injection documented by someone else for the clinician who performed it names that performer, and the',
    "performer's signature is the one INJ-04 looks for. A case planned as harvest only (0265T) expects no concentration,",
    'injection, pre-injection imaging or follow-up unless it documents an injection after all.',
    '',
    ...table(
      ['rule', 'title', 'severity', 'window', 'what it checks', 'why it exists'],
      COMPLIANCE_RULES.map((r) => [r.id, r.title, SEVERITY_WORDS[r.severity], r.window(config), r.checks, r.reason]),
    ),
    '',
    '## Follow-ups',
    '',
    'Whether a follow-up is overdue depends on the day it is asked. The audit lists each expected follow-up measurement with its window',
    '(`dueFrom`–`dueBy`, counted from the first intramuscular injection into the leg) and whether an outcome entry in the window documents',
    'it; a warning appears only once `dueBy` has passed unsatisfied. Being warnings, overdue follow-ups never change whether a case is',
    "complete. After a major amputation of a leg, or the patient's death, windows still open are no longer expected.",
    '',
    '## CPT codes the documentation supports',
    '',
    ...table(
      ['documented', 'codes'],
      [
        ['harvest + concentration + ≥ 2 intramuscular injections in one leg', '0263T for that leg'],
        ['the same, both legs, one harvest', '0263T for the leg injected first (clinical time) + 0264T for the other'],
        ['concentration + ≥ 2 intramuscular injections, harvest done elsewhere', '0264T per leg'],
        ['harvest, no injection in this case (a harvest-only case, or a complete procedure not yet injected)', '0265T (not per leg)'],
        ['fewer than 2 injections into a leg, or any injection by another route, or no concentration', 'none of the three for that leg'],
      ],
    ),
    '',
    'Injection counts are summed over the injection entries of a leg. 0264T and 0265T are never reported for a leg where 0263T applies;',
    'ultrasound guidance is bundled and harvest laterality does not change the code.',
    '',
    '## Configuration',
    '',
    ...table(
      ['setting', 'value', 'meaning'],
      (Object.keys(SETTINGS) as (keyof ComplianceConfig)[]).map((key) => [
        `\`${key}\``,
        SETTINGS[key].describe(config),
        SETTINGS[key].meaning,
      ]),
    ),
    '',
  ];
  return lines.join('\n');
}

export const README_RULES_START = '<!-- compliance-rules:start -->';
export const README_RULES_END = '<!-- compliance-rules:end -->';

/** The README with its rules section (between the markers) replaced by the rendered rules, one heading level down. */
export function readmeWithRules(readme: string, renderedRules: string): string {
  const start = readme.indexOf(README_RULES_START);
  const end = readme.indexOf(README_RULES_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_RULES_START} … ${README_RULES_END} section`);
  const body = renderedRules.replace(/^# Compliance rules\n+/, '');
  return `${readme.slice(0, start + README_RULES_START.length)}\n${body}${readme.slice(end)}`;
}

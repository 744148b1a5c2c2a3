import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_COMPLIANCE_CONFIG, complianceConfigFrom } from '../../../src/compliance/config';
import { RULE_IDS } from '../../../src/compliance/finding';
import { readmeWithRules, renderRulesMarkdown } from '../../../src/compliance/rules-doc';

const DOC_PATH = join(__dirname, '..', '..', '..', 'docs', 'compliance-rules.md');

describe('docs/compliance-rules.md', () => {
  it('is exactly what the rules render (regenerate with the docs:rules script when this fails)', () => {
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(renderRulesMarkdown(DEFAULT_COMPLIANCE_CONFIG));
  });

  it('is the README\'s "Compliance rules" section (regenerate with the docs:rules script when this fails)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(readmeWithRules(readme, renderRulesMarkdown(DEFAULT_COMPLIANCE_CONFIG))).toBe(readme);
  });

  it('has one table row per rule of the domain, in its order', () => {
    const rows = renderRulesMarkdown(DEFAULT_COMPLIANCE_CONFIG)
      .split('\n')
      .map((line) => /^\| ([A-Z]+-\d\d) \|/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined);
    expect(rows).toEqual([...RULE_IDS]);
  });

  it('shows the windows of the configuration it is rendered with', () => {
    const doc = renderRulesMarkdown(complianceConfigFrom({ dopplerWindowDays: { min: 30, max: 150 }, angiographyWindowHours: 48 }));
    expect(doc).toContain(
      '| PRE-01 | Doppler segmental pressures of each treated leg before the harvest | blocking or warning | 30–150 days before the harvest (inclusive) |',
    );
    expect(doc).toContain('within 48 hours before the harvest (inclusive)');
  });
});

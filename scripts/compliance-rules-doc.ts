/**
 * `npm run docs:rules`: renders the compliance rule table from the rule definitions into
 * docs/compliance-rules.md and into the README's "Compliance rules" section (between its markers).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_COMPLIANCE_CONFIG } from '../src/compliance/config';
import { readmeWithRules, renderRulesMarkdown } from '../src/compliance/rules-doc';

// run from source or from dist/: the project root is the nearest folder with a package.json
let root = __dirname;
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const rules = renderRulesMarkdown(DEFAULT_COMPLIANCE_CONFIG);
writeFileSync(join(root, 'docs', 'compliance-rules.md'), rules);
const readme = join(root, 'README.md');
writeFileSync(readme, readmeWithRules(readFileSync(readme, 'utf8'), rules));
process.stdout.write('wrote docs/compliance-rules.md and the README section\n');

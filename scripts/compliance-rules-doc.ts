/** Prints docs/compliance-rules.md: the compliance rule table rendered with the default configuration. */
import { DEFAULT_COMPLIANCE_CONFIG } from '../src/compliance/config';
import { renderRulesMarkdown } from '../src/compliance/rules-doc';

process.stdout.write(renderRulesMarkdown(DEFAULT_COMPLIANCE_CONFIG));

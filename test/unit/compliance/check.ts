/** Runs one case rule on a built case, with the default configuration unless given. */
import { type ComplianceConfig, DEFAULT_COMPLIANCE_CONFIG } from '../../../src/compliance/config';
import type { Finding } from '../../../src/compliance/finding';
import type { CaseRule } from '../../../src/compliance/rule';
import type { CaseBuilder } from './case-builder';

export const check = (rule: CaseRule, builder: CaseBuilder, config: ComplianceConfig = DEFAULT_COMPLIANCE_CONFIG): Finding[] =>
  rule.check(builder.record(), config);

/** The compliance audit: rule table, CPT code selection and configuration. Pure functions of a case record. */
export { auditCase, complianceAt, followUpFindings, type CaseAudit, type ComplianceStatus } from './audit';
export { supportedCodes, type CptCode, type SupportedCode } from './codes';
export {
  DEFAULT_COMPLIANCE_CONFIG,
  InvalidComplianceConfigError,
  complianceConfigFrom,
  isTimeZone,
  timeZoneOf,
  type ComplianceConfig,
  type ComplianceConfigInput,
  type FollowUpWindow,
} from './config';
export { readDiagnosis, type LimbDiagnosis, type Presentation } from './diagnosis';
export { RULE_IDS, sortFindings, type Finding, type RuleId, type Severity } from './finding';
export type { CaseRule, ComplianceRule, FollowUpDue, FollowUpRule, RuleInfo, RuleSeverity } from './rule';
export { CASE_RULES, COMPLIANCE_RULES, FOLLOW_UP_RULES, ruleById } from './rules';
export { renderRulesMarkdown } from './rules-doc';

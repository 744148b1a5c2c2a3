/** The rule table of shared/domain.md, in its order. */
import type { RuleId } from '../finding';
import type { CaseRule, ComplianceRule, FollowUpRule } from '../rule';
import { aud02AmendmentTargetAndReason } from './amendments';
import { pre03AngiographyBeforeHarvest } from './angiography';
import { cod01DiagnosisLaterality } from './coding';
import { pre01DopplerBeforeHarvest, pre02AbiAgreesWithPressures } from './doppler';
import { post01AbiFollowUp, post02RestPainFollowUp, post03UlcerFollowUp } from './follow-up';
import { har01Harvest } from './harvest';
import { ind01CliDiagnosis, ind02NoAlternative } from './indication';
import { inj01IntramuscularInjections, inj02TargetsAngiographicSites, inj03UltrasoundGuidance } from './injection';
import { prp01Concentration, prp02OrderAndDay } from './preparation';
import { inj04OperatorSignature } from './signature';

/** Every rule, in the order of the domain's table. */
export const COMPLIANCE_RULES: readonly ComplianceRule[] = [
  ind01CliDiagnosis,
  ind02NoAlternative,
  pre01DopplerBeforeHarvest,
  pre02AbiAgreesWithPressures,
  pre03AngiographyBeforeHarvest,
  har01Harvest,
  prp01Concentration,
  prp02OrderAndDay,
  inj01IntramuscularInjections,
  inj02TargetsAngiographicSites,
  inj03UltrasoundGuidance,
  inj04OperatorSignature,
  post01AbiFollowUp,
  post02RestPainFollowUp,
  post03UlcerFollowUp,
  aud02AmendmentTargetAndReason,
  cod01DiagnosisLaterality,
];

export const CASE_RULES: readonly CaseRule[] = COMPLIANCE_RULES.filter((r): r is CaseRule => r.kind === 'case');
export const FOLLOW_UP_RULES: readonly FollowUpRule[] = COMPLIANCE_RULES.filter((r): r is FollowUpRule => r.kind === 'follow-up');

export function ruleById(id: RuleId): ComplianceRule {
  const rule = COMPLIANCE_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown compliance rule ${id}`);
  return rule;
}

export {
  aud02AmendmentTargetAndReason,
  cod01DiagnosisLaterality,
  har01Harvest,
  ind01CliDiagnosis,
  ind02NoAlternative,
  inj01IntramuscularInjections,
  inj02TargetsAngiographicSites,
  inj03UltrasoundGuidance,
  inj04OperatorSignature,
  post01AbiFollowUp,
  post02RestPainFollowUp,
  post03UlcerFollowUp,
  pre01DopplerBeforeHarvest,
  pre02AbiAgreesWithPressures,
  pre03AngiographyBeforeHarvest,
  prp01Concentration,
  prp02OrderAndDay,
};

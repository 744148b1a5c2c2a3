/**
 * Every warning the FHIR validator may give on celltrail's bundles, with the reason it stays. A warning
 * that matches none of these fails test/fhir/validation.test.ts: fix the bundle, or explain it here.
 */
export interface AllowedWarning {
  messageId: string;
  /** Matched against the warning's message. */
  message: RegExp;
  reason: string;
}

export const ALLOWED_WARNINGS: readonly AllowedWarning[] = [
  {
    messageId: 'Terminology_PassThrough_TX_Message',
    message: /^CodeSystem is unknown and can't be validated: http:\/\/loinc\.org for 'http:\/\/loinc\.org#(8480-6|72514-3)'$/,
    reason:
      'LOINC is validated by a terminology server, which the offline validator does not have: 8480-6 (systolic blood pressure) and 72514-3 (pain severity 0-10) are the codes shared/domain.md names.',
  },
  {
    messageId: 'Terminology_PassThrough_TX_Message',
    message:
      /^CodeSystem is unknown and can't be validated: http:\/\/hl7\.org\/fhir\/sid\/icd-10-cm for 'http:\/\/hl7\.org\/fhir\/sid\/icd-10-cm#I70\.2\d\d'$/,
    reason:
      'ICD-10-CM needs a terminology server too; the diagnosis code is the one the clinician recorded (checked by the compliance rules IND-01 and COD-01).',
  },
  {
    messageId: 'Terminology_PassThrough_TX_Message',
    message:
      /^CodeSystem is unknown and can't be validated: http:\/\/www\.ama-assn\.org\/go\/cpt for 'http:\/\/www\.ama-assn\.org\/go\/cpt#026[345]T'$/,
    reason: "CPT is the AMA's and is licensed: no offline validator carries it. The codes are the compliance engine's supportedCodes.",
  },
  {
    messageId: 'Terminology_PassThrough_TX_Message',
    message:
      /^CodeSystem is unknown and can't be validated: https:\/\/www\.cms\.gov\/Medicare\/Coding\/HCPCSReleaseCodeSets for 'https:\/\/www\.cms\.gov\/Medicare\/Coding\/HCPCSReleaseCodeSets#(LT|RT)'$/,
    reason: 'The laterality modifiers LT and RT are HCPCS Level II codes, which no offline validator carries.',
  },
  {
    messageId: 'Terminology_TX_Code_ValueSet_Ext',
    message: /v3-PurposeOfUse/,
    reason:
      "An amendment's reason is the clinician's own words (Provenance.reason as text): no PurposeOfUse code says why a value was corrected, and inventing one would misstate it.",
  },
];

export const explanationOf = (warning: { messageId: string | null; message: string }): AllowedWarning | undefined =>
  ALLOWED_WARNINGS.find((allowed) => allowed.messageId === warning.messageId && allowed.message.test(warning.message));

/**
 * The code systems and codes the FHIR export uses (shared/domain.md, "Interoperability codes"). Only codes
 * listed there are used; a concept without a known code is a text-only CodeableConcept (`textOnly`), so
 * the receiver sees it is uncoded rather than a made-up code.
 */
import type { CodeableConcept, Coding } from 'fhir/r4';
import type { Leg } from '../domain/values';

export const SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  cpt: 'http://www.ama-assn.org/go/cpt',
  /** CMS's HCPCS Level II, which the laterality modifiers RT and LT belong to. */
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  ucum: 'http://unitsofmeasure.org',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  provenanceParticipant: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  dataOperation: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
  signatureType: 'urn:iso-astm:E1762-95:2013',
  auditEventType: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
  restfulInteraction: 'http://hl7.org/fhir/restful-interaction',
  auditSourceType: 'http://terminology.hl7.org/CodeSystem/security-source-type',
  auditEntityType: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
  objectRole: 'http://terminology.hl7.org/CodeSystem/object-role',
} as const;

/** Extensions of the base R4 specification (no profile of our own). */
export const EXTENSIONS = {
  /** Points a body site concept at a BodyStructure, whose locationQualifier carries the laterality. */
  bodySite: 'http://hl7.org/fhir/StructureDefinition/bodySite',
  procedureMethod: 'http://hl7.org/fhir/StructureDefinition/procedure-method',
} as const;

export const coding = (system: string, code: string, display: string): Coding => ({ system, code, display });
export const coded = (system: string, code: string, display: string, text?: string): CodeableConcept => ({
  coding: [coding(system, code, display)],
  text: text ?? display,
});
/** A concept with no code known to celltrail: said in words, never given an invented code. */
export const textOnly = (text: string): CodeableConcept => ({ text });

export const SNOMED = {
  abi: coding(SYSTEMS.snomed, '446841001', 'Ankle brachial pressure index'),
  pad: coding(SYSTEMS.snomed, '840580004', 'Peripheral arterial disease'),
  boneMarrowAspiration: coding(SYSTEMS.snomed, '49401003', 'Bone marrow aspiration'),
  intramuscularInjection: coding(SYSTEMS.snomed, '76601001', 'Intramuscular injection'),
  intramuscularRoute: coding(SYSTEMS.snomed, '78421000', 'Intramuscular route'),
  iliacCrest: coding(SYSTEMS.snomed, '29850006', 'Iliac crest structure'),
  dorsalisPedis: coding(SYSTEMS.snomed, '86547008', 'Dorsalis pedis artery structure'),
  posteriorTibial: coding(SYSTEMS.snomed, '13363002', 'Posterior tibial artery structure'),
  anteriorTibial: coding(SYSTEMS.snomed, '68053000', 'Anterior tibial artery structure'),
  brachial: coding(SYSTEMS.snomed, '17137000', 'Brachial artery structure'),
  left: coding(SYSTEMS.snomed, '7771000', 'Left'),
  right: coding(SYSTEMS.snomed, '24028007', 'Right'),
  bilateral: coding(SYSTEMS.snomed, '51440002', 'Right and left'),
} as const;

export const LOINC = {
  painSeverity: coding(SYSTEMS.loinc, '72514-3', 'Pain severity - 0-10 verbal numeric rating [Score] - Reported'),
  systolic: coding(SYSTEMS.loinc, '8480-6', 'Systolic blood pressure'),
} as const;

/** The CPT Category III descriptors (shared/domain.md, "Codes"). */
const CPT_COMMON =
  'Intramuscular autologous bone marrow cell therapy, with preparation of harvested cells, multiple injections, one leg, including ultrasound guidance, if performed;';
export const CPT_DISPLAY = {
  '0263T': `${CPT_COMMON} complete procedure including unilateral or bilateral bone marrow harvest`,
  '0264T': `${CPT_COMMON} complete procedure excluding bone marrow harvest`,
  '0265T': `${CPT_COMMON} unilateral or bilateral bone marrow harvest only`,
} as const;

export const MODIFIER = {
  LEFT: coding(SYSTEMS.hcpcs, 'LT', 'Left side'),
  RIGHT: coding(SYSTEMS.hcpcs, 'RT', 'Right side'),
} as const satisfies Record<Leg, Coding>;

export const sideCoding = (side: Leg | 'BILATERAL'): Coding =>
  side === 'LEFT' ? SNOMED.left : side === 'RIGHT' ? SNOMED.right : SNOMED.bilateral;
export const sideWord = (side: Leg | 'BILATERAL'): string => (side === 'LEFT' ? 'left' : side === 'RIGHT' ? 'right' : 'bilateral');

export const MM_HG = { system: SYSTEMS.ucum, code: 'mm[Hg]', unit: 'mmHg' } as const;
export const ML = { system: SYSTEMS.ucum, code: 'mL', unit: 'mL' } as const;
export const RATIO = { system: SYSTEMS.ucum, code: '1', unit: 'ratio' } as const;
export const CELLS = { system: SYSTEMS.ucum, code: '{cells}', unit: 'cells' } as const;

export const DATA_ABSENT_UNKNOWN = coded(SYSTEMS.dataAbsentReason, 'unknown', 'Unknown', 'not documented');

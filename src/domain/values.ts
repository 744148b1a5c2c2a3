/** Enumerations of the procedure's vocabulary (see shared/domain.md). Values are the API's enum values. */
export const LEGS = ['LEFT', 'RIGHT'] as const;
export type Leg = (typeof LEGS)[number];

export const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];

export const FONTAINE_STAGES = ['I', 'IIA', 'IIB', 'III', 'IV'] as const;
export type FontaineStage = (typeof FONTAINE_STAGES)[number];

export const LESION_KINDS = ['STENOSIS', 'OCCLUSION'] as const;
export type LesionKind = (typeof LESION_KINDS)[number];

export const HARVEST_SITES = ['ANTERIOR_SUPERIOR_ILIAC_SPINE', 'POSTERIOR_ILIAC_CREST'] as const;
export type HarvestSite = (typeof HARVEST_SITES)[number];

export const HARVEST_SIDES = ['LEFT', 'RIGHT', 'BILATERAL'] as const;
export type HarvestSides = (typeof HARVEST_SIDES)[number];

export const CONCENTRATION_METHODS = ['CENTRIFUGATION'] as const;
export type ConcentrationMethod = (typeof CONCENTRATION_METHODS)[number];

/** Every route an injection may have been given by: only intramuscular is the coded procedure (INJ-01), the others are recorded as they happened. */
export const INJECTION_ROUTES = ['INTRAMUSCULAR', 'INTRA_ARTERIAL', 'INTRAVENOUS', 'SUBCUTANEOUS', 'INTRAOSSEOUS', 'OTHER'] as const;
export type InjectionRoute = (typeof INJECTION_ROUTES)[number];

export const ULCER_STATUSES = ['NONE', 'PRESENT', 'HEALING', 'HEALED'] as const;
export type UlcerStatus = (typeof ULCER_STATUSES)[number];

export const AMPUTATION_LEVELS = ['NONE', 'MINOR', 'MAJOR'] as const;
export type AmputationLevel = (typeof AMPUTATION_LEVELS)[number];

export const SIGNATURE_MEANINGS = ['AUTHORSHIP', 'REVIEW', 'APPROVAL'] as const;
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number];

export const CLOSE_REASONS = ['COMPLETED', 'CANCELLED', 'LOST_TO_FOLLOW_UP', 'DECEASED'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CASE_STATUSES = ['OPEN', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const ROLES = ['CLINICIAN', 'AUDITOR', 'COMPLIANCE_OFFICER', 'VIEWER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** The domain's vocabularies registered as GraphQL enums (values are the domain's own strings). */
import { registerEnumType } from 'type-graphql';
import * as V from '../../domain/values';

const asEnum = <T extends string>(values: readonly T[]): { [K in T]: K } =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const LegEnum = asEnum(V.LEGS);
export const SexEnum = asEnum(V.SEXES);
export const FontaineStageEnum = asEnum(V.FONTAINE_STAGES);
export const LesionKindEnum = asEnum(V.LESION_KINDS);
export const HarvestSiteEnum = asEnum(V.HARVEST_SITES);
export const HarvestSidesEnum = asEnum(V.HARVEST_SIDES);
export const ConcentrationMethodEnum = asEnum(V.CONCENTRATION_METHODS);
export const InjectionRouteEnum = asEnum(V.INJECTION_ROUTES);
export const UlcerStatusEnum = asEnum(V.ULCER_STATUSES);
export const AmputationLevelEnum = asEnum(V.AMPUTATION_LEVELS);
export const SignatureMeaningEnum = asEnum(V.SIGNATURE_MEANINGS);
export const CloseReasonEnum = asEnum(V.CLOSE_REASONS);
export const CaseStatusEnum = asEnum(V.CASE_STATUSES);
export const RoleEnum = asEnum(V.ROLES);

registerEnumType(LegEnum, { name: 'Leg', description: 'The leg treated (the CPT unit is one leg).' });
registerEnumType(SexEnum, { name: 'Sex' });
registerEnumType(FontaineStageEnum, { name: 'FontaineStage' });
registerEnumType(LesionKindEnum, { name: 'LesionKind' });
registerEnumType(HarvestSiteEnum, { name: 'HarvestSite' });
registerEnumType(HarvestSidesEnum, { name: 'HarvestSides' });
registerEnumType(ConcentrationMethodEnum, { name: 'ConcentrationMethod' });
registerEnumType(InjectionRouteEnum, { name: 'InjectionRoute' });
registerEnumType(UlcerStatusEnum, { name: 'UlcerStatus' });
registerEnumType(AmputationLevelEnum, { name: 'AmputationLevel' });
registerEnumType(SignatureMeaningEnum, { name: 'SignatureMeaning', description: 'What a signature means (21 CFR 11.50).' });
registerEnumType(CloseReasonEnum, { name: 'CloseReason' });
registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });
registerEnumType(RoleEnum, { name: 'Role' });

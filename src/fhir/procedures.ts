/**
 * Procedures: the CPT-coded therapy per code the compliance engine supports (with the laterality modifier),
 * and the documented steps as parts of it: the harvest (site and side as body site), the concentration
 * and the injections (route, target sites), each with its volumes, counts and ultrasound guidance as
 * Observations that are part of the step.
 */
import type { BodyStructure, CodeableConcept, Observation, Procedure, Reference } from 'fhir/r4';
import type { AngiographyEntry, ConcentrationEntry, HarvestEntry, InjectionEntry } from '../domain/case-record';
import type { InjectionRoute } from '../domain/values';
import type { SupportedCode } from '../compliance';
import { bodySite, LOWER_LIMB, type BodySite } from './body-site';
import { CELLS, CPT_DISPLAY, EXTENSIONS, ML, MODIFIER, SNOMED, SYSTEMS, textOnly } from './codes';
import { isReplaced, versionNote, versionedId, type MapContext } from './context';
import { referenceTo, resourceId } from './ids';
import { narrative } from './narrative';
import { observation } from './observations';
import { personReference, type Person } from './people';

export const HARVEST_SITE_WORDS = {
  ANTERIOR_SUPERIOR_ILIAC_SPINE: 'anterior superior iliac spine',
  POSTERIOR_ILIAC_CREST: 'posterior iliac crest',
} as const;

/** The extension carrying a CPT code's HCPCS modifier: base R4 has no modifier on a procedure code. */
export const CPT_MODIFIER_EXTENSION = 'https://celltrail.dev/fhir/StructureDefinition/cpt-modifier';

const statusOf = (ctx: MapContext): Procedure['status'] => (isReplaced(ctx.version) ? 'entered-in-error' : 'completed');

function containedOf(sites: BodySite[]): { contained?: BodyStructure[]; bodySite?: CodeableConcept[] } {
  return sites.length === 0 ? {} : { contained: sites.map((s) => s.contained), bodySite: sites.map((s) => s.concept) };
}

interface StepSpec {
  key: string;
  code: CodeableConcept;
  performer: Person;
  sites: BodySite[];
  partOf: Reference[];
  text: string;
}

function step(ctx: MapContext, entry: { eventId: string; occurredAt: string; recordedBy: Person }, spec: StepSpec): Procedure {
  return {
    resourceType: 'Procedure',
    id: versionedId(ctx.version, entry.eventId, spec.key),
    text: narrative(`${spec.text}${versionNote(ctx.version)}`),
    ...containedOf(spec.sites),
    ...(spec.partOf.length > 0 ? { partOf: spec.partOf } : {}),
    status: statusOf(ctx),
    code: spec.code,
    subject: ctx.patient,
    performedDateTime: entry.occurredAt,
    recorder: personReference(entry.recordedBy),
    performer: [{ actor: personReference(spec.performer) }],
    reasonReference: [ctx.condition],
  };
}

const ml = (value: number) => ({ valueQuantity: { value, ...ML } });

export function harvestResources(ctx: MapContext, entry: HarvestEntry): [Procedure, ...Observation[]] {
  const site = bodySite('site', { coding: [SNOMED.iliacCrest], text: HARVEST_SITE_WORDS[entry.site] }, entry.sides, ctx.patient);
  const procedure = step(ctx, entry, {
    key: 'harvest',
    code: { coding: [SNOMED.boneMarrowAspiration], text: 'Bone marrow harvest (aspiration)' },
    performer: entry.operator,
    sites: [site],
    partOf: ctx.therapies.harvest,
    text: `Bone marrow harvest at the ${site.concept.text}`,
  });
  if (entry.needle !== null) procedure.usedCode = [textOnly(entry.needle)];
  const partOf = [referenceTo(procedure.id ?? '')];
  const volume = observation(ctx, entry, {
    key: 'aspirate-volume',
    code: textOnly('Bone marrow aspirate volume'),
    category: 'procedure',
    value: entry.aspirateVolumeMl === null ? null : ml(entry.aspirateVolumeMl),
    partOf,
    text: `Bone marrow aspirate volume: ${entry.aspirateVolumeMl === null ? 'not documented' : `${entry.aspirateVolumeMl} mL`}`,
  });
  return [procedure, volume];
}

export function concentrationResources(ctx: MapContext, entry: ConcentrationEntry): [Procedure, ...Observation[]] {
  const procedure = step(ctx, entry, {
    key: 'concentration',
    // No code is known for the centrifugal concentration of bone marrow aspirate: said in words.
    code: textOnly('Centrifugal concentration of bone marrow aspirate'),
    performer: entry.recordedBy,
    sites: [],
    partOf: ctx.therapies.concentration,
    text: `Centrifugal concentration of ${entry.inputVolumeMl} mL of bone marrow aspirate to ${entry.concentrateVolumeMl} mL`,
  });
  if (entry.device !== null) procedure.usedCode = [textOnly(entry.device)];
  const partOf = [referenceTo(procedure.id ?? '')];
  const observations = [
    observation(ctx, entry, {
      key: 'input-volume',
      code: textOnly('Bone marrow aspirate volume concentrated'),
      category: 'procedure',
      value: ml(entry.inputVolumeMl),
      partOf,
      text: `Bone marrow aspirate volume concentrated: ${entry.inputVolumeMl} mL`,
    }),
    observation(ctx, entry, {
      key: 'concentrate-volume',
      code: textOnly('Bone marrow concentrate volume'),
      category: 'procedure',
      value: ml(entry.concentrateVolumeMl),
      partOf,
      text: `Bone marrow concentrate volume: ${entry.concentrateVolumeMl} mL`,
    }),
  ];
  if (entry.totalNucleatedCells !== null)
    observations.push(
      observation(ctx, entry, {
        key: 'total-nucleated-cells',
        code: textOnly('Total nucleated cells in the concentrate'),
        category: 'procedure',
        value: { valueQuantity: { value: entry.totalNucleatedCells, ...CELLS } },
        partOf,
        text: `Total nucleated cells in the concentrate: ${entry.totalNucleatedCells}`,
      }),
    );
  if (entry.cd34Cells !== null)
    observations.push(
      observation(ctx, entry, {
        key: 'cd34-cells',
        code: textOnly('CD34+ cells in the concentrate'),
        category: 'procedure',
        value: { valueQuantity: { value: entry.cd34Cells, ...CELLS } },
        partOf,
        text: `CD34+ cells in the concentrate: ${entry.cd34Cells}`,
      }),
    );
  return [procedure, ...observations];
}

const LESION_WORDS = { STENOSIS: 'stenosis', OCCLUSION: 'occlusion' } as const;

/** The angiography before the harvest, with the lesions it located (no code is known for it: said in words). */
export function angiographyResources(ctx: MapContext, entry: AngiographyEntry): [Procedure] {
  const leg = entry.leg === 'LEFT' ? 'left' : 'right';
  const findings = entry.findings.map(
    (f) => `${f.segment}: ${LESION_WORDS[f.kind]}${f.severityPercent === null ? '' : ` ${f.severityPercent} %`}`,
  );
  const procedure = step(ctx, entry, {
    key: 'angiography',
    code: textOnly('Angiography of the leg arteries'),
    performer: entry.recordedBy,
    sites: [bodySite('leg', LOWER_LIMB, entry.leg, ctx.patient)],
    partOf: [],
    text: `Angiography of the ${leg} leg: ${findings.length === 0 ? 'no lesion documented' : findings.join('; ')}`,
  });
  if (findings.length > 0) procedure.note = findings.map((text) => ({ text }));
  return [procedure];
}

export const ROUTE_WORDS: Record<InjectionRoute, string> = {
  INTRAMUSCULAR: 'intramuscular',
  INTRA_ARTERIAL: 'intra-arterial',
  INTRAVENOUS: 'intravenous',
  SUBCUTANEOUS: 'subcutaneous',
  INTRAOSSEOUS: 'intraosseous',
  OTHER: 'other route',
};

export function injectionResources(ctx: MapContext, entry: InjectionEntry): [Procedure, ...Observation[]] {
  const intramuscular = entry.route === 'INTRAMUSCULAR';
  const leg = entry.leg === 'LEFT' ? 'left' : 'right';
  const targets = entry.targetSegments.map((segment, i) => bodySite(`target-${i + 1}`, textOnly(segment), entry.leg, ctx.patient));
  const sites = targets.length > 0 ? targets : [bodySite('leg', LOWER_LIMB, entry.leg, ctx.patient)];
  const procedure = step(ctx, entry, {
    key: 'injection',
    // Only the intramuscular injection has a known code; another route is said in words.
    code: intramuscular
      ? { coding: [SNOMED.intramuscularInjection], text: 'Intramuscular injection of autologous bone marrow concentrate' }
      : textOnly(`${ROUTE_WORDS[entry.route]} injection of autologous bone marrow concentrate`),
    performer: entry.performer,
    sites,
    partOf: ctx.therapies.injection(entry.leg),
    text: `${entry.injectionCount} ${ROUTE_WORDS[entry.route]} injections into the ${leg} leg`,
  });
  procedure.extension = [
    {
      url: EXTENSIONS.procedureMethod,
      valueCodeableConcept: intramuscular
        ? { coding: [SNOMED.intramuscularRoute], text: 'intramuscular' }
        : textOnly(ROUTE_WORDS[entry.route]),
    },
  ];
  const partOf = [referenceTo(procedure.id ?? '')];
  return [
    procedure,
    observation(ctx, entry, {
      key: 'injection-count',
      code: textOnly('Number of injections'),
      category: 'procedure',
      value: { valueInteger: entry.injectionCount },
      partOf,
      text: `Number of injections into the ${leg} leg: ${entry.injectionCount}`,
    }),
    observation(ctx, entry, {
      key: 'injected-volume',
      code: textOnly('Injected concentrate volume'),
      category: 'procedure',
      value: ml(entry.totalVolumeMl),
      partOf,
      text: `Concentrate injected into the ${leg} leg: ${entry.totalVolumeMl} mL`,
    }),
    observation(ctx, entry, {
      key: 'ultrasound-guidance',
      code: textOnly('Ultrasound guidance'),
      category: 'procedure',
      value: entry.ultrasoundGuided === null ? null : { valueBoolean: entry.ultrasoundGuided },
      partOf,
      text: `Ultrasound guidance: ${entry.ultrasoundGuided === null ? 'not documented' : entry.ultrasoundGuided ? 'yes' : 'no'}`,
    }),
  ];
}

/** The id of the therapy Procedure of a supported code: from the opening event, the code and its leg. */
export const therapyId = (openedEventId: string, code: SupportedCode): string =>
  resourceId(openedEventId, 'cpt', code.code, code.leg ?? 'none');

export interface TherapyFacts {
  openedEventId: string;
  patient: Reference;
  condition: Reference;
  /** Clinical times of the steps the code covers. */
  start: string;
  end: string;
  performer: Person | null;
}

/** One Procedure per CPT code the compliance engine supports, exactly as it supports them (code, leg, reason). */
export function therapyProcedure(code: SupportedCode, facts: TherapyFacts): Procedure {
  const modifier = code.leg === null ? null : MODIFIER[code.leg];
  const label = modifier ? `${code.code}-${modifier.code}` : code.code;
  const site = code.leg === null ? null : bodySite('leg', LOWER_LIMB, code.leg, facts.patient);
  return {
    resourceType: 'Procedure',
    id: therapyId(facts.openedEventId, code),
    text: narrative(`CPT ${label}: ${code.reason}`),
    ...(site ? { contained: [site.contained] } : {}),
    ...(modifier ? { extension: [{ url: CPT_MODIFIER_EXTENSION, valueCoding: modifier }] } : {}),
    status: 'completed',
    code: { coding: [{ system: SYSTEMS.cpt, code: code.code, display: CPT_DISPLAY[code.code] }], text: label },
    subject: facts.patient,
    performedPeriod: { start: facts.start, end: facts.end },
    ...(facts.performer ? { performer: [{ actor: personReference(facts.performer) }] } : {}),
    reasonReference: [facts.condition],
    ...(site ? { bodySite: [site.concept] } : {}),
    note: [{ text: code.reason }],
  };
}

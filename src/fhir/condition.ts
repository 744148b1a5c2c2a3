/**
 * The Condition: the case's ICD-10-CM diagnosis with the legs it documents as body sites, the Rutherford
 * category (per leg where given) and Fontaine stage as stages, and the indication's attestations as a note.
 * Each further ICD-10-CM code of the case is a Condition of its own.
 */
import type { Condition } from 'fhir/r4';
import { readDiagnosis } from '../compliance';
import type { CaseRecord } from '../domain/case-record';
import { bodySite, LOWER_LIMB } from './body-site';
import { SYSTEMS, coded, textOnly } from './codes';
import { isReplaced, versionNote, versionedId, type MapContext } from './context';
import { narrative } from './narrative';
import { personReference, type Person } from './people';

/** The principal diagnosis keeps its id when its code is corrected; a further code is known by the code. */
export const conditionKey = (index: number, code: string): string => (index === 0 ? 'diagnosis' : `diagnosis:${code}`);

/** The opening entry's facts the Condition needs besides the record. */
export interface OpeningFacts {
  eventId: string;
  recordedBy: Person;
}

const FONTAINE_WORDS = { I: 'I', IIA: 'IIa', IIB: 'IIb', III: 'III', IV: 'IV' } as const;

function diagnosisText(code: string): string {
  const diagnosis = readDiagnosis(code);
  if (!diagnosis.presentation) return `ICD-10-CM ${code}`;
  const legs =
    diagnosis.legs.length === 2
      ? 'both legs'
      : diagnosis.legs[0] === 'LEFT'
        ? 'left leg'
        : diagnosis.legs[0] === 'RIGHT'
          ? 'right leg'
          : 'leg not documented';
  return `Atherosclerosis of native arteries of the extremities with ${diagnosis.presentation}, ${legs} (ICD-10-CM ${code})`;
}

export function conditionResources(ctx: MapContext, record: CaseRecord, opening: OpeningFacts): Condition[] {
  const codes = [record.diagnosisCode, ...record.additionalDiagnosisCodes];
  return codes.map((code, index) => {
    const legs = readDiagnosis(code).legs;
    const sites =
      legs.length === 2
        ? [bodySite('leg', LOWER_LIMB, 'BILATERAL', ctx.patient)]
        : legs.map((leg) => bodySite('leg', LOWER_LIMB, leg, ctx.patient));
    const stage: NonNullable<Condition['stage']> = [];
    if (index === 0) {
      if (record.rutherfordCategory !== null)
        stage.push({ summary: textOnly(`Rutherford category ${record.rutherfordCategory}`), type: textOnly('Rutherford classification') });
      for (const own of record.legRutherfordCategories)
        stage.push({
          summary: textOnly(`Rutherford category ${own.category} (${own.leg === 'LEFT' ? 'left' : 'right'} leg)`),
          type: textOnly('Rutherford classification'),
        });
      if (record.fontaineStage !== null)
        stage.push({
          summary: textOnly(`Fontaine stage ${FONTAINE_WORDS[record.fontaineStage]}`),
          type: textOnly('Fontaine classification'),
        });
    }
    const replaced = isReplaced(ctx.version);
    const text = diagnosisText(code);
    return {
      resourceType: 'Condition',
      id: versionedId(ctx.version, opening.eventId, conditionKey(index, code)),
      text: narrative(`${text}${versionNote(ctx.version)}`),
      ...(sites.length > 0 ? { contained: sites.map((s) => s.contained) } : {}),
      // An entered-in-error Condition carries no clinical status (con-5).
      ...(replaced ? {} : { clinicalStatus: coded(SYSTEMS.conditionClinical, 'active', 'Active') }),
      verificationStatus: replaced
        ? coded(SYSTEMS.conditionVerification, 'entered-in-error', 'Entered in Error')
        : coded(SYSTEMS.conditionVerification, 'confirmed', 'Confirmed'),
      category: [coded(SYSTEMS.conditionCategory, 'encounter-diagnosis', 'Encounter Diagnosis')],
      code: { coding: [{ system: SYSTEMS.icd10cm, code }], text },
      ...(sites.length > 0 ? { bodySite: sites.map((s) => s.concept) } : {}),
      subject: ctx.patient,
      recordedDate: record.openedAt,
      recorder: personReference(opening.recordedBy),
      ...(stage.length > 0 ? { stage } : {}),
      ...(index === 0
        ? {
            note: [
              {
                text:
                  `Revascularisation not possible: ${record.revascularizationNotPossible ? 'attested' : 'not attested'}. ` +
                  `Amputation the only alternative: ${record.amputationOnlyAlternative ? 'attested' : 'not attested'}.`,
              },
            ],
          }
        : {}),
    } satisfies Condition;
  });
}

/** The current principal Condition, which every step gives as its reason. */
export const principalConditionId = (openingEventId: string): string =>
  versionedId({ kind: 'current', amended: false }, openingEventId, conditionKey(0, ''));

/** Patients: registration (clinicians, in their facilities) and the patient summary with their cases. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CaseSummary } from '../../../projections/case-summary';
import type { PatientSummary } from '../../../projections/patient-summary';
import { rolesFor } from '../../access/permissions';
import type { Sex } from '../../domain/values';
import { answered } from '../case/execute-case-command';
import { CaseType } from '../case/case.type';
import { COSTS } from '../common/cost';
import type { Context } from '../context';
import { RegisterPatientInput } from './register-patient.input';
import { PatientPayload, PatientType } from './patient.type';

@Resolver(() => PatientType)
export class PatientResolver {
  @Authorized(...rolesFor('record'))
  @Mutation(() => PatientPayload)
  async registerPatient(@Arg('input') input: RegisterPatientInput, @Ctx() ctx: Context): Promise<PatientPayload> {
    const { facilityId, mrn, givenName, familyName, birthDate } = input;
    const r = await answered(() =>
      ctx.data.registerPatient({ facilityId, mrn, givenName, familyName, birthDate, sex: input.sex as Sex }, input),
    );
    return { patient: r.value as PatientType | null, eventIds: r.eventIds, revision: r.revision, stale: r.stale };
  }

  @Authorized(...rolesFor('readSummaries'))
  @Query(() => PatientType, { nullable: true, description: 'Null when there is no such patient in your facilities.' })
  patient(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PatientSummary | null> {
    return ctx.data.patient(id);
  }

  @FieldResolver(() => [CaseType], { complexity: ({ childComplexity }) => childComplexity * COSTS.casesPerPatient })
  cases(@Root() patient: PatientSummary, @Ctx() ctx: Context): Promise<CaseSummary[]> {
    return ctx.data.casesOfPatient(patient);
  }
}

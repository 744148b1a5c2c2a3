/** Patients: registration (clinicians, in their facilities) and the patient summary with their cases. */
import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CaseSummary } from '../../../projections/case-summary';
import type { PatientSummary } from '../../../projections/patient-summary';
import { handleCommand } from '../../commands/command-handler';
import { patientDecider } from '../../commands/deciders';
import { patientStream } from '../../domain/events';
import type { Sex } from '../../domain/values';
import { eventIdFor } from '../../eventstore/envelope';
import { canSeeFacility } from '../auth/user';
import { actorOf, commandMeta, requireUser } from '../common/command-meta';
import { commandFailureError, notFound } from '../common/errors';
import type { Context } from '../context';
import { getPatientSummary } from '../read-models';
import { RegisterPatientInput } from './register-patient.input';
import { CaseType } from '../case/case.type';
import { PatientPayload, PatientType } from './patient.type';

@Resolver(() => PatientType)
export class PatientResolver {
  @Authorized('CLINICIAN')
  @Mutation(() => PatientPayload)
  async registerPatient(@Arg('input') input: RegisterPatientInput, @Ctx() ctx: Context): Promise<PatientPayload> {
    const user = requireUser(ctx);
    if (!user.facilities.includes(input.facilityId)) throw notFound('facility');
    const { store, clock, config, runner, readStore, streamStates: states } = ctx.services;
    // A retried registration (same commandId) must land on the same patient.
    const patientId = input.commandId ? eventIdFor(`${input.commandId}:patient`, 0) : randomUUID();
    const { facilityId, mrn, givenName, familyName, birthDate } = input;
    const result = await handleCommand(
      { store, clock, states },
      patientStream(patientId),
      patientDecider({ facilities: user.facilities, maxClockSkewMs: config.maxClockSkewMs }),
      { type: 'RegisterPatient', data: { patientId, facilityId, mrn, givenName, familyName, birthDate, sex: input.sex as Sex } },
      commandMeta(ctx, input),
    );
    if (!result.ok) throw commandFailureError(result.failure);
    const fresh = await runner.waitFor(result.position, config.readYourWritesTimeoutMs);
    const patient = await getPatientSummary(readStore, patientId);
    return { patient: patient as PatientType | null, eventIds: result.eventIds, revision: result.revision, stale: !fresh };
  }

  @Authorized()
  @Query(() => PatientType, { nullable: true, description: 'Null when there is no such patient in your facilities.' })
  async patient(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PatientSummary | null> {
    const user = requireUser(ctx);
    const patient = await getPatientSummary(ctx.services.readStore, id);
    const visible = patient !== null && canSeeFacility(user, patient.facilityId);
    await ctx.services.accessLog.record({
      actor: actorOf(user),
      operation: 'patient',
      patientId: id,
      caseId: null,
      outcome: visible ? 'OK' : 'NOT_FOUND',
      correlationId: ctx.requestId,
    });
    return visible ? patient : null;
  }

  @FieldResolver(() => [CaseType])
  cases(@Root() patient: PatientSummary, @Ctx() ctx: Context): Promise<CaseSummary[]> {
    return ctx.loaders.casesByPatient.load(patient.id);
  }
}

/** Mutations of a case's lifecycle: open, amend, sign, close. Thin: input → command → executeCaseCommand. */
import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { patientStream } from '../../domain/events';
import type * as V from '../../domain/values';
import { eventIdFor } from '../../eventstore/envelope';
import { orNull, requireUser } from '../common/command-meta';
import { notFound } from '../common/errors';
import type { Context } from '../context';
import { validateAmendment } from './amendment-changes';
import { AmendEntryInput, CloseCaseInput, SignProcedureInput } from './case-lifecycle.input';
import { CasePayload } from './case-payload.type';
import { executeCaseCommand } from './execute-case-command';
import { OpenCaseInput } from './open-case.input';

@Resolver()
export class CaseLifecycleResolver {
  @Authorized('CLINICIAN')
  @Mutation(() => CasePayload)
  async openCase(@Arg('input') input: OpenCaseInput, @Ctx() ctx: Context): Promise<CasePayload> {
    const user = requireUser(ctx);
    const [registered] = await ctx.services.store.readStream(patientStream(input.patientId), { maxCount: 1 });
    const facilityId = registered ? String(registered.data.facilityId) : null;
    // A patient outside the caller's facilities answers exactly as one that does not exist.
    if (!facilityId || !user.facilities.includes(facilityId)) throw notFound('patient');
    // A retried command without a caseId must land on the same case.
    const caseId = input.caseId ?? (input.commandId ? eventIdFor(`${input.commandId}:case`, 0) : randomUUID());
    return executeCaseCommand(ctx, caseId, input, {
      type: 'OpenCase',
      occurredAt: input.occurredAt,
      data: {
        caseId,
        patientId: input.patientId,
        facilityId,
        legs: input.legs as V.Leg[],
        diagnosisCode: input.diagnosisCode,
        rutherfordCategory: orNull(input.rutherfordCategory),
        fontaineStage: orNull(input.fontaineStage) as V.FontaineStage | null,
        revascularizationNotPossible: input.revascularizationNotPossible,
        amputationOnlyAlternative: input.amputationOnlyAlternative,
        harvestPlanned: input.harvestPlanned ?? true,
        additionalDiagnosisCodes: input.additionalDiagnosisCodes ?? [],
        legRutherfordCategories: (input.legRutherfordCategories ?? []).map((r) => ({ leg: r.leg as V.Leg, category: r.category })),
        harvestOnly: input.harvestOnly ?? false,
      },
    });
  }

  @Authorized('CLINICIAN')
  @Mutation(() => CasePayload)
  async amendEntry(@Arg('input') input: AmendEntryInput, @Ctx() ctx: Context): Promise<CasePayload> {
    const changes = await validateAmendment(ctx, input);
    return executeCaseCommand(ctx, input.caseId, input, {
      type: 'AmendEntry',
      data: { targetEventId: input.targetEventId, reason: input.reason, changes },
    });
  }

  @Authorized('CLINICIAN')
  @Mutation(() => CasePayload)
  signProcedure(@Arg('input') input: SignProcedureInput, @Ctx() ctx: Context): Promise<CasePayload> {
    const user = requireUser(ctx);
    return executeCaseCommand(ctx, input.caseId, input, {
      type: 'SignProcedure',
      data: {
        meaning: input.meaning as V.SignatureMeaning,
        signerId: user.id,
        signerName: user.name,
        signerRole: 'CLINICIAN',
        attestedAt: orNull(input.attestedAt),
      },
    });
  }

  @Authorized('CLINICIAN')
  @Mutation(() => CasePayload)
  closeCase(@Arg('input') input: CloseCaseInput, @Ctx() ctx: Context): Promise<CasePayload> {
    return executeCaseCommand(ctx, input.caseId, input, { type: 'CloseCase', data: { reason: input.reason as V.CloseReason } });
  }
}

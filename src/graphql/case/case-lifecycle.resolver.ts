/** Mutations of a case's lifecycle: open, amend, sign, close. Thin: input → command → executeCaseCommand. */
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { rolesFor } from '../../access/permissions';
import type * as V from '../../domain/values';
import { orNull, requireUser } from '../common/command-meta';
import type { Context } from '../context';
import { normalizedChanges } from './amendment-changes';
import { AmendEntryInput, CloseCaseInput, SignProcedureInput } from './case-lifecycle.input';
import { CasePayload } from './case-payload.type';
import { answered, casePayloadOf, executeCaseCommand } from './execute-case-command';
import { OpenCaseInput } from './open-case.input';

@Resolver()
export class CaseLifecycleResolver {
  @Authorized(...rolesFor('record'))
  @Mutation(() => CasePayload)
  async openCase(@Arg('input') input: OpenCaseInput, @Ctx() ctx: Context): Promise<CasePayload> {
    const opened = await answered(() =>
      ctx.data.openCase(
        input.patientId,
        input.caseId ?? null,
        ({ caseId, facilityId }) => ({
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
        }),
        input,
      ),
    );
    return casePayloadOf(opened);
  }

  @Authorized(...rolesFor('record'))
  @Mutation(() => CasePayload)
  amendEntry(@Arg('input') input: AmendEntryInput, @Ctx() ctx: Context): Promise<CasePayload> {
    const changes = normalizedChanges(input.changes);
    return executeCaseCommand(ctx, input.caseId, input, {
      type: 'AmendEntry',
      data: { targetEventId: input.targetEventId, reason: input.reason, changes },
    });
  }

  @Authorized(...rolesFor('record'))
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

  @Authorized(...rolesFor('record'))
  @Mutation(() => CasePayload)
  closeCase(@Arg('input') input: CloseCaseInput, @Ctx() ctx: Context): Promise<CasePayload> {
    return executeCaseCommand(ctx, input.caseId, input, { type: 'CloseCase', data: { reason: input.reason as V.CloseReason } });
  }
}

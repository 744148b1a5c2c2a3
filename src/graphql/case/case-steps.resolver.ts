/** Mutations that document the procedure's clinical steps. Thin: input → domain command → executeCaseCommand. */
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { rolesFor } from '../../access/permissions';
import type * as V from '../../domain/values';
import { orNull } from '../common/command-meta';
import type { Context } from '../context';
import { CasePayload } from './case-payload.type';
import { executeCaseCommand } from './execute-case-command';
import { performerOf } from './performer.input';
import { RecordAngiographyInput } from './record-angiography.input';
import { RecordCellConcentrationInput } from './record-cell-concentration.input';
import { RecordDopplerAssessmentInput } from './record-doppler-assessment.input';
import { RecordHarvestInput } from './record-harvest.input';
import { RecordInjectionInput } from './record-injection.input';
import { RecordOutcomeInput } from './record-outcome.input';

@Resolver()
export class CaseStepsResolver {
  @Authorized(...rolesFor('record'))
  @Mutation(() => CasePayload)
  recordDopplerAssessment(@Arg('input') input: RecordDopplerAssessmentInput, @Ctx() ctx: Context): Promise<CasePayload> {
    const { brachialLeftMmHg, brachialRightMmHg, dorsalisPedisMmHg, posteriorTibialMmHg } = input;
    return executeCaseCommand(ctx, input.caseId, input, {
      type: 'RecordDopplerAssessment',
      occurredAt: input.occurredAt,
      data: {
        leg: input.leg as V.Leg,
        brachialLeftMmHg,
        brachialRightMmHg,
        dorsalisPedisMmHg,
        posteriorTibialMmHg,
        anteriorTibialMmHg: orNull(input.anteriorTibialMmHg),
        toePressureMmHg: orNull(input.toePressureMmHg),
        abi: orNull(input.abi),
      },
    });
  }

  @Authorized(...rolesFor('record'))
  @Mutation(() => CasePayload)
  recordAngiography(@Arg('input') input: RecordAngiographyInput, @Ctx() ctx: Context): Promise<CasePayload> {
    const findings = input.findings.map((f) => ({
      segment: f.segment,
      kind: f.kind as V.LesionKind,
      severityPercent: orNull(f.severityPercent),
    }));
    return executeCaseCommand(ctx, input.caseId, input, {
      type: 'RecordAngiography',
      occurredAt: input.occurredAt,
      data: { leg: input.leg as V.Leg, findings },
    });
  }

  @Authorized(...rolesFor('record'))
  @Mutation(() => CasePayload)
  recordHarvest(@Arg('input') input: RecordHarvestInput, @Ctx() ctx: Context): Promise<CasePayload> {
    return executeCaseCommand(ctx, input.caseId, input, {
      type: 'RecordHarvest',
      occurredAt: input.occurredAt,
      data: {
        site: input.site as V.HarvestSite,
        sides: input.sides as V.HarvestSides,
        aspirateVolumeMl: orNull(input.aspirateVolumeMl),
        needle: orNull(input.needle),
        performedBy: performerOf(input.performer),
      },
    });
  }

  @Authorized(...rolesFor('record'))
  @Mutation(() => CasePayload)
  recordCellConcentration(@Arg('input') input: RecordCellConcentrationInput, @Ctx() ctx: Context): Promise<CasePayload> {
    return executeCaseCommand(ctx, input.caseId, input, {
      type: 'RecordCellConcentration',
      occurredAt: input.occurredAt,
      data: {
        method: input.method as V.ConcentrationMethod,
        inputVolumeMl: input.inputVolumeMl,
        concentrateVolumeMl: input.concentrateVolumeMl,
        device: orNull(input.device),
        totalNucleatedCells: orNull(input.totalNucleatedCells),
        cd34Cells: orNull(input.cd34Cells),
      },
    });
  }

  @Authorized(...rolesFor('record'))
  @Mutation(() => CasePayload)
  recordInjection(@Arg('input') input: RecordInjectionInput, @Ctx() ctx: Context): Promise<CasePayload> {
    const { injectionCount, totalVolumeMl, targetSegments, ultrasoundGuided } = input;
    return executeCaseCommand(ctx, input.caseId, input, {
      type: 'RecordInjection',
      occurredAt: input.occurredAt,
      data: {
        leg: input.leg as V.Leg,
        route: input.route as V.InjectionRoute,
        injectionCount,
        totalVolumeMl,
        targetSegments,
        ultrasoundGuided: orNull(ultrasoundGuided),
        performedBy: performerOf(input.performer),
      },
    });
  }

  @Authorized(...rolesFor('record'))
  @Mutation(() => CasePayload)
  recordOutcome(@Arg('input') input: RecordOutcomeInput, @Ctx() ctx: Context): Promise<CasePayload> {
    return executeCaseCommand(ctx, input.caseId, input, {
      type: 'RecordOutcome',
      occurredAt: input.occurredAt,
      data: {
        leg: input.leg as V.Leg,
        abi: orNull(input.abi),
        restPainScore: orNull(input.restPainScore),
        ulcerStatus: orNull(input.ulcerStatus) as V.UlcerStatus | null,
        wagnerGrade: orNull(input.wagnerGrade),
        amputation: orNull(input.amputation) as V.AmputationLevel | null,
        deceased: orNull(input.deceased),
      },
    });
  }
}

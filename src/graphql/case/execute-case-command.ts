/** Shared by every case mutation: run the command, wait for the read model, answer with the case. */
import { caseDecider } from '../../commands/deciders';
import { handleCommand } from '../../commands/command-handler';
import type { CaseCommand } from '../../domain/case-commands';
import { caseStream } from '../../domain/events';
import { getCaseSummary } from '../read-models';
import type { CaseType } from './case.type';
import { commandMeta, requireUser } from '../common/command-meta';
import { commandFailureError } from '../common/errors';
import type { Context } from '../context';
import type { CasePayload } from './case-payload.type';

export async function executeCaseCommand(
  ctx: Context,
  caseId: string,
  input: { commandId?: string; expectedRevision?: number },
  command: CaseCommand,
): Promise<CasePayload> {
  const user = requireUser(ctx);
  const { store, clock, config, runner, readStore, streamStates: states } = ctx.services;
  const decider = caseDecider({ facilities: user.facilities, maxClockSkewMs: config.maxClockSkewMs });
  const result = await handleCommand({ store, clock, states }, caseStream(caseId), decider, command, commandMeta(ctx, input));
  if (!result.ok) throw commandFailureError(result.failure);
  const fresh = await runner.waitFor(result.position, config.readYourWritesTimeoutMs);
  const summary = await getCaseSummary(readStore, caseId);
  return { case: summary as CaseType | null, eventIds: result.eventIds, revision: result.revision, stale: !fresh };
}

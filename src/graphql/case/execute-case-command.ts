/** Shared by every case mutation: the command runs through the caller's seam; the answer is the case as the read model shows it. */
import { CommandRefused, type Recorded } from '../../access/case-commands';
import type { CaseCommand } from '../../domain/case-commands';
import { commandFailureError } from '../common/errors';
import type { Context } from '../context';
import type { CasePayload } from './case-payload.type';
import type { CaseType } from './case.type';

/** A refused command as the API's error (NOT_FOUND, CONCURRENCY_CONFLICT, BAD_USER_INPUT, …). */
export async function answered<T>(run: () => Promise<Recorded<T>>): Promise<Recorded<T>> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof CommandRefused ? commandFailureError(error.failure) : error;
  }
}

export const casePayloadOf = (r: Recorded<unknown>): CasePayload => ({
  case: r.value as CaseType | null,
  eventIds: r.eventIds,
  revision: r.revision,
  stale: r.stale,
});

export async function executeCaseCommand(
  ctx: Context,
  caseId: string,
  input: { commandId?: string; expectedRevision?: number },
  command: CaseCommand,
): Promise<CasePayload> {
  return casePayloadOf(await answered(() => ctx.data.recordCase(caseId, command, input)));
}

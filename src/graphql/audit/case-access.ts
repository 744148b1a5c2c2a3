/**
 * Auditor reads of one case: facility-checked like `case` (a case outside your facilities answers as not
 * found), and every attempt recorded in the access log with its outcome (ids only).
 */
import { isUnreadableRow } from '../../audit/verify-stream';
import { caseStream } from '../../domain/events';
import { canSeeFacility } from '../auth/user';
import { actorOf, requireUser } from '../common/command-meta';
import type { Context, Services } from '../context';
import { getCaseSummary } from '../read-models';

export interface CaseOwner {
  facilityId: string;
  patientId: string;
}

/** From the opening event (the read model may lag a write); from the read model when that event is missing or damaged, so a damaged stream can still be verified. */
export async function caseOwner(services: Pick<Services, 'store' | 'readStore'>, caseId: string): Promise<CaseOwner | null> {
  try {
    const [first] = await services.store.readStream(caseStream(caseId), { maxCount: 1 });
    const { facilityId, patientId } = first?.type === 'CaseOpened' ? first.data : {};
    if (typeof facilityId === 'string' && typeof patientId === 'string') return { facilityId, patientId };
  } catch (error) {
    if (!isUnreadableRow(error)) throw error;
  }
  const summary = await getCaseSummary(services.readStore, caseId);
  return summary ? { facilityId: summary.facilityId, patientId: summary.patientId } : null;
}

/** Runs `read` when the caller may see the case; null when it may not, or when `read` finds nothing. */
export async function readCase<T>(
  ctx: Context,
  operation: string,
  caseId: string,
  read: (owner: CaseOwner) => Promise<T | null>,
): Promise<T | null> {
  const user = requireUser(ctx);
  const entry = { actor: actorOf(user), operation, caseId, correlationId: ctx.requestId };
  let visible: CaseOwner | null = null;
  try {
    const owner = await caseOwner(ctx.services, caseId);
    visible = owner && canSeeFacility(user, owner.facilityId) ? owner : null;
    const result = visible ? await read(visible) : null;
    await ctx.services.accessLog.record({ ...entry, patientId: visible?.patientId ?? null, outcome: result === null ? 'NOT_FOUND' : 'OK' });
    return result;
  } catch (error) {
    await ctx.services.accessLog.record({ ...entry, patientId: visible?.patientId ?? null, outcome: 'ERROR' });
    throw error;
  }
}

/** One case, for auditors: its history, the case as it stood at a moment, and its integrity — through the caller's seam. */
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { rolesFor } from '../../access/permissions';
import type { RecordedEvent } from '../../eventstore/port';
import { pageInfoOf, pageRequest } from '../common/connection';
import { COSTS, fixed, perItem } from '../common/cost';
import { notFound } from '../common/errors';
import { DateTimeScalar } from '../common/scalars';
import type { Context } from '../context';
import { AuditEventConnection, auditEventOf } from './audit-event.type';
import { CaseSnapshot } from './case-snapshot.type';
import { revisionAfter, revisionCursor } from './cursors';
import { IntegrityReport, integrityReportOf } from './integrity-report.type';

@Resolver()
export class CaseAuditResolver {
  @Authorized(...rolesFor('readCaseHistory'))
  @Query(() => AuditEventConnection, {
    complexity: perItem,
    description:
      "A case's events in stream order, amendments and signatures as their own entries (cursor: revision). NOT_FOUND outside your facilities.",
  })
  async caseHistory(
    @Arg('caseId', () => ID) caseId: string,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, { nullable: true }) last?: number,
    @Arg('before', () => String, { nullable: true }) before?: string,
  ): Promise<AuditEventConnection> {
    const max = ctx.data.maxPageSize;
    const request = pageRequest({ first, after, last, before }, { max, fallback: max, decode: revisionAfter });
    let events: RecordedEvent[];
    let more: boolean;
    if (request.backward) {
      // Newest first from just before the cursor (revision 0 is read and dropped: a stream has no revision -1).
      const from = request.before === undefined ? undefined : Math.max(request.before - 1, 0);
      const read = await ctx.data.caseHistory(caseId, { fromRevision: from, maxCount: request.size + 1, direction: 'backwards' });
      if (!read) throw notFound('case');
      const older = read.filter((event) => request.before === undefined || event.revision < request.before);
      events = older.slice(0, request.size).reverse();
      more = older.length > request.size;
    } else {
      const fromRevision = (request.after ?? -1) + 1;
      const read = await ctx.data.caseHistory(caseId, { fromRevision, maxCount: request.size + 1 });
      if (!read) throw notFound('case');
      events = read.slice(0, request.size);
      more = read.length > request.size;
    }
    const edges = events.map((event) => ({ cursor: revisionCursor(event.revision), node: auditEventOf(event) }));
    const readFrom = request.backward ? before : after;
    return {
      edges,
      pageInfo: pageInfoOf(
        request,
        edges.map((e) => e.cursor),
        more,
        readFrom ?? null,
      ),
    };
  }

  @Authorized(...rolesFor('readCaseHistory'))
  @Query(() => CaseSnapshot, {
    nullable: true,
    complexity: fixed(COSTS.caseAsOf),
    description:
      'The case and its compliance exactly as they stood at `at`: the stream folded up to the last event recorded at or before it. Null when the case was not yet recorded then, or is not in your facilities.',
  })
  async caseAsOf(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('at', () => DateTimeScalar) at: string,
    @Ctx() ctx: Context,
  ): Promise<CaseSnapshot | null> {
    const asOf = await ctx.data.caseAsOf(caseId, at);
    return asOf && ({ ...asOf.summary, complianceAsOf: asOf.compliance, asOf: at } as unknown as CaseSnapshot);
  }

  @Authorized(...rolesFor('readCaseHistory'))
  @Query(() => IntegrityReport, {
    complexity: fixed(COSTS.verifyCaseIntegrity),
    description: "Recomputes the case stream's hash chain. NOT_FOUND outside your facilities.",
  })
  async verifyCaseIntegrity(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: Context): Promise<IntegrityReport> {
    const report = await ctx.data.verifyCase(caseId);
    if (!report) throw notFound('case');
    return integrityReportOf(report);
  }
}

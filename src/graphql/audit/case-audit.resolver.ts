/** One case, for auditors: its history, the case as it stood at a moment, and its integrity — through the caller's seam. */
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { rolesFor } from '../../access/permissions';
import { pageSize } from '../common/connection';
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
  ): Promise<AuditEventConnection> {
    const size = pageSize(first, ctx.data.maxPageSize, ctx.data.maxPageSize);
    const fromRevision = (revisionAfter(after) ?? -1) + 1;
    const read = await ctx.data.caseHistory(caseId, { fromRevision, maxCount: size + 1 });
    if (!read) throw notFound('case');
    const edges = read.slice(0, size).map((event) => ({ cursor: revisionCursor(event.revision), node: auditEventOf(event) }));
    return { edges, pageInfo: { hasNextPage: read.length > size, endCursor: edges[edges.length - 1]?.cursor ?? after ?? null } };
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

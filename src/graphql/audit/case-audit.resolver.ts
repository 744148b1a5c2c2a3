/** One case, for auditors: its history, the case as it stood at a moment, and its integrity. Read from the event store. */
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { caseAsOf } from '../../audit/case-as-of';
import { verifyStream } from '../../audit/verify-stream';
import { caseStream } from '../../domain/events';
import { pageSize } from '../common/connection';
import { notFound } from '../common/errors';
import { DateTimeScalar } from '../common/scalars';
import type { Context } from '../context';
import { getCaseSummary } from '../read-models';
import { AuditEventConnection, auditEventOf } from './audit-event.type';
import { readCase } from './case-access';
import { CaseSnapshot } from './case-snapshot.type';
import { revisionAfter, revisionCursor } from './cursors';
import { IntegrityReport, integrityReportOf } from './integrity-report.type';

const CASE_READERS = ['AUDITOR', 'ADMIN', 'COMPLIANCE_OFFICER', 'CLINICIAN'] as const;

@Resolver()
export class CaseAuditResolver {
  @Authorized(...CASE_READERS)
  @Query(() => AuditEventConnection, {
    description:
      "A case's events in stream order, amendments and signatures as their own entries (cursor: revision). NOT_FOUND outside your facilities.",
  })
  async caseHistory(
    @Arg('caseId', () => ID) caseId: string,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AuditEventConnection> {
    const size = pageSize(first, ctx.services.config.maxPageSize, ctx.services.config.maxPageSize);
    const fromRevision = (revisionAfter(after) ?? -1) + 1;
    const read = await readCase(ctx, 'caseHistory', caseId, () =>
      ctx.services.store.readStream(caseStream(caseId), { fromRevision, maxCount: size + 1 }),
    );
    if (!read) throw notFound('case');
    const edges = read.slice(0, size).map((event) => ({ cursor: revisionCursor(event.revision), node: auditEventOf(event) }));
    return { edges, pageInfo: { hasNextPage: read.length > size, endCursor: edges[edges.length - 1]?.cursor ?? after ?? null } };
  }

  @Authorized(...CASE_READERS)
  @Query(() => CaseSnapshot, {
    nullable: true,
    description:
      'The case and its compliance exactly as they stood at `at`: the stream folded up to the last event recorded at or before it. Null when the case was not yet recorded then, or is not in your facilities.',
  })
  caseAsOf(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('at', () => DateTimeScalar) at: string,
    @Ctx() ctx: Context,
  ): Promise<CaseSnapshot | null> {
    return readCase(ctx, 'caseAsOf', caseId, async () => {
      const asOf = caseAsOf(await ctx.services.store.readStream(caseStream(caseId)), at, ctx.services.compliance);
      return asOf && ({ ...asOf.summary, complianceAsOf: asOf.compliance, asOf: at } as unknown as CaseSnapshot);
    });
  }

  @Authorized(...CASE_READERS)
  @Query(() => IntegrityReport, { description: "Recomputes the case stream's hash chain. NOT_FOUND outside your facilities." })
  async verifyCaseIntegrity(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: Context): Promise<IntegrityReport> {
    const report = await readCase(ctx, 'verifyCaseIntegrity', caseId, async () => {
      // The read model remembers the last revision it applied: a stream ending before it lost its tail.
      const summary = await getCaseSummary(ctx.services.readStore, caseId);
      return verifyStream(ctx.services.store, caseStream(caseId), { knownRevision: summary?.revision ?? null });
    });
    if (!report) throw notFound('case');
    return integrityReportOf(report);
  }
}

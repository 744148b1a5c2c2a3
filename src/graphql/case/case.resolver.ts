/** Case queries and live updates, from the read model, filtered by the caller's facilities. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { complianceAt } from '../../compliance';
import type { CaseSummary } from '../../../projections/case-summary';
import { canSeeFacility } from '../auth/user';
import { actorOf, requireUser } from '../common/command-meta';
import { decodeCursor, encodeCursor, pageSize } from '../common/connection';
import type { Context } from '../context';
import { findCaseSummaries, getCaseSummary } from '../read-models';
import { filter, pipe } from '@graphql-yoga/subscription';
import { CASE_UPDATED } from './case-events';
import { CaseConnection } from './case-connection.type';
import { CaseFilter } from './case-filter.input';
import { caseFilter } from './case-query';
import { CaseType } from './case.type';
import { Compliance } from './compliance.type';

@Resolver(() => CaseType)
export class CaseResolver {
  @Authorized()
  @Query(() => CaseType, { name: 'case', nullable: true, description: 'Null when there is no such case in your facilities.' })
  async caseById(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CaseSummary | null> {
    const user = requireUser(ctx);
    const summary = await getCaseSummary(ctx.services.readStore, id);
    const visible = summary !== null && canSeeFacility(user, summary.facilityId);
    await ctx.services.accessLog.record({
      actor: actorOf(user),
      operation: 'case',
      caseId: id,
      patientId: visible ? summary.patientId : null,
      outcome: visible ? 'OK' : 'NOT_FOUND',
      correlationId: ctx.requestId,
    });
    return visible ? summary : null;
  }

  @Authorized()
  @Query(() => CaseConnection, { description: 'Cases in your facilities, most recently updated first.' })
  async cases(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<CaseConnection> {
    const user = requireUser(ctx);
    const { readStore, config, clock } = ctx.services;
    const query = caseFilter(user, filter, clock());
    const [page, totalCount] = await Promise.all([
      findCaseSummaries(readStore, {
        filter: query,
        sort: [['updatedAt', -1]],
        limit: pageSize(first, config.maxPageSize),
        after: decodeCursor(after),
      }),
      readStore.count('case-summary', query),
    ]);
    await Promise.all(
      page.items.map((item) =>
        ctx.services.accessLog.record({
          actor: actorOf(user),
          operation: 'cases',
          caseId: item.id,
          patientId: item.patientId,
          outcome: 'OK',
          correlationId: ctx.requestId,
        }),
      ),
    );
    const edges = page.items.map((node, i) => ({ node: node as unknown as CaseType, cursor: encodeCursor(page.cursors[i] ?? []) }));
    return { totalCount, edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges[edges.length - 1]?.cursor ?? null } };
  }

  @Authorized('CLINICIAN', 'COMPLIANCE_OFFICER', 'AUDITOR', 'ADMIN')
  @FieldResolver(() => Compliance, { description: "The audit as of now: overdue follow-ups depend on today's date." })
  compliance(@Root() summary: CaseSummary, @Ctx() ctx: Context): Compliance {
    return complianceAt(summary.compliance, ctx.services.clock());
  }

  @Authorized()
  @Subscription(() => CaseType, {
    subscribe: ({ args, context }) => {
      const { user, services } = context as Context;
      return pipe(
        services.caseEvents.subscribe(CASE_UPDATED, (args as { caseId: string }).caseId),
        filter((summary: CaseSummary) => user !== null && canSeeFacility(user, summary.facilityId)),
      );
    },
    description: 'The case each time the read model applies a change to it (same access rules as `case`).',
  })
  caseUpdated(@Arg('caseId', () => ID) _caseId: string, @Root() summary: CaseSummary): CaseSummary {
    return summary;
  }
}

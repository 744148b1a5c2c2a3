/** Case queries and live updates: the caller's seam reads them, in the caller's facilities, and logs each read. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { complianceAt } from '../../compliance';
import type { CaseSummary } from '../../../projections/case-summary';
import { rolesFor } from '../../access/permissions';
import { decodeCursor, encodeCursor, pageInfoOf, pageRequest } from '../common/connection';
import type { Context } from '../context';
import { CaseConnection } from './case-connection.type';
import { CaseFilter } from './case-filter.input';
import { CaseType } from './case.type';
import { Compliance } from './compliance.type';
import { perItem } from '../common/cost';

@Resolver(() => CaseType)
export class CaseResolver {
  @Authorized(...rolesFor('readSummaries'))
  @Query(() => CaseType, { name: 'case', nullable: true, description: 'Null when there is no such case in your facilities.' })
  caseById(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CaseSummary | null> {
    return ctx.data.case(id);
  }

  @Authorized(...rolesFor('readSummaries'))
  @Query(() => CaseConnection, { description: 'Cases in your facilities, most recently updated first.', complexity: perItem })
  async cases(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, { nullable: true }) last?: number,
    @Arg('before', () => String, { nullable: true }) before?: string,
  ): Promise<CaseConnection> {
    const request = pageRequest({ first, after, last, before }, { max: ctx.data.maxPageSize, decode: decodeCursor });
    const page = await ctx.data.cases(
      filter,
      request.backward
        ? { limit: request.size, direction: 'backwards', before: request.before }
        : { limit: request.size, after: request.after },
    );
    const edges = page.items.map((node, i) => ({ node: node as unknown as CaseType, cursor: encodeCursor(page.cursors[i] ?? []) }));
    const more = request.backward ? page.hasPreviousPage : page.hasNextPage;
    // An empty page reports the cursor it was read from as both ends, as every connection here does.
    const readFrom = (request.backward ? before : after) ?? null;
    const pageInfo = pageInfoOf(
      request,
      edges.map((e) => e.cursor),
      more,
      readFrom,
    );
    return { totalCount: page.totalCount, edges, pageInfo };
  }

  @Authorized(...rolesFor('readCompliance'))
  @FieldResolver(() => Compliance, { description: "The audit as of now: overdue follow-ups depend on today's date." })
  compliance(@Root() summary: CaseSummary, @Ctx() ctx: Context): Compliance {
    return complianceAt(summary.compliance, ctx.data.now());
  }

  @Authorized(...rolesFor('readSummaries'))
  @Subscription(() => CaseType, {
    subscribe: ({ args, context }) => (context as Context).data.watchCase((args as { caseId: string }).caseId),
    description:
      'The case each time the read model applies a change to it (same access rules as `case`; each delivery is logged; ends when the token expires).',
  })
  caseUpdated(@Arg('caseId', () => ID) _caseId: string, @Root() summary: CaseSummary): CaseSummary {
    return summary;
  }
}

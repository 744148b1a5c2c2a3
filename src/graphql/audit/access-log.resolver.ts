/** The access log read back, for auditors and administrators; reading it is itself an access. */
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { readAccessLogPage } from '../../audit/access-log-reader';
import { actorOf, requireUser } from '../common/command-meta';
import { pageSize } from '../common/connection';
import { badUserInput } from '../common/errors';
import type { Context } from '../context';
import { AccessLogConnection } from './access-log-entry.type';
import { AccessLogFilter } from './access-log-filter.input';
import { accessAfter, accessCursor } from './cursors';

@Resolver()
export class AccessLogResolver {
  @Authorized('AUDITOR', 'ADMIN')
  @Query(() => AccessLogConnection, {
    description:
      'Reads of patient data, in the order they happened. Filters other than the time range are checked within a scan limit per request: a page may hold fewer than `first` entries with hasNextPage true.',
  })
  async accessLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => AccessLogFilter, { nullable: true }) filter?: AccessLogFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AccessLogConnection> {
    const user = requireUser(ctx);
    const { store, accessLog, config, clock } = ctx.services;
    if (filter?.from && filter.to && filter.from > filter.to) {
      throw badUserInput([{ path: 'filter.to', constraints: ['to must not be before from'] }]);
    }
    const page = await readAccessLogPage(store, filter ?? {}, {
      first: pageSize(first, config.maxPageSize),
      after: accessAfter(after),
      now: clock(),
    });
    await accessLog.record({
      actor: actorOf(user),
      operation: 'accessLog',
      patientId: filter?.patientId ?? null,
      caseId: filter?.caseId ?? null,
      outcome: 'OK',
      correlationId: ctx.requestId,
    });
    const edges = page.entries.map((entry) => ({ cursor: accessCursor(entry.cursor), node: entry }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.end === null ? null : accessCursor(page.end) } };
  }
}

/** The access log read back, for auditors and administrators; reading it is itself an access. */
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { rolesFor } from '../../access/permissions';
import { pageInfoOf, pageRequest } from '../common/connection';
import { perItem } from '../common/cost';
import { badUserInput } from '../common/errors';
import type { Context } from '../context';
import { AccessLogConnection } from './access-log-entry.type';
import { AccessLogFilter } from './access-log-filter.input';
import { accessAfter, accessCursor } from './cursors';

@Resolver()
export class AccessLogResolver {
  @Authorized(...rolesFor('readAccessLog'))
  @Query(() => AccessLogConnection, {
    complexity: perItem,
    description:
      'Reads of patient data, in the order they happened (`first`/`after` forwards, `last`/`before` backwards). Filters other than the time range are checked within a scan limit per request: a page may hold fewer entries than asked for with more to come (hasNextPage, or hasPreviousPage backwards).',
  })
  async accessLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => AccessLogFilter, { nullable: true }) filter?: AccessLogFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, { nullable: true }) last?: number,
    @Arg('before', () => String, { nullable: true }) before?: string,
  ): Promise<AccessLogConnection> {
    if (filter?.from && filter.to && filter.from > filter.to) {
      throw badUserInput([{ path: 'filter.to', constraints: ['to must not be before from'] }]);
    }
    const request = pageRequest({ first, after, last, before }, { max: ctx.data.maxPageSize, decode: accessAfter });
    if (request.backward) {
      const page = await ctx.data.accessLogBackwards(filter ?? {}, { last: request.size, before: request.before });
      const edges = page.entries.map((entry) => ({ cursor: accessCursor(entry.cursor), node: entry }));
      // The start cursor may lie before the first entry (entries scanned and not matched): the next page ends there.
      const info = pageInfoOf(
        request,
        edges.map((e) => e.cursor),
        page.hasPreviousPage,
      );
      return { edges, pageInfo: { ...info, startCursor: page.start === null ? null : accessCursor(page.start) } };
    }
    const page = await ctx.data.accessLog(filter ?? {}, { first: request.size, after: request.after });
    const edges = page.entries.map((entry) => ({ cursor: accessCursor(entry.cursor), node: entry }));
    // The end cursor may lie past the last entry (entries scanned and not matched): the next page starts there.
    const info = pageInfoOf(
      request,
      edges.map((e) => e.cursor),
      page.hasNextPage,
    );
    return { edges, pageInfo: { ...info, endCursor: page.end === null ? null : accessCursor(page.end) } };
  }
}

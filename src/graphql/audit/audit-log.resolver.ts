/** Every event across streams in global order, for auditors and administrators. */
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { rolesFor } from '../../access/permissions';
import { pageInfoOf, pageRequest } from '../common/connection';
import { perItem } from '../common/cost';
import { badUserInput } from '../common/errors';
import type { Context } from '../context';
import { AuditEventConnection, auditEventOf } from './audit-event.type';
import { AuditLogFilter } from './audit-log-filter.input';
import { positionAfter, positionCursor } from './cursors';

const cursorsOf = (edges: readonly { cursor: string }[]): string[] => edges.map((e) => e.cursor);

@Resolver()
export class AuditLogResolver {
  @Authorized(...rolesFor('readAuditLog'))
  @Query(() => AuditEventConnection, {
    complexity: perItem,
    description:
      'All events in global order (cursor: position; `first`/`after` forwards, `last`/`before` backwards, a page always in ascending order), filtered by the event store itself: a page holds `first` (or `last`) events unless it is the last one that way (hasNextPage, or hasPreviousPage backwards, false).',
  })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, { nullable: true }) last?: number,
    @Arg('before', () => String, { nullable: true }) before?: string,
  ): Promise<AuditEventConnection> {
    if (filter?.recordedFrom && filter.recordedTo && filter.recordedFrom > filter.recordedTo) {
      throw badUserInput([{ path: 'filter.recordedTo', constraints: ['recordedTo must not be before recordedFrom'] }]);
    }
    const request = pageRequest({ first, after, last, before }, { max: ctx.data.maxPageSize, decode: positionAfter });
    if (request.backward) {
      const page = await ctx.data.auditLogBackwards(filter ?? {}, { last: request.size, before: request.before });
      const edges = page.events.map((event) => ({ cursor: positionCursor(event.position), node: auditEventOf(event) }));
      const start = page.startPosition === null ? null : positionCursor(page.startPosition);
      return { edges, pageInfo: pageInfoOf(request, cursorsOf(edges), page.hasPreviousPage, start) };
    }
    const page = await ctx.data.auditLog(filter ?? {}, { first: request.size, after: request.after });
    const edges = page.events.map((event) => ({ cursor: positionCursor(event.position), node: auditEventOf(event) }));
    // An empty page reports the position it read from, so a reader can poll from there for newer events.
    const end = page.endPosition === null ? null : positionCursor(page.endPosition);
    return { edges, pageInfo: pageInfoOf(request, cursorsOf(edges), page.hasNextPage, end) };
  }
}

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

@Resolver()
export class AuditLogResolver {
  @Authorized(...rolesFor('readAuditLog'))
  @Query(() => AuditEventConnection, {
    complexity: perItem,
    description:
      'All events in global order (cursor: position), filtered by the event store itself: a page holds `first` events unless it is the last (hasNextPage false).',
  })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AuditEventConnection> {
    if (filter?.recordedFrom && filter.recordedTo && filter.recordedFrom > filter.recordedTo) {
      throw badUserInput([{ path: 'filter.recordedTo', constraints: ['recordedTo must not be before recordedFrom'] }]);
    }
    const request = pageRequest({ first, after }, { max: ctx.data.maxPageSize, decode: positionAfter });
    if (request.backward) throw new Error('unreachable: auditLog takes first/after only');
    const page = await ctx.data.auditLog(filter ?? {}, { first: request.size, after: request.after });
    const edges = page.events.map((event) => ({ cursor: positionCursor(event.position), node: auditEventOf(event) }));
    // An empty page reports the position it read from, so a reader can poll from there for newer events.
    const end = page.endPosition === null ? null : positionCursor(page.endPosition);
    return {
      edges,
      pageInfo: pageInfoOf(
        request,
        edges.map((e) => e.cursor),
        page.hasNextPage,
        end,
      ),
    };
  }
}

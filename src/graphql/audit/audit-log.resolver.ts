/** Every event across streams in global order, for auditors and administrators. */
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { auditLogPlan } from '../../audit/audit-log-query';
import { readEventPage } from '../../audit/event-page';
import { subjectsOf } from '../../audit/subjects';
import { actorOf, requireUser } from '../common/command-meta';
import { pageSize } from '../common/connection';
import { badUserInput } from '../common/errors';
import type { Context } from '../context';
import { AuditEventConnection, auditEventOf } from './audit-event.type';
import { AuditLogFilter } from './audit-log-filter.input';
import { positionAfter, positionCursor } from './cursors';

@Resolver()
export class AuditLogResolver {
  @Authorized('AUDITOR', 'ADMIN')
  @Query(() => AuditEventConnection, {
    description:
      'All events in global order (cursor: position), filtered by the event store itself: a page holds `first` events unless it is the last (hasNextPage false).',
  })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AuditEventConnection> {
    const user = requireUser(ctx);
    const { store, accessLog, config } = ctx.services;
    if (filter?.recordedFrom && filter.recordedTo && filter.recordedFrom > filter.recordedTo) {
      throw badUserInput([{ path: 'filter.recordedTo', constraints: ['recordedTo must not be before recordedFrom'] }]);
    }
    const page = await readEventPage(store, {
      ...auditLogPlan(filter ?? {}),
      first: pageSize(first, config.maxPageSize),
      after: positionAfter(after),
    });
    // The page may hold patients' and cases' payloads: each one read is an access.
    await Promise.all(
      subjectsOf(page.events).map((subject) =>
        accessLog.record({ actor: actorOf(user), operation: 'auditLog', ...subject, outcome: 'OK', correlationId: ctx.requestId }),
      ),
    );
    const edges = page.events.map((event) => ({ cursor: positionCursor(event.position), node: auditEventOf(event) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endPosition === null ? null : positionCursor(page.endPosition) },
    };
  }
}

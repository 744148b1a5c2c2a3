/** Part 11 views of an event that need the rest of its stream. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AmendmentEntry } from '../../domain/case-record';
import { Amendment } from '../case/entries.type';
import type { Context } from '../context';
import { AuditEvent } from './audit-event.type';

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @FieldResolver(() => Amendment, {
    nullable: true,
    description:
      "For an EntryAmended event: author, time, reason, target, and the target's values just before it (the original stays readable).",
  })
  async amendment(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<AmendmentEntry | null> {
    if (event.type !== 'EntryAmended') return null;
    const record = await ctx.data.caseRecordOfStream(event.stream);
    return record?.amendments.find((a) => a.eventId === event.id) ?? null;
  }
}

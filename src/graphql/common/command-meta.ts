import { randomUUID } from 'node:crypto';
import type { CommandMeta } from '../../commands/command-handler';
import type { Actor } from '../../eventstore/port';
import { primaryRole, type User } from '../auth/user';
import type { Context } from '../context';
import { unauthenticated } from './errors';

export function requireUser(ctx: Context): User {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}

export const actorOf = (user: User): Actor => ({ id: user.id, name: user.name, role: primaryRole(user) });

export function commandMeta(ctx: Context, input: { commandId?: string; expectedRevision?: number }): CommandMeta {
  const user = requireUser(ctx);
  return {
    commandId: input.commandId ?? randomUUID(),
    actor: actorOf(user),
    correlationId: ctx.requestId,
    causationId: null,
    expectedRevision: input.expectedRevision ?? null,
  };
}

/** Input objects carry undefined for absent optional fields; the domain stores null. */
export const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

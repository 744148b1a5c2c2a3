import type { User } from '../auth/user';
import type { Context } from '../context';
import { unauthenticated } from './errors';

export function requireUser(ctx: Context): User {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}

/** Input objects carry undefined for absent optional fields; the domain stores null. */
export const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/**
 * Accepted tokens remembered until they expire, and at most `maxAgeMs` (default 60 s): a client sends
 * the same bearer token with every request, and checking its signature again costs about a twelfth of
 * a summary read. Only accepted tokens are remembered; a refused one is checked again every time. With
 * JWKS keys, a key withdrawn from the set stops being accepted within `maxAgeMs`.
 */
import type { User } from './user';

export interface VerifiedToken {
  user: User;
  /** The token's `exp`, in milliseconds since the epoch. */
  expiresAt: number;
}

export interface TokenCacheOptions {
  maxEntries?: number;
  maxAgeMs?: number;
  now?: () => number;
}

export function cachedTokenVerifier(
  verify: (token: string) => Promise<VerifiedToken>,
  options: TokenCacheOptions = {},
): (token: string) => Promise<User> {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const now = options.now ?? Date.now;
  const accepted = new Map<string, { user: User; until: number }>();

  return async (token) => {
    const cached = accepted.get(token);
    if (cached && now() < cached.until) return cached.user;
    accepted.delete(token);
    const { user, expiresAt } = await verify(token);
    // Map order is insertion order: the oldest entry goes first.
    if (accepted.size >= maxEntries) accepted.delete(accepted.keys().next().value as string);
    accepted.set(token, { user, until: Math.min(expiresAt, now() + maxAgeMs) });
    return user;
  };
}

/** Leases in memory: the same port as MongoDB's, for one process (the embedded read model is never shared). */
import type { LeaseGrant, Leases } from '../../projection/lease';

interface Held {
  holder: string;
  token: number;
  expiresAt: number;
}

export function createMemoryLeases(now: () => number = Date.now): Leases {
  const leases = new Map<string, Held>();
  return {
    async acquire(name, holder, ttlMs, token, options = {}): Promise<LeaseGrant | null> {
      const held = leases.get(name);
      const at = now();
      if (token !== undefined && held?.holder === holder && held.token === token) {
        held.expiresAt = at + ttlMs;
        return { token };
      }
      if (token !== undefined) return null; // a renewal of a lease taken over
      if (held && held.expiresAt >= at && !options.takeOver) return null;
      const next = { holder, token: (held?.token ?? 0) + 1, expiresAt: at + ttlMs };
      leases.set(name, next);
      return { token: next.token };
    },
    async release(name, holder, token) {
      const held = leases.get(name);
      if (held?.holder === holder && held.token === token) held.expiresAt = 0;
    },
  };
}

/**
 * Leases in MongoDB: one document per lease in `leases`, each grant or renewal a single conditional
 * `findOneAndUpdate`, so two instances racing for a free lease cannot both win: the loser's upsert
 * collides on `_id` (duplicate key) or matches nothing.
 *
 * Expiry is compared with each instance's own clock (FerretDB 1.x has no `$$NOW` in updates): clocks
 * that drift apart shorten or stretch a lease, which costs availability (a handover sooner or later
 * than the TTL), never correctness, which rests on the fencing tokens.
 */
import type { Collection, Db } from 'mongodb';

import type { LeaseGrant, Leases } from '../../projection/lease';
import { DUPLICATE_KEY, hasCode } from './server-errors';

export const LEASES_COLLECTION = 'leases';

interface LeaseDocument {
  _id: string;
  holder: string;
  token: number;
  /** Milliseconds since the epoch, by the holder's clock. */
  expiresAt: number;
}

export function createMongoLeases(db: Db, now: () => number = Date.now): Leases {
  const leases: Collection<LeaseDocument> = db.collection<LeaseDocument>(LEASES_COLLECTION);

  return {
    async acquire(name, holder, ttlMs, token, options = {}): Promise<LeaseGrant | null> {
      const expiresAt = now() + ttlMs;
      if (token !== undefined) {
        // A renewal: only while nobody took the lease over (same holder, same token).
        const renewed = await leases.findOneAndUpdate({ _id: name, holder, token }, { $set: { expiresAt } });
        return renewed === null ? null : { token };
      }
      try {
        const granted = await leases.findOneAndUpdate(
          options.takeOver ? { _id: name } : { _id: name, expiresAt: { $lt: now() } },
          { $set: { holder, expiresAt }, $inc: { token: 1 } },
          { upsert: true, returnDocument: 'after' },
        );
        return granted === null ? null : { token: granted.token };
      } catch (error) {
        // The lease exists and runs: the upsert tried to insert a second document with its `_id`.
        if (hasCode(error, DUPLICATE_KEY)) return null;
        throw error;
      }
    },

    async release(name, holder, token) {
      await leases.updateOne({ _id: name, holder, token }, { $set: { expiresAt: 0 } });
    },
  };
}

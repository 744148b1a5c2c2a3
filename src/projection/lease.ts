/**
 * Projection ownership: a lease per projection, kept in the read store beside the checkpoints, so that
 * any number of instances share the stores and exactly one of them runs each projection at a time.
 *
 * Fencing: every grant to a new holder carries a token greater than any before it. The owner passes
 * its token with each checkpoint and document write, and the read store refuses a write whose token is
 * lower than one already stored there: an owner that was paused past its lease (a stop-the-world GC, a
 * SIGSTOP, a partition) cannot overwrite what its successor wrote, whatever its clock says.
 */

export interface LeaseGrant {
  /** The fencing token: greater for every new holder, unchanged by renewals. */
  token: number;
}

export interface LeaseOptions {
  /** Take the lease even while another holder's runs (`projections rebuild`): the holder is fenced out. */
  takeOver?: boolean;
}

/** The port: one document per lease in the adapters. */
export interface Leases {
  /**
   * Grants `name` to `holder` for `ttlMs` when it is free or expired (a new token), or renews it when
   * `holder` holds it with `token` (the same token). Null when another holder's lease runs, or when a
   * renewal finds the lease taken over.
   */
  acquire(name: string, holder: string, ttlMs: number, token?: number, options?: LeaseOptions): Promise<LeaseGrant | null>;
  /** Lets the lease go at once (a clean stop), if `holder` still holds it with `token`. */
  release(name: string, holder: string, token: number): Promise<void>;
}

/** What an owner passes with each write: stored tokens above it refuse the write. */
export interface Fence {
  token: number;
}

/** A write refused because a newer owner wrote there: this owner lost its lease. */
export class FencedError extends Error {
  constructor(what: string) {
    super(`${what}: refused, a newer owner holds the lease`);
    this.name = 'FencedError';
  }
}

/** The lease's name for a projection: its name without the version, so that two versions never run at once. */
export const leaseName = (projection: { name: string }): string => `projection:${projection.name}`;

/** The owner found its lease gone (expired by its own clock, or taken over) and stopped writing. */
export class LeaseLostError extends Error {
  constructor(what: string) {
    super(`${what}: the lease was lost`);
    this.name = 'LeaseLostError';
  }
}

/** True for the errors that mean "no longer the owner": stop, never retry. */
export const isOwnershipLost = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'FencedError' || error.name === 'LeaseLostError');

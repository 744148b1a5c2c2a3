/**
 * Failed access is activity too (HIPAA 164.308(a)(5)(ii)(C), log-in monitoring): a rejected or expired
 * token, a connection without one, a role refused an action. Each is kept as a hash-chained
 * `SecurityEventRecorded` event in one `security-<yyyy-mm-dd>` stream per day, attributed as far as the
 * caller is known (an expired token's claims are signed, so its user and facilities are; a forged one's
 * are not), with the facility auditors see it under. Never the token, never patient data.
 *
 * A flood of bad tokens cannot flood the store: each kind of event is recorded at most `perMinute`
 * times a minute; the rest are counted (in /metrics, and as `suppressed` on the next one recorded).
 * Recording never delays or fails the refused request; a write failure is logged and retried once.
 */
import { errors as joseErrors } from 'jose';
import type { Actor, EventStore } from '../eventstore/port';
import { primaryRole, type User } from '../graphql/auth/user';
import { appendChained } from './system-events';

export const SECURITY_EVENT_TYPE = 'SecurityEventRecorded';
export const SECURITY_STREAM_PREFIX = 'security-';

export type SecurityEventKind = 'AUTHENTICATION_FAILED' | 'AUTHENTICATION_MISSING' | 'ACCESS_DENIED';

export interface SecurityEvents {
  /** A token was sent and refused; `error` says why (its class only is kept). */
  authenticationFailed(transport: string, error: unknown): void;
  /** A transport that requires a token (WebSocket) was used without one. */
  authenticationMissing(transport: string): void;
  /** An authenticated user's role may not do `action`. */
  accessDenied(user: User, action: string): void;
  /** Every security event seen, recorded or suppressed, by kind and reason (for /metrics). */
  counts(): ReadonlyMap<string, number>;
  /** Waits for the records in flight. */
  close(): Promise<void>;
}

interface Pending {
  kind: SecurityEventKind;
  reason: string;
  transport: string | null;
  action: string | null;
  actor: Actor;
  facilityId: string | null;
  at: Date;
  suppressed: number;
}

const ANONYMOUS: Actor = { id: 'anonymous', name: 'anonymous', role: 'NONE' };

/** Why a token was refused, in words that carry nothing of the token; an expired token still names its (signed) user. */
function refusal(error: unknown): { reason: string; actor: Actor; facilityId: string | null } {
  if (error instanceof joseErrors.JWTExpired) {
    const { sub, name, facilities } = error.payload as { sub?: unknown; name?: unknown; facilities?: unknown };
    const id = typeof sub === 'string' ? sub : 'anonymous';
    const facility = Array.isArray(facilities) && typeof facilities[0] === 'string' ? facilities[0] : null;
    return { reason: 'TOKEN_EXPIRED', actor: { id, name: typeof name === 'string' ? name : id, role: 'NONE' }, facilityId: facility };
  }
  const reason =
    error instanceof joseErrors.JWSSignatureVerificationFailed
      ? 'BAD_SIGNATURE'
      : error instanceof joseErrors.JWTClaimValidationFailed
        ? 'CLAIMS_REFUSED'
        : error instanceof joseErrors.JOSEError
          ? 'MALFORMED_TOKEN'
          : 'TOKEN_REFUSED';
  return { reason, actor: ANONYMOUS, facilityId: null };
}

export interface SecurityEventsOptions {
  store: EventStore;
  clock?: () => Date;
  /** Records per kind and reason per minute at most (default 30). */
  perMinute?: number;
  onError?: (error: unknown) => void;
}

export function createSecurityEvents(options: SecurityEventsOptions): SecurityEvents {
  const clock = options.clock ?? (() => new Date());
  const perMinute = options.perMinute ?? 30;
  const seen = new Map<string, number>();
  const windows = new Map<string, { minute: number; recorded: number; suppressed: number }>();
  let writing: Promise<void> = Promise.resolve();

  function append(pending: Pending): Promise<void> {
    const { kind, reason, transport, action, suppressed } = pending;
    return appendChained(options.store, `${SECURITY_STREAM_PREFIX}${pending.at.toISOString().slice(0, 10)}`, [
      {
        type: SECURITY_EVENT_TYPE,
        data: { kind, reason, transport, action, suppressedBefore: suppressed },
        actor: pending.actor,
        at: pending.at,
        facilityId: pending.facilityId,
      },
    ]);
  }

  function note(event: Omit<Pending, 'at' | 'suppressed'>): void {
    const key = `${event.kind}/${event.reason}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const at = clock();
    const minute = Math.floor(at.getTime() / 60_000);
    let window = windows.get(key);
    if (!window || window.minute !== minute) windows.set(key, (window = { minute, recorded: 0, suppressed: window?.suppressed ?? 0 }));
    if (window.recorded >= perMinute) {
      window.suppressed += 1;
      return;
    }
    window.recorded += 1;
    const pending: Pending = { ...event, at, suppressed: window.suppressed };
    window.suppressed = 0;
    writing = writing
      .then(() => append(pending))
      .catch(() => append(pending))
      .catch((error: unknown) => options.onError?.(error));
  }

  return {
    authenticationFailed(transport, error) {
      note({ kind: 'AUTHENTICATION_FAILED', transport, action: null, ...refusal(error) });
    },
    authenticationMissing(transport) {
      note({ kind: 'AUTHENTICATION_MISSING', reason: 'NO_TOKEN', transport, action: null, actor: ANONYMOUS, facilityId: null });
    },
    accessDenied(user, action) {
      note({
        kind: 'ACCESS_DENIED',
        reason: 'ROLE',
        transport: null,
        action,
        actor: { id: user.id, name: user.name, role: primaryRole(user) },
        facilityId: user.facilities[0] ?? null,
      });
    },
    counts: () => seen,
    close: () => writing,
  };
}

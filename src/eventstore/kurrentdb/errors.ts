/** How the client's failures map to the port's errors. */
import { StoreUnavailableError } from '../port';

/** An event in the store that the port cannot represent (not JSON, or not an object). Never retried. */
export class UnreadableEventError extends Error {
  constructor(where: { stream: string; revision: bigint; id: string }, reason: string) {
    // Names the event, never its content: payloads hold patient data.
    super(`event ${where.id} (stream ${where.stream}, revision ${where.revision}) cannot be read: ${reason}`);
    this.name = 'UnreadableEventError';
  }
}

const TRANSIENT_TYPES = new Set(['unavailable', 'cancelled', 'deadline-exceeded', 'not-leader', 'timeout']);
/** gRPC CANCELLED, DEADLINE_EXCEEDED, UNAVAILABLE (@grpc/grpc-js is only a dev dependency here). */
const TRANSIENT_CODES = new Set<number>([1, 4, 14]);

function field(err: unknown, name: string): unknown {
  return typeof err === 'object' && err !== null && name in err ? (err as Record<string, unknown>)[name] : undefined;
}

/**
 * Failures of the connection rather than of the request: the server may be restarting or briefly
 * unreachable. The client reports them as its UnavailableError family (`type`), or, before it has
 * learnt the server's features, as a raw gRPC status (`code`).
 */
export function isTransient(err: unknown): boolean {
  const type = field(err, 'type');
  if (typeof type === 'string') return TRANSIENT_TYPES.has(type);
  const code = field(err, 'code');
  return typeof code === 'number' && TRANSIENT_CODES.has(code);
}

/** host:port of the connection string, without credentials or options, for error messages. */
export function describeTarget(url: string): string {
  const match = /^[a-z+]+:\/\/(?:[^@/?]*@)?([^/?]+)/i.exec(url);
  return match?.[1] ?? 'the configured server';
}

export function unreachable(target: string, cause: unknown): StoreUnavailableError {
  return new StoreUnavailableError(`EventStoreDB at ${target} is unreachable`, { cause });
}

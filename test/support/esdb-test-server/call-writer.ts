/** Writes to a server-streaming call with backpressure, and notices when the client goes away. */
import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';

export type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

export interface CallWriter {
  /** Resolves once the message is accepted (or the call is gone). */
  send(message: ReadResp): Promise<void>;
  readonly gone: boolean;
  /** Resolves when the client cancels or the connection drops. */
  readonly goneSignal: Promise<void>;
  /** Calls `listener` once the call is gone; returns a function that unregisters it. */
  onGone(listener: () => void): () => void;
}

export function callWriter(call: ReadCall): CallWriter {
  let gone = false;
  let markGone!: () => void;
  const goneSignal = new Promise<void>((resolve) => (markGone = resolve));
  const listeners = new Set<() => void>();
  const leave = (): void => {
    if (gone) return;
    gone = true;
    markGone();
    for (const listener of [...listeners]) listener();
    listeners.clear();
  };
  call.on('cancelled', leave);
  call.on('close', leave);
  call.on('error', leave);
  return {
    get gone() {
      return gone || call.cancelled;
    },
    goneSignal,
    onGone(listener) {
      if (gone) {
        listener();
        return () => undefined;
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async send(message) {
      if (gone || call.cancelled) return;
      if (!call.write(message)) {
        await Promise.race([new Promise<void>((resolve) => call.once('drain', () => resolve())), goneSignal]);
      }
    },
  };
}

/** One GraphQL operation over graphql-ws (as a browser or a subscription client would send it), or the close code that refused it. */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface WsAnswer {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  /** The connection was closed before an answer: the close code and reason. */
  closed?: { code: number; reason: string };
}

export function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/graphql`;
}

/** Sends one operation and resolves with its first result (or the refusal); the connection is then closed. */
export function wsRequest(httpUrl: string, token: string | null, query: string, variables?: Record<string, unknown>): Promise<WsAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    const client = createClient({
      url: wsUrl(httpUrl),
      webSocketImpl: WebSocket,
      lazy: false,
      // A refused connection is an answer here (its close code), not an error to throw.
      onNonLazyError: () => undefined,
      retryAttempts: 0,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      on: {
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          finish({ closed: { code, reason: String(reason) } });
        },
      },
    });
    const finish = (answer: WsAnswer) => {
      if (settled) return;
      settled = true;
      Promise.resolve(client.dispose()).catch(() => undefined);
      resolve(answer);
    };
    client.subscribe(
      { query, variables },
      {
        next: (result) => finish(result as WsAnswer),
        error: (error) => {
          if (Array.isArray(error)) finish({ errors: error as WsAnswer['errors'] });
          else if (error && typeof error === 'object' && 'code' in error) {
            const { code, reason } = error as { code: number; reason: string };
            finish({ closed: { code, reason: String(reason) } });
          } else finish({ errors: [{ message: error instanceof Error ? error.message : String(error) }] });
        },
        complete: () => finish({}),
      },
    );
  });
}

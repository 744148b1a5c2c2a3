/**
 * The console's GraphQL client: POST with the bearer token (plain fetch: the operations are few and typed by
 * GraphQL Code Generator), and graphql-ws for the live case. Errors keep the API's code, so a screen can say
 * plainly that a role may not see something.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { useCallback, useEffect, useState } from 'react';
import { session } from './session';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** Called when the server no longer accepts the token (expired, or signed by another key). */
let onUnauthenticated: () => void = () => {};
export const whenUnauthenticated = (handler: () => void): void => {
  onUnauthenticated = handler;
};

export async function request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<TData> {
  const token = session.token();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: TData;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? null;
    if (code === 'UNAUTHENTICATED') onUnauthenticated();
    throw new ApiError(explain(code, error.message), code);
  }
  if (!body.data) throw new ApiError(`The server answered ${response.status} without data.`, null);
  return body.data;
}

function explain(code: string | null, message: string): string {
  switch (code) {
    case 'FORBIDDEN':
      return 'Your role may not see this.';
    case 'UNAUTHENTICATED':
      return 'Your sign-in has expired or was not accepted. Please sign in again.';
    case 'NOT_FOUND':
      return 'Not found in your facilities.';
    default:
      return message;
  }
}

export interface QueryState<TData> {
  data: TData | null;
  error: ApiError | null;
  loading: boolean;
  refetch(): void;
}

/** Runs a query when its variables change (skipped while `variables` is null). */
export function useQuery<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables | null,
): QueryState<TData> {
  const [state, setState] = useState<{ data: TData | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: variables !== null,
  });
  const [generation, setGeneration] = useState(0);
  const key = variables === null ? null : JSON.stringify(variables);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    request(document, JSON.parse(key) as TVariables).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        current && setState({ data: null, error: error instanceof ApiError ? error : new ApiError(String(error), null), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [document, key, generation]);
  const refetch = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, refetch };
}

let wsClient: { token: string; client: Client } | null = null;

/** One WebSocket per token; a new sign-in gets a new connection. */
function subscriptions(token: string): Client {
  if (wsClient?.token !== token) {
    void wsClient?.client.dispose();
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    wsClient = { token, client: createClient({ url, connectionParams: { authorization: `Bearer ${token}` }, lazy: true }) };
  }
  return wsClient.client;
}

/** Live results of a subscription until the returned function is called. */
export function subscribe<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  onData: (data: TData) => void,
): () => void {
  const token = session.token();
  if (!token) return () => {};
  return subscriptions(token).subscribe<TData>(
    { query: print(document), variables },
    {
      next: (result) => {
        if (result.data) onData(result.data as TData);
      },
      error: () => {},
      complete: () => {},
    },
  );
}

export function closeSubscriptions(): void {
  void wsClient?.client.dispose();
  wsClient = null;
}

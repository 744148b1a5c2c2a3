/** A test server and a real client connected to it, for tests written in the client's public API. */
import { randomUUID } from 'node:crypto';
import { jsonEvent, KurrentDBClient, type EventData } from '@kurrent/kurrentdb-client';
import { startEsdbTestServer, type EsdbTestServer, type EsdbTestServerOptions } from '../../support/esdb-test-server';
import { quickToConnect } from '../../support/esdb-test-server/connection';

export interface ClientFixture {
  server: EsdbTestServer;
  client: KurrentDBClient;
  /** Another client: what a second process would see. */
  connect(): KurrentDBClient;
  close(): Promise<void>;
}

export async function startClientFixture(options: EsdbTestServerOptions = {}): Promise<ClientFixture> {
  const server = await startEsdbTestServer(options);
  const clients: KurrentDBClient[] = [];
  const connect = (): KurrentDBClient => {
    const client = KurrentDBClient.connectionString(quickToConnect(server.url));
    clients.push(client);
    return client;
  };
  const client = connect();
  return {
    server,
    client,
    connect,
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      await server.stop();
    },
  };
}

export const unique = (): string => randomUUID().replace(/-/g, '').slice(0, 12);

export function anEvent(type = 'Tested', data: Record<string, unknown> = {}, id: string = randomUUID()): EventData {
  return jsonEvent({ id, type, data });
}

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
}

/** A test server with the KurrentDB adapter connected to it: the starting point of the adapter's fault tests. */
import { createKurrentDbEventStore, type KurrentDbEventStoreOptions } from '../../../src/eventstore/kurrentdb';
import type { EventStore } from '../../../src/eventstore/port';
import { quickToConnect } from './connection';
import { startEsdbTestServer, type EsdbTestServer, type EsdbTestServerOptions } from './index';

export interface AdapterFixture {
  server: EsdbTestServer;
  store: EventStore;
  /** Another adapter instance on the same server (a second process, or the same one after a restart). */
  connect(options?: Omit<KurrentDbEventStoreOptions, 'url'>): EventStore;
  close(): Promise<void>;
}

export { quickToConnect };

export async function startAdapterFixture(
  options: { server?: EsdbTestServerOptions; store?: Omit<KurrentDbEventStoreOptions, 'url'> } = {},
): Promise<AdapterFixture> {
  const server = await startEsdbTestServer(options.server);
  const stores: EventStore[] = [];
  const connect = (storeOptions: Omit<KurrentDbEventStoreOptions, 'url'> = {}): EventStore => {
    const store = createKurrentDbEventStore({ url: quickToConnect(server.url), ...storeOptions });
    stores.push(store);
    return store;
  };
  return {
    server,
    store: connect(options.store),
    connect,
    async close() {
      await Promise.all(stores.map((s) => s.close()));
      await server.stop();
    },
  };
}

export { portEvent } from '../port-events';

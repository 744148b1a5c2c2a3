/**
 * The EventStore contract against the KurrentDB adapter, through the real client on the wire: against
 * the EventStoreDB test server (as current servers behave, and as servers before 23.10 behave: no
 * BatchAppend, no CaughtUp), and against a real EventStoreDB / KurrentDB when EVENTSTORE_URL is set.
 */
import { createKurrentDbEventStore } from '../../src/eventstore/kurrentdb';
import { startEsdbTestServer, type EsdbTestServer, type EsdbTestServerOptions } from '../support/esdb-test-server';
import { quickToConnect } from '../support/esdb-test-server/connection';
import { describeEventStoreContract } from './event-store.contract';

function againstTestServer(name: string, options: EsdbTestServerOptions): void {
  describe(`KurrentDB adapter against the EventStoreDB test server (${name})`, () => {
    let server: EsdbTestServer;
    beforeAll(async () => {
      server = await startEsdbTestServer(options);
    });
    afterAll(() => server.stop());

    describeEventStoreContract(`kurrentdb (test server, ${name})`, async () => {
      const store = createKurrentDbEventStore({ url: quickToConnect(server.url) });
      return { store, cleanup: () => store.close() };
    });
  });
}

againstTestServer('current server', {});
againstTestServer('server before 23.10: Append only, no CaughtUp', { batchAppend: false, caughtUp: false });

const realServerUrl = process.env.EVENTSTORE_URL;
if (realServerUrl) {
  describeEventStoreContract('kurrentdb (EVENTSTORE_URL)', async () => {
    const store = createKurrentDbEventStore({ url: realServerUrl });
    return { store, cleanup: () => store.close() };
  });
} else {
  describe.skip('EventStore contract: kurrentdb against a real server (skipped: EVENTSTORE_URL not set)', () => {
    test('set EVENTSTORE_URL, e.g. kurrentdb://127.0.0.1:2113?tls=false (a disposable KurrentDB: README, "Operating it")', () => undefined);
  });
}

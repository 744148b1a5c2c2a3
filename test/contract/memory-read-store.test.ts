import { traceReadStore } from '../../src/observability/instrumented-ports';
import { createMemoryReadStore } from '../../src/readstore/memory';
import { positionKey } from '../../src/readstore/port';
import { describeReadStoreContract } from './read-store.contract';

describeReadStoreContract('memory', async () => ({ store: createMemoryReadStore(), cleanup: async () => {} }));
// The wrapper that traces each call when tracing is on is a read store too: it must keep the whole contract
// (a fence it dropped would let a deposed projection owner write).
describeReadStoreContract('memory, traced', async () => ({ store: traceReadStore(createMemoryReadStore()), cleanup: async () => {} }));

describe('memory read store', () => {
  test('is not durable, so the application rebuilds it from the event store at start', () => {
    expect(createMemoryReadStore().durable).toBe(false);
  });

  test('two stores share nothing', async () => {
    const first = createMemoryReadStore();
    const second = createMemoryReadStore();
    await first.upsertMany('cases', [{ _id: 'a', _position: positionKey(1n) }]);
    await first.setCheckpoint('cases', 1n);

    expect(await second.get('cases', 'a')).toBeNull();
    expect(await second.getCheckpoint('cases')).toBeNull();
  });
});

import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { makeTempDir } from '../support/sqlite-temp';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('sqlite :memory:', async () => {
  const store = createSqliteEventStore({ path: ':memory:' });
  return { store, cleanup: () => store.close() };
});

describeEventStoreContract('sqlite file', async () => {
  const temp = makeTempDir();
  const store = createSqliteEventStore({ path: temp.file() });
  return {
    store,
    cleanup: async () => {
      await store.close();
      temp.remove();
    },
  };
});

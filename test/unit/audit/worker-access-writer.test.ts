/** The access log written from a worker thread, on the embedded store's file: what the app does by default. */
import type { AccessRecord } from '../../../src/audit/access-log';
import { createEventStoreAccessLog } from '../../../src/audit/event-store-access-log';
import { verifyStream } from '../../../src/audit/verify-stream';
import { startWorkerAccessWriter } from '../../../src/audit/worker-access-writer';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';
import { makeTempDir } from '../../support/sqlite-temp';

const access = (caseId: string): AccessRecord => ({
  actor: { id: 'aud-1', name: 'Ann Auditor', role: 'AUDITOR' },
  operation: 'case',
  caseId,
  patientId: 'p-1',
  outcome: 'OK',
  correlationId: `req-${caseId}`,
});

describe('the access log written from a worker thread', () => {
  const temp = makeTempDir('celltrail-access-worker');
  afterAll(() => temp.remove());

  it('appends each day to its stream, chained with what this thread appends to the same day', async () => {
    const file = temp.file('chained.db');
    const store = createSqliteEventStore({ path: file });
    const writer = startWorkerAccessWriter(file);
    let now = new Date('2026-04-02T23:59:00.000Z');
    const errors: unknown[] = [];
    const fromWorker = createEventStoreAccessLog({ store, writeDay: writer.writeDay, clock: () => now, onError: (e) => errors.push(e) });
    const here = createEventStoreAccessLog({ store, clock: () => now });
    for (let i = 0; i < 30; i++) {
      fromWorker.record(access(`w-${i}`));
      if (i % 10 === 0) {
        here.record(access(`h-${i}`));
        await Promise.all([fromWorker.flush(), here.flush()]); // both writers append to the same day, racing
      }
      if (i === 20) now = new Date('2026-04-03T00:01:00.000Z');
    }
    await fromWorker.close();
    await here.close();
    await writer.close();
    expect(errors).toEqual([]);

    const first = await store.readStream('access-2026-04-02');
    const second = await store.readStream('access-2026-04-03');
    const caseIds = [...first, ...second].map((e) => e.data.caseId as string);
    expect(caseIds.filter((id) => id.startsWith('w-'))).toEqual(Array.from({ length: 30 }, (_, i) => `w-${i}`));
    expect(caseIds.filter((id) => id.startsWith('h-'))).toEqual(['h-0', 'h-10', 'h-20']);
    expect(second.map((e) => e.data.caseId)).toContain('w-21');
    for (const stream of ['access-2026-04-02', 'access-2026-04-03']) {
      expect(await verifyStream(store, stream)).toMatchObject({ valid: true, reason: null });
    }
    expect(first[0]!.metadata.actor).toEqual({ id: 'aud-1', name: 'Ann Auditor', role: 'AUDITOR' });
    await store.close();
  });

  it('resolves a record once the worker has committed it: another connection reads it then', async () => {
    const file = temp.file('durable.db');
    const store = createSqliteEventStore({ path: file });
    const writer = startWorkerAccessWriter(file);
    const log = createEventStoreAccessLog({ store, writeDay: writer.writeDay, clock: () => new Date('2026-04-02T10:00:00.000Z') });
    await Promise.all([log.record(access('a')), log.record(access('b'))]);
    const other = createSqliteEventStore({ path: file, catchUpWorkerFrom: false });
    expect((await other.readStream('access-2026-04-02')).map((e) => e.data.caseId)).toEqual(['a', 'b']);
    await other.close();
    await log.close();
    await writer.close();
    await store.close();
  });

  it('rejects a write its worker cannot make, and starts a fresh worker for the next', async () => {
    const writer = startWorkerAccessWriter(temp.dir); // a directory: SQLite cannot open it
    const records = [{ ...access('x'), at: new Date() }];
    await expect(writer.writeDay('access-2026-04-02', records)).rejects.toThrow();
    await expect(writer.writeDay('access-2026-04-02', records)).rejects.toThrow();
    await writer.close();
  });
});

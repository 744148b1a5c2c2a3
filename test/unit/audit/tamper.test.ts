/**
 * Someone with access to the SQLite file edits it behind the application's back. Each kind of edit is
 * caught, at the exact revision, by the single-stream check (verifyCaseIntegrity) and by the
 * whole-store check (npm run verify), which agree; streams left alone stay valid.
 */
import Database from 'better-sqlite3';
import { verifyStore } from '../../../src/audit/verify-store';
import { verifyStream } from '../../../src/audit/verify-stream';
import { createSqliteEventStore, type SqliteEventStore } from '../../../src/eventstore/sqlite';
import { makeTempDir } from '../../support/sqlite-temp';
import { append } from './fixtures';

const STREAM = 'case-a';

type Tamper = (db: Database.Database) => void;

const row = (db: Database.Database, revision: number) =>
  db.prepare('SELECT position, data, metadata FROM events WHERE stream = ? AND revision = ?').get(STREAM, revision) as {
    position: number;
    data: string;
    metadata: string;
  };

const tampers: Array<[string, Tamper, number, string | RegExp]> = [
  [
    'a payload edited',
    (db) => db.prepare(`UPDATE events SET data = json_set(data, '$.volumeMl', 120) WHERE stream = ? AND revision = 2`).run(STREAM),
    2,
    'hash mismatch',
  ],
  [
    'the actor in the metadata edited',
    (db) =>
      db
        .prepare(`UPDATE events SET metadata = json_set(metadata, '$.actor.name', 'Someone Else') WHERE stream = ? AND revision = 3`)
        .run(STREAM),
    3,
    'hash mismatch',
  ],
  [
    'the recording time edited',
    (db) =>
      db
        .prepare(
          `UPDATE events SET metadata = json_set(metadata, '$.recordedAt', '2020-01-01T00:00:00.000Z') WHERE stream = ? AND revision = 1`,
        )
        .run(STREAM),
    1,
    'hash mismatch',
  ],
  [
    'a row deleted',
    (db) => db.prepare('DELETE FROM events WHERE stream = ? AND revision = 2').run(STREAM),
    2,
    'revision gap: expected 2, found 3',
  ],
  [
    'the payloads of two rows swapped',
    (db) => {
      const [one, two] = [row(db, 1), row(db, 2)];
      const set = db.prepare('UPDATE events SET data = ? WHERE stream = ? AND revision = ?');
      set.run(two.data, STREAM, 1);
      set.run(one.data, STREAM, 2);
    },
    1,
    'hash mismatch',
  ],
  [
    'two rows swapped in their stream (revisions exchanged)',
    (db) => {
      const set = db.prepare('UPDATE events SET revision = ? WHERE stream = ? AND revision = ?');
      set.run(-1, STREAM, 1);
      set.run(1, STREAM, 2);
      set.run(2, STREAM, -1);
    },
    1,
    /hash mismatch|prevHash mismatch/,
  ],
  [
    'two rows swapped in the global order (positions exchanged)',
    (db) => {
      const [one, two] = [row(db, 1), row(db, 2)];
      const set = db.prepare('UPDATE events SET position = ? WHERE position = ?');
      set.run(-1, one.position);
      set.run(one.position, two.position);
      set.run(two.position, -1);
    },
    2,
    'position out of order: not after revision 1',
  ],
  [
    'a row made unreadable',
    (db) => db.prepare(`UPDATE events SET data = '{"volumeMl": ' WHERE stream = ? AND revision = 4`).run(STREAM),
    4,
    'unreadable event',
  ],
];

describe('tampering with the SQLite file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore;

  beforeEach(async () => {
    temp = makeTempDir('celltrail-tamper');
    store = createSqliteEventStore({ path: temp.file() });
    // two cases and a patient, interleaved in the global order
    for (let i = 0; i < 6; i++) {
      await append(store, STREAM, [{ type: 'Noted', data: { i, volumeMl: 240 } }]);
      if (i < 4) await append(store, 'case-b', [{ type: 'Noted', data: { i } }]);
      if (i === 0) await append(store, 'patient-p', [{ type: 'PatientRegistered', data: { mrn: 'MRN-1' } }]);
    }
  });

  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  function tamper(edit: Tamper): void {
    const db = new Database(temp.file());
    db.transaction(() => edit(db))();
    db.close();
  }

  it('finds every chain intact before anyone touches the file', async () => {
    expect(await verifyStream(store, STREAM)).toMatchObject({
      valid: true,
      eventCount: 6,
      firstInvalidRevision: null,
      head: { revision: 5 },
    });
    expect(await verifyStore(store)).toEqual({ valid: true, streamCount: 3, eventCount: 11, broken: [], unreadable: [] });
  });

  it.each(tampers)('catches %s at the exact revision, in the stream and in the whole store', async (_name, edit, revision, reason) => {
    tamper(edit);
    const stream = await verifyStream(store, STREAM);
    expect(stream).toMatchObject({ valid: false, firstInvalidRevision: revision, reason: expect.stringMatching(reason) });

    const all = await verifyStore(store);
    expect(all.valid).toBe(false);
    expect(all.broken).toEqual([expect.objectContaining({ stream: STREAM, firstInvalidRevision: revision, reason: stream.reason })]);
  });

  it('reports where unreadable rows are when their stream cannot be told', async () => {
    tamper(tampers.find(([name]) => name === 'a row made unreadable')![1]);
    const { unreadable } = await verifyStore(store);
    const db = new Database(temp.file(), { readonly: true });
    const position = BigInt(db.prepare('SELECT position FROM events WHERE stream = ? AND revision = 4').pluck().get(STREAM) as number);
    db.close();
    expect(unreadable).toEqual([{ after: position - 1n, upTo: position }]);
  });

  it('catches a cut-off tail when the last recorded revision is known', async () => {
    tamper((db) => db.prepare('DELETE FROM events WHERE stream = ? AND revision = 5').run(STREAM));
    // the chain alone cannot show it…
    expect((await verifyStream(store, STREAM)).valid).toBe(true);
    // …the revision a read model applied can
    expect(await verifyStream(store, STREAM, { knownRevision: 5 })).toMatchObject({
      valid: false,
      firstInvalidRevision: 5,
      reason: 'stream truncated: it ends at revision 4, revision 5 was recorded',
    });
  });

  it('reports the events of a broken stream that follow the break, too', async () => {
    tamper(tampers[0]![1]);
    expect(await verifyStream(store, STREAM, { pageSize: 2 })).toMatchObject({
      valid: false,
      eventCount: 6,
      firstInvalidRevision: 2,
      head: { revision: 1 },
    });
  });
});

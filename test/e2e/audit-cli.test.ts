/**
 * The auditors' command lines on a real DATA_DIR: `verify` (a real process, for its exit code and
 * progress bar) and `export` (a signed NDJSON file that `export --verify` checks offline with the
 * published key; exports are logged), integrity checkpoints kept outside, and what they do without a store.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { runExport, type ExportIo } from '../../src/cli/export';
import { runVerify } from '../../src/cli/verify';
import { recordCheckpoint } from '../../src/audit/integrity-checkpoint';
import { loadSigningKey } from '../../src/audit/signing-key';
import { hashEvent } from '../../src/eventstore/envelope';
import type { RecordedEvent } from '../../src/eventstore/port';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { makeTempDir } from '../support/sqlite-temp';
import { append } from '../unit/audit/fixtures';
import { reforge } from '../unit/audit/forgery';
import { runScript as run } from '../support/cli-process';

function io(env: Record<string, string>): ExportIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { stdout, stderr: { write: (text: string) => (err += text) }, stdin: new PassThrough(), env, out: () => out, err: () => err };
}

describe('the audit command lines', () => {
  const temp = makeTempDir('celltrail-audit-cli');
  const env = { DATA_DIR: temp.dir };
  const file = join(temp.dir, 'events.sqlite');
  const publicKey = join(temp.dir, 'auditor-kept-public-key.pem');

  beforeAll(async () => {
    const store = createSqliteEventStore({ path: file });
    await append(store, 'patient-p1', [{ type: 'PatientRegistered', data: { patientId: 'p1', mrn: 'MRN-1' } }]);
    await append(store, 'case-c1', [
      { type: 'CaseOpened', data: { caseId: 'c1', patientId: 'p1', facilityId: 'F1' } },
      { type: 'HarvestPerformed', data: { aspirateVolumeMl: 240 } },
    ]);
    await append(store, 'case-c2', [{ type: 'CaseOpened', data: { caseId: 'c2', patientId: 'p1', facilityId: 'F1' } }]);
    await append(store, 'case-c1', [{ type: 'CellsConcentrated', data: { concentrateVolumeMl: 40 } }]);
    await store.close();
    const publishing = io(env);
    expect(await runExport(['--public-key'], publishing)).toBe(0);
    writeFileSync(publicKey, publishing.out());
  });
  afterAll(() => temp.remove());

  it('exports a case as NDJSON that verifies offline, and logs the export with its actor', async () => {
    const exporting = io({ ...env, CELLTRAIL_ACTOR: 'ops-7' });
    expect(await runExport(['--case', 'c1', '--out', join(temp.dir, 'c1.ndjson')], exporting)).toBe(0);
    expect(exporting.err()).toContain('exported 3 events of 1 streams');
    const lines = readFileSync(join(temp.dir, 'c1.ndjson'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { type?: string; kind?: string }).type ?? (JSON.parse(l) as { kind: string }).kind)).toEqual([
      'CaseOpened',
      'HarvestPerformed',
      'CellsConcentrated',
      'heads',
      'signature',
    ]);

    const checking = io(env);
    expect(await runExport(['--verify', join(temp.dir, 'c1.ndjson'), '--key', publicKey], checking)).toBe(0);
    expect(JSON.parse(checking.out())).toMatchObject({ valid: true, eventCount: 3, signature: { status: 'valid' } });
    expect(checking.err()).toMatch(/3 events in 1 streams: export intact, signed by key \S+/);

    // without the key, the chains agree but nobody vouches for the file
    const unkeyed = io(env);
    expect(await runExport(['--verify', join(temp.dir, 'c1.ndjson')], unkeyed)).toBe(1);
    expect(unkeyed.err()).toContain('signature not checked');
    expect(unkeyed.err()).toContain('export NOT intact');

    // the forgery of issue #13: a value changed, the chain and the heads line recomputed
    writeFileSync(join(temp.dir, 'c1-forged.ndjson'), `${reforge(lines, '"aspirateVolumeMl":240', '"aspirateVolumeMl":120').join('\n')}\n`);
    const forged = io(env);
    expect(await runExport(['--verify', join(temp.dir, 'c1-forged.ndjson'), '--key', publicKey], forged)).toBe(1);
    expect(JSON.parse(forged.out())).toMatchObject({ valid: false, broken: [], signature: { status: 'invalid' } });
    expect(forged.err()).toContain('the file was changed after it was signed');
    expect(forged.err()).toContain('export NOT intact');

    writeFileSync(
      join(temp.dir, 'c1-edited.ndjson'),
      readFileSync(join(temp.dir, 'c1.ndjson'), 'utf8').replace('"aspirateVolumeMl":240', '"aspirateVolumeMl":120'),
    );
    const edited = io(env);
    expect(await runExport(['--verify', join(temp.dir, 'c1-edited.ndjson'), '--key', publicKey], edited)).toBe(1);
    expect(JSON.parse(edited.out())).toMatchObject({
      valid: false,
      broken: [{ stream: 'case-c1', firstInvalidRevision: 1, reason: 'hash mismatch' }],
    });

    const db = new Database(file, { readonly: true });
    const logged = db.prepare(`SELECT data, metadata FROM events WHERE stream LIKE 'access-%'`).all() as Array<{
      data: string;
      metadata: string;
    }>;
    db.close();
    expect(
      logged.map((r) => ({ data: JSON.parse(r.data) as unknown, actor: (JSON.parse(r.metadata) as { actor: unknown }).actor })),
    ).toEqual([
      { data: { operation: 'export', caseId: 'c1', patientId: 'p1', outcome: 'OK' }, actor: { id: 'ops-7', name: 'ops-7', role: 'ADMIN' } },
    ]);
  });

  it('exports through the same seam as the API: a case outside --facility is not found, and --all needs the operator', async () => {
    const outside = io(env);
    const out = join(temp.dir, 'outside.ndjson');
    expect(await runExport(['--case', 'c1', '--facility', 'F2', '--actor', 'aud-f2', '--out', out], outside)).toBe(4);
    expect(readFileSync(out, 'utf8')).toBe('');
    const everything = io(env);
    expect(await runExport(['--all', '--facility', 'F2', '--actor', 'aud-f2', '--out', out], everything)).toBe(2);
    expect(everything.err()).toContain('without --facility');
    const inside = io(env);
    expect(await runExport(['--case', 'c1', '--facility', 'F1', '--actor', 'aud-f1', '--out', out], inside)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"aspirateVolumeMl":240');

    const db = new Database(file, { readonly: true });
    const rows = db.prepare(`SELECT data, metadata FROM events WHERE stream LIKE 'access-%'`).all() as Array<{
      data: string;
      metadata: string;
    }>;
    db.close();
    const byActor = (id: string) =>
      rows
        .filter((r) => (JSON.parse(r.metadata) as { actor: { id: string } }).actor.id === id)
        .map((r) => JSON.parse(r.data) as { outcome: string; patientId: string | null });
    expect(byActor('aud-f2')).toEqual([expect.objectContaining({ outcome: 'NOT_FOUND', patientId: null })]);
    expect(byActor('aud-f1')).toEqual([expect.objectContaining({ outcome: 'OK', patientId: 'p1' })]);
  });

  it('exports the whole store, logging every patient and case in it', async () => {
    const exporting = io(env);
    expect(await runExport(['--all', '--actor', 'aud-9'], exporting)).toBe(0);
    const lines = exporting.out().trim().split('\n');
    const heads = (JSON.parse(lines[lines.length - 2]!) as { heads: Array<{ stream: string }> }).heads.map((h) => h.stream);
    expect(heads.filter((s) => !s.startsWith('access-')).sort()).toEqual(['case-c1', 'case-c2', 'patient-p1']);
    const stdin = new PassThrough();
    stdin.end(exporting.out());
    expect(await runExport(['--verify', '-', '--key', publicKey], { ...io(env), stdin })).toBe(0);

    const db = new Database(file, { readonly: true });
    const logged = db.prepare(`SELECT data FROM events WHERE stream LIKE 'access-%' AND actor_id = 'aud-9'`).pluck().all() as string[];
    db.close();
    expect(logged.map((d) => JSON.parse(d) as unknown)).toEqual(
      expect.arrayContaining([
        { operation: 'export', caseId: null, patientId: 'p1', outcome: 'OK' },
        { operation: 'export', caseId: 'c1', patientId: 'p1', outcome: 'OK' },
        { operation: 'export', caseId: 'c2', patientId: 'p1', outcome: 'OK' },
      ]),
    );
    expect(logged).toHaveLength(3);
  });

  it('refuses a call without exactly one mode', async () => {
    const bad = io(env);
    expect(await runExport(['--case', 'c1', '--all'], bad)).toBe(2);
    expect(bad.err()).toContain('usage');
    expect(await runVerify(['--case', 'c1', '--stream', 'x'], bad)).toBe(2);
  });

  it('verifies every stream with a progress bar, and exits non-zero naming the broken revision', async () => {
    const intact = io(env);
    expect(await runVerify(['--all'], intact)).toBe(0);
    expect(JSON.parse(intact.out())).toMatchObject({ valid: true, streamCount: 4, broken: [], unreadable: [] });
    expect(intact.err()).toMatch(/verify \[#+\] 100%/);

    const db = new Database(file);
    db.prepare(`DELETE FROM events WHERE stream = 'case-c1' AND revision = 1`).run();
    db.close();
    const broken = await run('src/cli/verify.ts', [], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/verify \[#+\] 100%/);
    expect(broken.stderr).toContain('BROKEN case-c1 at revision 1: revision gap: expected 1, found 2');
    expect(JSON.parse(broken.stdout)).toMatchObject({ valid: false, broken: [{ stream: 'case-c1', firstInvalidRevision: 1 }] });

    expect(await runVerify(['--case', 'c2'], io(env))).toBe(0);
    expect(await runVerify(['--case', 'c1'], io(env))).toBe(1);
  });

  it('says "not found" for a case that does not exist, with its own exit code', async () => {
    const unknown = io(env);
    expect(await runVerify(['--case', 'nope'], unknown)).toBe(4);
    expect(JSON.parse(unknown.out())).toEqual({ stream: 'case-nope', found: false });
    expect(unknown.err()).toContain('not found: no events in stream case-nope');
    const noPrefix = io(env);
    expect(await runVerify(['--prefix', 'nothing-'], noPrefix)).toBe(4);
    expect(JSON.parse(noPrefix.out())).toEqual({ prefix: 'nothing-', found: false });
    const exporting = io(env);
    expect(await runExport(['--case', 'nope'], exporting)).toBe(4);
    expect(exporting.err()).toContain('not found: no case nope');
  });
});

describe('the audit command lines without a store', () => {
  const temp = makeTempDir('celltrail-audit-cli-empty');
  afterAll(() => temp.remove());

  it.each([
    ['verify', ['--all']],
    ['verify', ['--checkpoint-out', 'kept.json']],
    ['export', ['--all']],
    ['export', ['--public-key']],
  ])('%s %s fails with a clear message and creates nothing', async (cli, args) => {
    const result = await run(`src/cli/${cli}.ts`, args, { DATA_DIR: temp.dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`no event store at ${join(temp.dir, 'events.sqlite')}: set DATA_DIR`);
    expect(result.stdout).not.toContain('intact');
    expect(existsSync(join(temp.dir, 'events.sqlite'))).toBe(false);
    expect(existsSync(join(temp.dir, 'export-signing-key.pem'))).toBe(false);
  });
});

describe('integrity checkpoints kept outside the system', () => {
  const temp = makeTempDir('celltrail-checkpoint-cli');
  const env = { DATA_DIR: temp.dir };
  const file = join(temp.dir, 'events.sqlite');
  const outside = join(temp.dir, 'outside');
  afterAll(() => temp.remove());

  it('detects history rewritten after a kept checkpoint, even with every chain re-hashed', async () => {
    mkdirSync(outside);
    const store = createSqliteEventStore({ path: file });
    await append(store, 'case-c1', [
      { type: 'CaseOpened', data: { caseId: 'c1', patientId: 'p1', facilityId: 'F1' } },
      { type: 'HarvestPerformed', data: { aspirateVolumeMl: 240 } },
      { type: 'CellsConcentrated', data: { concentrateVolumeMl: 40 } },
    ]);
    await recordCheckpoint(store, await loadSigningKey({ keyFile: null, dataDir: temp.dir }), new Date());
    await append(store, 'case-c2', [{ type: 'CaseOpened', data: { caseId: 'c2', patientId: 'p1', facilityId: 'F1' } }]);
    await store.close();

    const publishing = io(env);
    expect(await runExport(['--public-key'], publishing)).toBe(0);
    writeFileSync(join(outside, 'key.pem'), publishing.out());
    const saving = io(env);
    expect(await runVerify(['--checkpoint-out', join(outside, 'kept.json')], saving)).toBe(0);
    expect(JSON.parse(readFileSync(join(outside, 'kept.json'), 'utf8'))).toMatchObject({ kind: 'integrity-checkpoint', streamCount: 1 });
    const kept = ['--checkpoint', join(outside, 'kept.json'), '--key', join(outside, 'key.pem')];

    const before = await run('src/cli/verify.ts', kept, env);
    expect(before.code).toBe(0);
    expect(before.stderr).toContain('the store matches the kept checkpoint');

    // the attacker has the SQLite file: changes a value and re-hashes the rest of the chain
    const db = new Database(file);
    const rows = db
      .prepare(`SELECT position, id, stream, revision, type, data, metadata FROM events WHERE stream = 'case-c1' ORDER BY revision`)
      .all() as Array<Omit<RecordedEvent, 'data' | 'metadata'> & { data: string; metadata: string }>;
    let prevHash: string | null = null;
    for (const row of rows) {
      const event = {
        ...row,
        data: JSON.parse(row.data.replace('"aspirateVolumeMl":240', '"aspirateVolumeMl":120')),
        metadata: JSON.parse(row.metadata),
      } as RecordedEvent;
      event.metadata.prevHash = prevHash;
      event.metadata.hash = prevHash = hashEvent(event);
      db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        row.position,
      );
    }
    db.close();

    const chains = await run('src/cli/verify.ts', ['--all'], env);
    expect(chains.code).toBe(0); // the chains agree with themselves...
    const after = await run('src/cli/verify.ts', kept, env);
    expect(after.code).toBe(1); // ...but not with the root kept outside
    expect(after.stderr).toContain("CHECKPOINT the store's heads at position");
    expect(after.stderr).toContain('history at or before the checkpoint was changed');
    expect(JSON.parse(after.stdout)).toMatchObject({ valid: true, checkpoint: { valid: false } });
  }, 60_000);
});

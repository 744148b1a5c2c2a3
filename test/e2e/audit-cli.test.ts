/**
 * The auditors' command lines on a real DATA_DIR: `verify` (a real process, for its exit code and
 * progress bar) and `export` (an NDJSON file that `export --verify` checks offline; exports are logged).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { runExport, type ExportIo } from '../../src/cli/export';
import { runVerify } from '../../src/cli/verify';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { makeTempDir } from '../support/sqlite-temp';
import { append } from '../unit/audit/fixtures';
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
  });
  afterAll(() => temp.remove());

  it('exports a case as NDJSON that verifies offline, and logs the export with its actor', async () => {
    const exporting = io({ ...env, CELLTRAIL_ACTOR: 'ops-7' });
    expect(await runExport(['--case', 'c1', '--out', join(temp.dir, 'c1.ndjson')], exporting)).toBe(0);
    expect(exporting.err()).toContain('exported 3 events of 1 streams');
    const lines = readFileSync(join(temp.dir, 'c1.ndjson'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { type?: string; kind?: string }).type ?? 'heads')).toEqual([
      'CaseOpened',
      'HarvestPerformed',
      'CellsConcentrated',
      'heads',
    ]);

    const checking = io(env);
    expect(await runExport(['--verify', join(temp.dir, 'c1.ndjson')], checking)).toBe(0);
    expect(JSON.parse(checking.out())).toMatchObject({ valid: true, eventCount: 3 });

    writeFileSync(
      join(temp.dir, 'c1-edited.ndjson'),
      readFileSync(join(temp.dir, 'c1.ndjson'), 'utf8').replace('"aspirateVolumeMl":240', '"aspirateVolumeMl":120'),
    );
    const edited = io(env);
    expect(await runExport(['--verify', join(temp.dir, 'c1-edited.ndjson')], edited)).toBe(1);
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
      { data: { operation: 'export', caseId: 'c1', patientId: 'p1', outcome: 'OK' }, actor: { id: 'ops-7', name: 'ops-7', role: 'CLI' } },
    ]);
  });

  it('exports the whole store, logging every patient and case in it', async () => {
    const exporting = io(env);
    expect(await runExport(['--all', '--actor', 'aud-9'], exporting)).toBe(0);
    const lines = exporting.out().trim().split('\n');
    const heads = (JSON.parse(lines[lines.length - 1]!) as { heads: Array<{ stream: string }> }).heads.map((h) => h.stream);
    expect(heads.filter((s) => !s.startsWith('access-')).sort()).toEqual(['case-c1', 'case-c2', 'patient-p1']);
    const stdin = new PassThrough();
    stdin.end(exporting.out());
    expect(await runExport(['--verify', '-'], { ...io(env), stdin })).toBe(0);

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
});

/** An export can be verified offline: any edit, removal, reordering or truncation of its lines shows. */
import { verifyExport } from '../../../src/audit/export-verification';
import { exportEvents, type ExportSelection } from '../../../src/audit/ndjson-export';
import type { EventStore } from '../../../src/eventstore/port';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';
import { append } from './fixtures';

async function exported(store: EventStore, selection: ExportSelection): Promise<string[]> {
  const lines: string[] = [];
  await exportEvents(store, selection, (line) => void lines.push(line.replace(/\n$/, '')), { pageSize: 2 });
  return lines;
}

describe('NDJSON export', () => {
  const store = createSqliteEventStore({ path: ':memory:' });
  beforeAll(async () => {
    await append(store, 'patient-p1', [{ type: 'PatientRegistered', data: { patientId: 'p1', mrn: 'MRN-1' } }]);
    await append(store, 'case-c1', [{ type: 'CaseOpened', data: { caseId: 'c1', patientId: 'p1' } }]);
    await append(store, 'case-c2', [{ type: 'CaseOpened', data: { caseId: 'c2', patientId: 'p1' } }]);
    await append(store, 'case-c1', [
      { type: 'HarvestPerformed', data: { aspirateVolumeMl: 240 } },
      { type: 'CellsConcentrated', data: { concentrateVolumeMl: 40 } },
    ]);
    await append(store, 'case-c2', [{ type: 'CaseClosed', data: { reason: 'CANCELLED' } }]);
  });
  afterAll(() => store.close());

  it('writes one envelope a line in order, then the heads of every stream', async () => {
    const lines = await exported(store, { kind: 'all' });
    expect(lines).toHaveLength(7);
    const events = lines
      .slice(0, 6)
      .map((l) => JSON.parse(l) as { stream: string; revision: number; position: string; metadata: { hash: string } });
    expect(events.map((e) => `${e.stream}@${e.revision}`)).toEqual([
      'patient-p1@0',
      'case-c1@0',
      'case-c2@0',
      'case-c1@1',
      'case-c1@2',
      'case-c2@1',
    ]);
    expect(events.map((e) => Number(e.position))).toEqual([...events.map((e) => Number(e.position))].sort((a, b) => a - b));
    const trailer = JSON.parse(lines[6]!) as {
      kind: string;
      eventCount: number;
      heads: Array<{ stream: string; revision: number; hash: string }>;
    };
    expect(trailer).toMatchObject({ kind: 'heads', eventCount: 6 });
    expect(trailer.heads).toContainEqual(expect.objectContaining({ stream: 'case-c1', revision: 2, hash: events[4]!.metadata.hash }));
    // chains and heads agree, but nothing vouches for a file anyone could have re-hashed
    expect(await verifyExport(lines)).toMatchObject({
      valid: false,
      eventCount: 6,
      streamCount: 3,
      broken: [],
      problems: [expect.stringMatching(/^unsigned/)],
      signature: { status: 'unsigned' },
    });
  });

  it('exports one case by revision and names whose data it held', async () => {
    const lines: string[] = [];
    const summary = await exportEvents(store, { kind: 'case', caseId: 'c1' }, (line) => void lines.push(line));
    expect(summary).toMatchObject({ eventCount: 3, subjects: [{ caseId: 'c1', patientId: 'p1' }], broken: [] });
    expect(lines.map((l) => (JSON.parse(l) as { kind?: string; stream?: string }).kind ?? l.includes('"stream":"case-c1"'))).toEqual([
      true,
      true,
      true,
      'heads',
    ]);
  });

  const edits: Array<[string, (lines: string[]) => string[], RegExp]> = [
    [
      'a payload edited',
      (l) => l.map((line, i) => (i === 3 ? line.replace('"aspirateVolumeMl":240', '"aspirateVolumeMl":120') : line)),
      /case-c1 .*revision 1: hash mismatch/,
    ],
    ['an event line removed', (l) => l.filter((_, i) => i !== 3), /case-c1 .*revision 1: revision gap/],
    ['two lines of a stream swapped', (l) => [l[0]!, l[1]!, l[2]!, l[4]!, l[3]!, l[5]!, l[6]!], /case-c1 .*revision 1: revision gap/],
    [
      'the last event of a stream removed',
      (l) => l.filter((_, i) => i !== 4),
      /case-c1: the file ends at revision 1, the heads line says 2/,
    ],
    ['the heads line removed', (l) => l.slice(0, -1), /no heads line/],
    ['a line appended after the heads', (l) => [...l, l[1]!], /content after the heads line/],
    [
      'a stream removed entirely',
      (l) => l.filter((line) => line.startsWith('{"kind"') || !line.includes('"stream":"case-c2"')),
      /case-c2: in the heads line but no event/,
    ],
  ];

  it.each(edits)('catches %s', async (_name, edit, problem) => {
    const report = await verifyExport(edit(await exported(store, { kind: 'all' })));
    expect(report.valid).toBe(false);
    const described = [...report.problems, ...report.broken.map((b) => `${b.stream} at revision ${b.firstInvalidRevision}: ${b.reason}`)];
    expect(described).toContainEqual(expect.stringMatching(problem));
  });
});

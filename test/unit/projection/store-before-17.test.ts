/**
 * A store written before issue #17 (event schema version 1, test/fixtures/make-store-before-17.ts) still
 * opens, its hash chains verify over what was stored, and the case summaries rebuilt from it with
 * today's code (which upcasts the old events on read) are the ones the old code folded, field for field.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { caseSummaryOf, caseSummaryProjection, type CaseSummary } from '../../../projections/case-summary';
import { handleCommand } from '../../../src/commands/command-handler';
import { caseDecider } from '../../../src/commands/deciders';
import { caseStream, SCHEMA_VERSION } from '../../../src/domain/events';
import { verifyStore } from '../../../src/audit/verify-store';
import { DEFAULT_COMPLIANCE_CONFIG } from '../../../src/compliance';
import { createSqliteEventStore, type SqliteEventStore } from '../../../src/eventstore/sqlite';
import { rebuildProjection } from '../../../src/projection/rebuild';
import { createMemoryReadStore } from '../../../src/readstore/memory';
import type { StoredDocument } from '../../../src/readstore/port';

const FIXTURES = path.join(__dirname, '../../fixtures');
const before = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'store-before-17.summaries.json'), 'utf8')) as Record<string, CaseSummary>;

describe('a store written before #17', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(() => {
    // a copy: opening a store may write to it, and the fixture must stay as the old code left it
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-before-17-'));
    fs.copyFileSync(path.join(FIXTURES, 'store-before-17.sqlite'), path.join(dir, 'events.sqlite'));
    store = createSqliteEventStore({ path: path.join(dir, 'events.sqlite'), catchUpWorkerFrom: false });
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds version-1 events only', async () => {
    const events = await store.readAll({});
    expect(events.length).toBeGreaterThan(30);
    expect(new Set(events.map((e) => e.metadata.schemaVersion))).toEqual(new Set([1]));
  });

  it('verifies: every hash chain is over the events as stored', async () => {
    const integrity = await verifyStore(store);
    expect(integrity).toMatchObject({ valid: true, broken: [], unreadable: [] });
    expect(integrity.streamCount).toBe(2 + Object.keys(before).length);
  });

  it('rebuilds to the summaries the old code folded (new fields may be added, none changes)', async () => {
    const readStore = createMemoryReadStore();
    const projection = caseSummaryProjection(DEFAULT_COMPLIANCE_CONFIG);
    await rebuildProjection({ store, readStore, projection });
    for (const [caseId, old] of Object.entries(before)) {
      const rebuilt = await readStore.get<StoredDocument>(projection.name, caseId);
      expect(rebuilt).not.toBeNull();
      // JSON round trip: the old summaries were written as JSON, so compare like with like
      expect(JSON.parse(JSON.stringify(rebuilt))).toMatchObject(old as unknown as Record<string, unknown>);
    }
  });

  it('takes new commands on an old stream: the decider reads it upcast, the chain goes on over what is stored', async () => {
    // the case whose harvest was done elsewhere was never signed; its injecting surgeon signs it now, stating when they attested
    const caseId = '00000000-0000-4000-8000-0000000000c3';
    const old = before[caseId]!;
    expect(old.compliance.findings.map((f) => f.rule)).toEqual(['INJ-04']);
    const injection = old.injections[0]!;
    const result = await handleCommand(
      { store, clock: () => new Date('2026-12-01T10:00:00.000Z') },
      caseStream(caseId),
      caseDecider({ facilities: ['F1'], maxClockSkewMs: 0 }),
      {
        type: 'SignProcedure',
        data: {
          meaning: 'AUTHORSHIP',
          signerId: injection.recordedBy.id,
          signerName: injection.recordedBy.name,
          signerRole: 'CLINICIAN',
          attestedAt: injection.occurredAt,
        },
      },
      { commandId: 'sign-after-17', actor: injection.recordedBy, correlationId: 'test' },
    );
    expect(result.ok).toBe(true);
    const events = await store.readStream(caseStream(caseId));
    expect(events.map((e) => e.metadata.schemaVersion)).toEqual([...events.slice(0, -1).map(() => 1), SCHEMA_VERSION]);
    expect(await verifyStore(store)).toMatchObject({ valid: true, broken: [] });
    const summary = caseSummaryOf(events, DEFAULT_COMPLIANCE_CONFIG)!;
    expect(summary.compliance.findings).toEqual([]);
    expect(summary.signatures).toEqual([expect.objectContaining({ attestedAt: injection.occurredAt, lateEntry: true })]);
  });
});

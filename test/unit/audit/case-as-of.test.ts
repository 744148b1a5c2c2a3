/** caseAsOf folds the stream up to the last event recorded at or before the moment asked for. */
import { caseAsOf } from '../../../src/audit/case-as-of';
import { DEFAULT_COMPLIANCE_CONFIG } from '../../../src/compliance';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';
import { caseOpenedData } from '../../support/recorded-events';
import { append } from './fixtures';

describe('caseAsOf', () => {
  const store = createSqliteEventStore({ path: ':memory:' });
  afterAll(() => store.close());

  it('includes an event recorded exactly at the moment, and nothing recorded after it', async () => {
    const opened = caseOpenedData('c1', { patientId: 'p1' });
    await append(store, 'case-c1', [{ type: 'CaseOpened', data: opened, recordedAt: '2026-02-01T08:00:00.000Z' }]);
    await append(store, 'case-c1', [
      {
        type: 'HarvestPerformed',
        data: { site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE', sides: 'LEFT', aspirateVolumeMl: 240, needle: null },
        recordedAt: '2026-02-01T09:00:00.000Z',
      },
    ]);
    await append(store, 'case-c1', [{ type: 'CaseClosed', data: { reason: 'CANCELLED' }, recordedAt: '2026-02-01T10:00:00.000Z' }]);
    const events = await store.readStream('case-c1');

    expect(caseAsOf(events, '2026-02-01T07:59:59.999Z', DEFAULT_COMPLIANCE_CONFIG)).toBeNull();
    const atHarvest = caseAsOf(events, '2026-02-01T09:00:00.000Z', DEFAULT_COMPLIANCE_CONFIG)!;
    expect(atHarvest.summary).toMatchObject({ revision: 1, status: 'OPEN', harvest: { aspirateVolumeMl: 240 } });
    expect(atHarvest.compliance.findings.map((f) => f.rule)).not.toContain('HAR-01');
    const justBefore = caseAsOf(events, '2026-02-01T08:59:59.999Z', DEFAULT_COMPLIANCE_CONFIG)!;
    expect(justBefore.summary).toMatchObject({ revision: 0, harvest: null });
    expect(justBefore.compliance.findings).toContainEqual(expect.objectContaining({ rule: 'HAR-01', severity: 'BLOCKING' }));
    expect(caseAsOf(events, '2030-01-01T00:00:00.000Z', DEFAULT_COMPLIANCE_CONFIG)!.summary.status).toBe('CLOSED');
  });
});

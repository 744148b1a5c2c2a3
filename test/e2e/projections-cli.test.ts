/** `npm run projections -- rebuild | status` on a real DATA_DIR. */
import { caseOpenedData, appendTo } from '../support/recorded-events';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { makeTempDir } from '../support/sqlite-temp';
import { runScript } from '../support/cli-process';
import { join } from 'node:path';

describe('the projections command line', () => {
  const temp = makeTempDir('celltrail-projections-cli');
  const embedded = { DATA_DIR: temp.dir };
  afterAll(() => temp.remove());

  it('rebuilds every projection from the events and reports what it applied; status needs a running server', async () => {
    const store = createSqliteEventStore({ path: join(temp.dir, 'events.sqlite') });
    for (let i = 0; i < 3; i++) await appendTo(store, `case-c${i}`, [{ type: 'CaseOpened', data: caseOpenedData(`c${i}`) }]);
    await store.close();

    const rebuilt = await runScript('src/cli/projections.ts', ['rebuild'], embedded);
    expect(rebuilt.code).toBe(0);
    const lines = rebuilt.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { projection: string; events: number; position: string });
    expect(lines).toEqual([
      expect.objectContaining({ projection: 'case-summary', events: 3, position: '3' }),
      // a projection reads only the events of its types, and is current to the head all the same
      expect.objectContaining({ projection: 'patient-summary', events: 0, position: '3' }),
    ]);
    expect(rebuilt.stderr).toContain('rebuild case-summary [');

    const unknown = await runScript('src/cli/projections.ts', ['rebuild', 'nope'], embedded);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no projection named nope');

    const status = await runScript('src/cli/projections.ts', ['status'], { ...embedded, CELLTRAIL_URL: 'http://127.0.0.1:9' });
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('no server answers');
  }, 60_000);
});

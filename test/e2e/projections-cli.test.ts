/** `npm run projections -- rebuild | check | status` on a real DATA_DIR (the embedded default). */
import { caseOpenedData, appendTo } from '../support/recorded-events';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { makeTempDir } from '../support/sqlite-temp';
import { runScript } from '../support/cli-process';
import { join } from 'node:path';

describe('the projections command line', () => {
  const temp = makeTempDir('celltrail-projections-cli');
  const embedded = { DATA_DIR: temp.dir };
  afterAll(() => temp.remove());

  it("refuses to rebuild the server's in-memory models, checks every projection on a private copy; status needs a running server", async () => {
    const missing = await runScript('src/cli/projections.ts', ['check'], embedded);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('no event store at');

    const store = createSqliteEventStore({ path: join(temp.dir, 'events.sqlite') });
    for (let i = 0; i < 3; i++) await appendTo(store, `case-c${i}`, [{ type: 'CaseOpened', data: caseOpenedData(`c${i}`) }]);
    await store.close();

    const refused = await runScript('src/cli/projections.ts', ['rebuild'], embedded);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("refused: without MONGODB_URL the read models live in the running server's memory");
    expect(refused.stderr).toContain('Restart the server to rebuild them');
    expect(refused.stdout).toBe('');

    const rebuilt = await runScript('src/cli/projections.ts', ['check'], embedded);
    expect(rebuilt.code).toBe(0);
    const lines = rebuilt.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { projection: string; events: number; position: string });
    expect(lines).toEqual([
      expect.objectContaining({ projection: 'case-summary', mode: 'check', events: 3, position: '3' }),
      // a projection reads only the events of its types, and is current to the head all the same
      expect.objectContaining({ projection: 'patient-summary', mode: 'check', events: 0, position: '3' }),
    ]);
    expect(rebuilt.stderr).toContain('rebuild case-summary [');

    const unknown = await runScript('src/cli/projections.ts', ['check', 'nope'], embedded);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no projection named nope');

    const status = await runScript('src/cli/projections.ts', ['status'], { ...embedded, CELLTRAIL_URL: 'http://127.0.0.1:9' });
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('no server answers');
  }, 60_000);
});

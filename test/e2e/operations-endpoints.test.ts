/** What an operator reads: health, readiness with lag, Prometheus metrics. */
import { operation, patientInput } from '../support/case-steps';
import { CASE_EVENT_TYPES } from '../../src/domain/events';
import { startTestApp, type TestApp } from '../support/test-app';

describe('operator endpoints', () => {
  let t: TestApp;
  /**
   * The last event the projections take: after it come access records (every answer of patient data is one),
   * which a filtered KurrentDB subscription acknowledges only at its next checkpoint.
   */
  const lastProjected = async () =>
    (await t.app.services.store.readAll({ filter: { types: [...CASE_EVENT_TYPES, 'PatientRegistered'] } })).at(-1)!.position;
  beforeAll(async () => {
    t = await startTestApp({ env: { READ_YOUR_WRITES_TIMEOUT_MS: '200' } });
  });
  afterAll(() => t.stop());

  it('answers health, and readiness with the projections caught up', async () => {
    expect(await (await fetch(`${t.url}/health`)).json()).toEqual({ status: 'ok' });
    const token = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'] });
    await t.gql(token, operation('RegisterPatient'), { input: patientInput('F1') });
    const ready = await fetch(`${t.url}/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as {
      ready: boolean;
      lag: { events: number };
      projections: Array<{ name: string; position: string }>;
    };
    expect(body.ready).toBe(true);
    expect(body.lag.events).toBe(0);
    expect(body.projections.map((p) => p.name).sort()).toEqual(['case-summary', 'patient-summary']);
    const head = String(await lastProjected());
    expect(body.projections.every((p) => BigInt(p.position) >= BigInt(head))).toBe(true);
  });

  it('reports not ready, with the lag, while the read models are behind', async () => {
    const head = await lastProjected();
    expect(await t.app.services.runner.waitFor(head, 2000)).toBe(true);
    await t.app.services.runner.stop();
    // Where the case summary stands once stopped: at its last event, or past it where the store's tail was acknowledged.
    const applied = String(t.app.services.runner.status().projections.find((p) => p.name === 'case-summary')!.position);
    expect(BigInt(applied)).toBeGreaterThanOrEqual(head);
    const token = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'] });
    const write = await t.gql<{ registerPatient: { stale: boolean } }>(
      token,
      operation('RegisterPatient').replace('revision', 'revision stale'),
      { input: patientInput('F1') },
    );
    expect(write.data!.registerPatient.stale).toBe(true); // durable, but the summary could not catch up
    // Reads are recorded in the access log meanwhile: events in the store, but nothing a projection has to apply.
    for (let i = 0; i < 3; i++) await t.gql(token, '{ patient(id: "nobody") { id } }');
    await t.app.services.accessLog.flush();
    expect(await t.app.services.store.headPosition()).toBeGreaterThan(head + 1n);
    const ready = await fetch(`${t.url}/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { lag: { events: number } }).lag.events).toBe(1);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain('celltrail_ready 0');
    expect(metrics).toContain('celltrail_projection_lag_events 1');
    expect(metrics).toContain(`celltrail_projection_position{projection="case-summary"} ${applied}`);
  });
});

/**
 * No answer without its record: when the access log cannot be written, a read of patient data fails
 * (masked as INTERNAL_SERVER_ERROR, no data) once the log's bound has passed, instead of answering.
 */
import { randomUUID } from 'node:crypto';
import { StoreUnavailableError, type EventStore } from '../../src/eventstore/port';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { leftLegCase, operation, patientInput } from '../support/case-steps';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** The event store, except that appends to the access log fail while `failing` is set. */
function accessLogFailing(store: EventStore): EventStore & { failing: boolean } {
  const wrapped = Object.create(store) as EventStore & { failing: boolean };
  wrapped.failing = false;
  wrapped.append = (stream, events, expected) =>
    wrapped.failing && stream.startsWith('access-')
      ? Promise.reject(new StoreUnavailableError('disk went away'))
      : store.append(stream, events, expected);
  return wrapped;
}

describe('reads while the access log cannot be written', () => {
  const store = accessLogFailing(createSqliteEventStore({ path: ':memory:' }));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ store });
  });
  afterAll(() => t.stop());

  it('answers a case read with an error and no data, and answers again once the log is writable', async () => {
    const token = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'] });
    const registered = await t.gql<{ registerPatient: { patient: { id: string } } }>(token, operation('RegisterPatient'), {
      input: patientInput('F1'),
    });
    const caseId = randomUUID();
    const patientId = registered.data!.registerPatient.patient.id;
    await t.gql(token, operation('OpenCase'), { input: leftLegCase(caseId, patientId, new Date()).open });
    expect((await t.gql<{ case: { id: string } }>(token, operation('CaseSummary'), { id: caseId })).data?.case.id).toBe(caseId);

    store.failing = true;
    const refused = await t.gql<{ case: { id: string } | null }>(token, operation('CaseSummary'), { id: caseId });
    expect(refused.data?.case ?? null).toBeNull();
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(refused)).not.toContain(patientId);

    store.failing = false;
    expect((await t.gql<{ case: { id: string } }>(token, operation('CaseSummary'), { id: caseId })).data?.case.id).toBe(caseId);
  });
});

/**
 * What an operator sees: a Prometheus scrape (parsed by a Prometheus text-format parser) with the
 * expected families after some requests; one request log line per request with the correlation id the
 * client sent (echoed in a header, carried by the access record), and no patient data in any line; a
 * W3C traceparent honoured, with spans for the operation, the command and the store calls.
 */
import { Writable } from 'node:stream';
import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { createLogger } from '../../src/logger';
import { operation, patientInput } from '../support/case-steps';
import { startTestApp, type TestApp } from '../support/test-app';

const PATIENT = patientInput('F1');
const PATIENT_DATA = [PATIENT.mrn, PATIENT.givenName, PATIENT.familyName, PATIENT.birthDate];

async function post(t: TestApp, token: string | null, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as { data?: Record<string, { patient: { id: string } }>; errors?: unknown[] } };
}

describe('metrics and request logs', () => {
  let t: TestApp;
  const lines: Array<Record<string, unknown>> = [];
  let raw = '';
  let clinician: string;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        raw += chunk.toString();
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    t = await startTestApp({ logger: createLogger('info', sink) });
    clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-7', name: 'Dr Seven' });
  });
  afterAll(() => t.stop());

  it('logs one line per request with the correlation id sent, echoes it, and the seam records it', async () => {
    const sent = 'client-corr-0001';
    const written = await post(
      t,
      clinician,
      { query: operation('RegisterPatient'), variables: { input: PATIENT } },
      { 'x-correlation-id': sent },
    );
    expect(written.body.errors).toBeUndefined();
    expect(written.response.headers.get('x-correlation-id')).toBe(sent);
    const patientId = written.body.data!.registerPatient!.patient.id;

    const mine = lines.filter((l) => l.correlationId === sent);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      statusCode: 200,
      operation: 'RegisterPatient',
      userId: 'dr-7',
    });
    expect(typeof mine[0]!.durationMs).toBe('number');

    // The answer's read of the patient is in the access log under the same correlation id.
    const auditor = await t.token({ roles: ['AUDITOR'], facilities: ['F1'] });
    const log = await t.gql<{ accessLog: { edges: Array<{ node: { correlationId: string } }> } }>(
      auditor,
      'query($p: ID) { accessLog(filter: { patientId: $p }, first: 10) { edges { node { correlationId } } } }',
      { p: patientId },
    );
    expect(log.data!.accessLog.edges.map((e) => e.node.correlationId)).toContain(sent);
  });

  it('makes up a correlation id when none (or an implausible one) is sent, and logs refusals with their codes', async () => {
    const refused = await post(
      t,
      'not-a-token',
      { query: operation('CaseSummary'), variables: { id: 'x' } },
      { 'x-correlation-id': 'has spaces in it' },
    );
    const id = refused.response.headers.get('x-correlation-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = lines.find((l) => l.correlationId === id);
    expect(line).toMatchObject({ operation: 'CaseSummary', errorCodes: ['UNAUTHENTICATED'] });
    expect(line).not.toHaveProperty('userId');
  });

  it('never logs patient data, variables, query text or tokens', async () => {
    await post(t, clinician, { query: operation('RegisterPatient'), variables: { input: { ...PATIENT, birthDate: 'not a date' } } });
    await fetch(`${t.url}/graphql?query=${encodeURIComponent(`{ patient(id: "${PATIENT.mrn}") { id } }`)}`);
    expect(raw.length).toBeGreaterThan(0);
    for (const value of [...PATIENT_DATA, 'not a date', 'registerPatient(input', clinician]) expect(raw).not.toContain(value);
  });

  it('serves a scrape a Prometheus parser reads, with the expected families', async () => {
    const response = await fetch(`${t.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const families = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
    // The parser folds a histogram's series into one, losing their labels: read them again as untyped
    // samples (name_count{…}), which keeps every series with its labels.
    const series = new Map<string, Array<{ value?: string; labels?: Record<string, string> }>>();
    for (const f of parsePrometheusTextFormat(text.replace(/^# TYPE (\S+) histogram$/gm, '# TYPE $1 untyped'))) {
      series.set(f.name, [...(series.get(f.name) ?? []), ...f.metrics]);
    }
    const family = (name: string) => {
      const found = families.get(name);
      if (!found) throw new Error(`no family ${name} in the scrape`);
      return found;
    };
    const labelled = (name: string, labels: Record<string, string>) => {
      const samples = family(name).type === 'HISTOGRAM' ? (series.get(`${name}_count`) ?? []) : family(name).metrics;
      return samples.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
    };

    expect(family('celltrail_http_request_duration_seconds').type).toBe('HISTOGRAM');
    expect(labelled('celltrail_http_request_duration_seconds', { route: '/graphql', method: 'POST', status_code: '200' })).toBeDefined();
    expect(family('celltrail_graphql_operation_duration_seconds').type).toBe('HISTOGRAM');
    expect(labelled('celltrail_graphql_operation_duration_seconds', { operation: 'RegisterPatient', type: 'mutation' })).toBeDefined();
    expect(labelled('celltrail_graphql_resolver_duration_seconds', { parent: 'Mutation', field: 'registerPatient' })).toBeDefined();
    expect(family('celltrail_graphql_errors_total').type).toBe('COUNTER');
    expect(Number(labelled('celltrail_graphql_errors_total', { code: 'UNAUTHENTICATED' })?.value)).toBeGreaterThanOrEqual(1);
    expect(Number(labelled('celltrail_event_appends_total', { store: 'sqlite', outcome: 'ok' })?.value)).toBeGreaterThanOrEqual(1);
    expect(family('celltrail_event_append_duration_seconds').type).toBe('HISTOGRAM');
    expect(Number(labelled('celltrail_access_log_commits_total', { outcome: 'ok' })?.value)).toBeGreaterThanOrEqual(1);
    expect(family('celltrail_access_log_commit_records').type).toBe('HISTOGRAM');
    expect(family('celltrail_projection_dead_letters_total').type).toBe('COUNTER');
    expect(labelled('celltrail_projection_dead_letters_total', { projection: 'case-summary' })?.value).toBe('0');
    expect(family('celltrail_projection_lag_events').type).toBe('GAUGE');
    expect(family('celltrail_ready').metrics[0]?.value).toBe('1');
    // process and runtime metrics
    expect(family('process_cpu_seconds_total').type).toBe('COUNTER');
    expect(families.has('nodejs_eventloop_lag_seconds')).toBe(true);
    // counters end in _total, durations are seconds
    for (const [name, f] of families) {
      if (f.type === 'COUNTER') expect(name).toMatch(/_total$/);
      if (name.startsWith('celltrail_') && name.includes('duration')) expect(name).toMatch(/_seconds$/);
    }
  });
});

describe('tracing', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let t: TestApp;

  beforeAll(async () => {
    provider.register();
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('continues the trace of a W3C traceparent through the operation, the command and the store calls', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentSpanId = '00f067aa0ba902b7';
    exporter.reset();
    const token = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'] });
    const written = await post(
      t,
      token,
      { query: operation('RegisterPatient'), variables: { input: PATIENT } },
      {
        traceparent: `00-${traceId}-${parentSpanId}-01`,
      },
    );
    expect(written.body.errors).toBeUndefined();

    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const request = spans.find((s) => s.name === 'mutation RegisterPatient');
    expect(request?.parentSpanContext?.spanId).toBe(parentSpanId);
    const names = spans.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['command', 'eventstore.append', 'eventstore.readStream']));
    const command = spans.find((s) => s.name === 'command');
    expect(command?.attributes['celltrail.command.type']).toBe('RegisterPatient');
    // no patient data in any span
    const attributes = JSON.stringify(spans.map((s) => [s.name, s.attributes]));
    for (const value of PATIENT_DATA) expect(attributes).not.toContain(value);
  });
});

/**
 * OpenTelemetry tracing through the API only (@opentelemetry/api): a no-op until a tracer provider is
 * registered, which main.ts does when configured (tracing-setup.ts), so that the SDK is loaded by the
 * server alone, never by a CLI.
 *
 * Spans: the GraphQL request (named for its operation), each command handled, and each call through the
 * event-store and read-store ports (instrumented-ports.ts). Attributes name operations, types, streams'
 * categories and counts: never patient data, never variables, never a query's text.
 */
import { SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

export const TRACER_NAME = 'celltrail';

export const tracer = () => trace.getTracer(TRACER_NAME);

/** Whether a tracer provider is registered (spans would go somewhere). */
export const tracingActive = (): boolean => tracer().startSpan('probe').isRecording();

/** Runs `work` in a child span of the active one; an error marks the span by its class name only (messages may carry values). */
export async function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The category of a stream ("case", "patient", "access", …): the part before its id. */
export const streamCategory = (stream: string): string => stream.split('-')[0] ?? 'unknown';

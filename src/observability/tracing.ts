/**
 * OpenTelemetry tracing, off unless configured: with OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) set, main.ts registers a Node tracer provider that exports spans
 * over OTLP/HTTP (the exporter reads the other OTEL_* variables itself), with W3C trace context
 * propagation, so a `traceparent` sent with a request becomes the parent of its spans. Without it, the
 * API's tracer is a no-op and the store wrappers are not installed at all.
 *
 * Spans: the GraphQL request (named for its operation), each command handled, and each call through the
 * event-store and read-store ports (instrumented-ports.ts). Attributes name operations, types, streams'
 * categories and counts: never patient data, never variables, never a query's text.
 */
import { SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export const TRACER_NAME = 'celltrail';

export const tracer = () => trace.getTracer(TRACER_NAME);

/** Whether the environment asks for traces to be exported. */
export function tracingConfigured(env: Record<string, string | undefined>): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').toLowerCase() === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

export interface Tracing {
  /** Exports what is buffered and stops. */
  shutdown(): Promise<void>;
}

/** Registers the global tracer provider when configured; null otherwise. */
export function startTracing(env: Record<string, string | undefined>): Tracing | null {
  if (!tracingConfigured(env)) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME?.trim() || 'celltrail' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // AsyncLocalStorage context and the W3C trace-context (and baggage) propagators.
  provider.register();
  return { shutdown: () => provider.shutdown() };
}

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

/**
 * OpenTelemetry tracing, off unless configured: with OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) set, main.ts registers a Node tracer provider that exports spans
 * over OTLP/HTTP (the exporter reads the other OTEL_* variables itself: headers, timeout, protocol), with
 * W3C trace-context propagation, so a `traceparent` sent with a request becomes the parent of its spans.
 * Without it, the API's tracer stays a no-op and the store wrappers are not installed at all.
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

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

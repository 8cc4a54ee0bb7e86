import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  TracerProvider,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TracingOptions {
  readonly service: string;
  /** Base OTLP/HTTP endpoint as in OTEL_EXPORTER_OTLP_ENDPOINT; "/v1/traces" is appended. */
  readonly otlpEndpoint?: string;
  /** Exports each span as it ends (tests pass an InMemorySpanExporter); wins over otlpEndpoint. */
  readonly exporter?: SpanExporter;
}

export interface TracingHandle {
  /** Flushes and stops the provider; clears the globals if this handle still owns them. */
  shutdown(): Promise<void>;
}

const OTLP_TRACES_PATH = 'v1/traces';

function otlpTracesUrl(endpoint: string): string {
  if (endpoint.endsWith(`/${OTLP_TRACES_PATH}`)) return endpoint;
  return new URL(OTLP_TRACES_PATH, endpoint.endsWith('/') ? endpoint : `${endpoint}/`).href;
}

function spanProcessorsFor(options: TracingOptions): SpanProcessor[] {
  if (options.exporter !== undefined) return [new SimpleSpanProcessor({ exporter: options.exporter })];
  if (options.otlpEndpoint !== undefined) {
    const exporter = new OTLPTraceExporter({ url: otlpTracesUrl(options.otlpEndpoint) });
    return [new BatchSpanProcessor({ exporter })];
  }
  return [];
}

function disableGlobals(): void {
  trace.disable();
  context.disable();
  propagation.disable();
}

/** The handle whose provider is registered globally now. */
let current: TracingHandle | undefined;

/**
 * Registers the global tracer provider, the AsyncLocalStorage context manager and the W3C
 * trace-context propagator. With no exporter spans are not exported, but trace context
 * still propagates. A later call replaces the globals; each handle still shuts down its own
 * provider.
 */
export function initTracing(options: TracingOptions): TracingHandle {
  disableGlobals();
  const provider = new TracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.service })),
    spanProcessors: spanProcessorsFor(options),
  });
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());

  const handle: TracingHandle = {
    shutdown: async () => {
      if (current === handle) {
        current = undefined;
        disableGlobals();
      }
      await provider.shutdown();
    },
  };
  current = handle;
  return handle;
}

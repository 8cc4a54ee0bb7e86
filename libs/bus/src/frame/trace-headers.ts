import { context, propagation, type Context } from '@opentelemetry/api';

/** Message headers as the bus carries them: string values only. */
export type MessageHeaders = Record<string, string>;

/** Writes the W3C trace context (traceparent, tracestate) of `source` into the headers. */
export function injectTraceContext(source: Context, headers: MessageHeaders): MessageHeaders {
  propagation.inject(source, headers);
  return headers;
}

/** The context a consumer continues: the producer's span as remote parent, if any. */
export function extractTraceContext(headers: Readonly<MessageHeaders>): Context {
  return propagation.extract(context.active(), headers);
}

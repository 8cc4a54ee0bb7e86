import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { createMessage, encodeMessage, keyOf, type MessageInit, type TopicName } from '@va/contracts';
import type { BusMetrics } from './bus.metrics';
import { injectTraceContext, type MessageHeaders } from './trace-headers';

/** A message ready for a backend: encoded, keyed by the topic map, carrying trace context. */
export interface OutgoingMessage {
  readonly topic: TopicName;
  readonly key: string;
  readonly value: Uint8Array;
  readonly headers: MessageHeaders;
}

/** Looked up per use, so a tracer provider installed after import still applies. */
const tracer = () => trace.getTracer('@va/bus');

/**
 * The one publish path of every backend: builds the message, opens a producer span whose
 * context travels in the headers, hands the message to `send` (which resolves on broker
 * acknowledgement), and counts the result.
 */
export async function publishThroughFrame<T extends TopicName>(
  topic: T,
  init: MessageInit<T>,
  metrics: BusMetrics,
  send: (message: OutgoingMessage) => Promise<void>,
): Promise<void> {
  const message = createMessage(topic, init);
  const key = keyOf(topic, message);
  if (key === '') throw new Error(`publish to ${topic} without a key: the topic is keyed by call ID`);
  const value = encodeMessage(topic, message);
  const span = tracer().startSpan(`send ${topic}`, {
    kind: SpanKind.PRODUCER,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.destination.name': topic,
      'messaging.message.body.size': value.byteLength,
    },
  });
  const headers = injectTraceContext(trace.setSpan(context.active(), span), {});
  const stopTimer = metrics.publishSeconds.startTimer({ topic });
  try {
    await send({ topic, key, value, headers });
    metrics.published.inc({ topic, result: 'acknowledged' });
  } catch (error) {
    metrics.published.inc({ topic, result: 'failed' });
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'publish failed' });
    throw error;
  } finally {
    stopTimer();
    span.end();
  }
}

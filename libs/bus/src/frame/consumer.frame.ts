import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { decodeMessage, type MessageOf, type TopicName } from '@va/contracts';
import type { Logger } from '@va/observability';
import type { Handler, HandlerOutcome, RetryPolicy } from '../bus';
import type { BusMetrics, ConsumedOutcome } from './bus.metrics';
import type { DeadLetterRecord } from './dead-letter.headers';
import { backoffDelayMs } from './retry-backoff';
import { extractTraceContext, type MessageHeaders } from './trace-headers';

/** One message as a backend hands it to the frame, before decoding. */
export interface RawDelivery {
  readonly topic: TopicName;
  readonly key: string;
  readonly value: Uint8Array;
  readonly headers: Readonly<MessageHeaders>;
  readonly partition: number;
  readonly offset: string;
}

export interface ConsumerFrameContext<T extends TopicName> {
  readonly group: string;
  readonly handler: Handler<T>;
  readonly retry: RetryPolicy;
  readonly logger: Logger;
  readonly metrics: BusMetrics;
  /** Stores the record on the dead-letter topic; a throw means the delivery is not done. */
  readonly deadLetter: (record: DeadLetterRecord) => Promise<void>;
  /** True once the subscription is closing or lost its partition: stop retrying, do not commit. */
  readonly isStopping: () => boolean;
  /** Waits between attempts; the backend keeps its group membership alive meanwhile. */
  readonly pause: (delayMs: number) => Promise<void>;
}

/** `done`: commit the offset. `abandoned`: leave it uncommitted for the next owner. */
export type FrameResult = 'done' | 'abandoned';

/** Looked up per use, so a tracer provider installed after import still applies. */
const tracer = () => trace.getTracer('@va/bus');

/**
 * The one place that turns handler outcomes into commit, retry with back-off, or dead-letter.
 * Retries happen in place, so the call's later events wait behind the failing one and per-call
 * order is kept.
 */
export async function processDelivery<T extends TopicName>(
  raw: RawDelivery,
  frame: ConsumerFrameContext<T>,
): Promise<FrameResult> {
  const count = (outcome: ConsumedOutcome): void => {
    frame.metrics.consumed.inc({ topic: raw.topic, group: frame.group, outcome });
  };

  let message: MessageOf<T>;
  try {
    message = decodeMessage(raw.topic as T, raw.value);
  } catch (error) {
    const reason = `undecodable: ${error instanceof Error ? error.message : String(error)}`;
    frame.logger.warn('message does not decode; dead-lettering', { topic: raw.topic, group: frame.group, partition: raw.partition, offset: raw.offset });
    await frame.deadLetter(deadLetterOf(raw, frame.group, reason, 1));
    count('undecodable');
    return 'done';
  }

  const parent = extractTraceContext(raw.headers);
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await runAttempt(raw, message, attempt, frame, parent);
    if (outcome.kind === 'ok') {
      count('ok');
      return 'done';
    }
    if (outcome.kind === 'dead-letter') {
      frame.logger.warn('handler dead-lettered a message', { topic: raw.topic, group: frame.group, reason: outcome.reason, attempt });
      await frame.deadLetter(deadLetterOf(raw, frame.group, outcome.reason, attempt));
      count('dead_letter');
      return 'done';
    }
    count('retry');
    if (attempt >= frame.retry.maxAttempts) {
      const reason = `retries exhausted after ${attempt} attempts: ${outcome.reason}`;
      frame.logger.warn('retries exhausted; dead-lettering', { topic: raw.topic, group: frame.group, reason: outcome.reason, attempt });
      await frame.deadLetter(deadLetterOf(raw, frame.group, reason, attempt));
      count('dead_letter');
      return 'done';
    }
    if (frame.isStopping()) {
      count('abandoned');
      return 'abandoned';
    }
    await frame.pause(backoffDelayMs(frame.retry, attempt));
    if (frame.isStopping()) {
      count('abandoned');
      return 'abandoned';
    }
  }
}

async function runAttempt<T extends TopicName>(
  raw: RawDelivery,
  message: MessageOf<T>,
  attempt: number,
  frame: ConsumerFrameContext<T>,
  parent: ReturnType<typeof extractTraceContext>,
): Promise<HandlerOutcome> {
  const span = tracer().startSpan(
    `process ${raw.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': raw.topic,
        'messaging.consumer.group.name': frame.group,
        'messaging.destination.partition.id': String(raw.partition),
        'messaging.kafka.offset': Number(raw.offset),
        'va.delivery.attempt': attempt,
      },
    },
    parent,
  );
  const stopTimer = frame.metrics.handlerSeconds.startTimer({ topic: raw.topic, group: frame.group });
  try {
    const outcome = await context.with(trace.setSpan(parent, span), () =>
      frame.handler({
        topic: raw.topic as T,
        key: raw.key,
        message,
        attempt,
        partition: raw.partition,
        offset: raw.offset,
      }),
    );
    span.setAttribute('va.handler.outcome', outcome.kind);
    if (outcome.kind !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.reason });
    return outcome;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    frame.logger.error('handler threw; treating as retry', { topic: raw.topic, group: frame.group, attempt, error });
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'handler threw' });
    return { kind: 'retry', reason: `handler threw: ${detail}` };
  } finally {
    stopTimer();
    span.end();
  }
}

function deadLetterOf(raw: RawDelivery, group: string, reason: string, attempts: number): DeadLetterRecord {
  return { sourceTopic: raw.topic, key: raw.key, reason, attempts, group, payload: raw.value, headers: raw.headers };
}

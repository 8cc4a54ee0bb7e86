import { isTopicName } from '@va/contracts';
import type { DeadLetter } from '../bus';
import type { MessageHeaders } from './trace-headers';

/**
 * A dead-lettered message keeps its original bytes as the value; why it failed travels in
 * these headers so the payload stays replayable.
 */
const HEADER = {
  reason: 'va-dead-letter-reason',
  sourceTopic: 'va-dead-letter-source-topic',
  attempts: 'va-dead-letter-attempts',
  group: 'va-dead-letter-group',
} as const;

const MAX_REASON_LENGTH = 1_000;

/** A dead letter as the frame writes it: the stored fields plus the original headers. */
export interface DeadLetterRecord extends DeadLetter {
  /** The original message's headers (trace context included). */
  readonly headers: Readonly<MessageHeaders>;
}

export function deadLetterHeaders(record: DeadLetterRecord): MessageHeaders {
  return {
    ...record.headers,
    [HEADER.reason]: record.reason.slice(0, MAX_REASON_LENGTH),
    [HEADER.sourceTopic]: record.sourceTopic,
    [HEADER.attempts]: String(record.attempts),
    [HEADER.group]: record.group,
  };
}

/** Reads a dead letter back; throws when the headers were not written by deadLetterHeaders. */
export function readDeadLetter(key: string, payload: Uint8Array, headers: Readonly<MessageHeaders>): DeadLetter {
  const sourceTopic = headers[HEADER.sourceTopic];
  if (sourceTopic === undefined || !isTopicName(sourceTopic)) {
    throw new Error('dead letter without a known source topic header');
  }
  return {
    sourceTopic,
    key,
    reason: headers[HEADER.reason] ?? '',
    attempts: Number(headers[HEADER.attempts] ?? '0'),
    group: headers[HEADER.group] ?? '',
    payload,
  };
}

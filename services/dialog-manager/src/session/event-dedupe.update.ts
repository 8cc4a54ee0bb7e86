import type { CallSession } from './call-session';

/**
 * Pure dedupe of applied events (see call-session.ts). Mark an event in the same save that
 * applies its effect; an instance taking over a call then skips a redelivered event.
 *
 * Ordered streams (a topic keyed by call ID keeps one call's events on one partition, in
 * offset order) keep one watermark each: every position up to it counts as applied.
 * Events without an order are remembered by ID, the most recent `maxRecentIds` only.
 */
export const EVENT_DEDUPE_POLICY = Object.freeze({
  maxRecentIds: 256,
});

/** `seq` is a non-negative decimal integer string, such as a Kafka offset. */
export function hasProcessedSeq(session: CallSession, stream: string, seq: string): boolean {
  const position = parseSeq(seq);
  const last = session.processed.lastSeqByStream[stream];
  return last !== undefined && position <= BigInt(last);
}

/** Raises the stream's watermark to `seq`; a lower or equal position changes nothing. */
export function markSeqProcessed(session: CallSession, stream: string, seq: string): CallSession {
  const position = parseSeq(seq);
  if (hasProcessedSeq(session, stream, seq)) return session;
  return {
    ...session,
    processed: { ...session.processed, lastSeqByStream: { ...session.processed.lastSeqByStream, [stream]: position.toString() } },
  };
}

export function hasProcessedEventId(session: CallSession, eventId: string): boolean {
  return session.processed.recentIds.includes(eventId);
}

export function markEventIdProcessed(session: CallSession, eventId: string): CallSession {
  if (hasProcessedEventId(session, eventId)) return session;
  const recentIds = [...session.processed.recentIds, eventId].slice(-EVENT_DEDUPE_POLICY.maxRecentIds);
  return { ...session, processed: { ...session.processed, recentIds } };
}

function parseSeq(seq: string): bigint {
  if (!/^\d+$/.test(seq)) throw new Error('event position must be a non-negative decimal integer');
  return BigInt(seq);
}

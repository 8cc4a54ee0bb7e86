import type { MessageInit, MessageOf, TopicName } from '@va/contracts';

/** What a handler decided about one delivery; the consumer frame acts on it. */
export type HandlerOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'retry'; readonly reason: string }
  | { readonly kind: 'dead-letter'; readonly reason: string };

export const Outcome = {
  ok: (): HandlerOutcome => ({ kind: 'ok' }),
  retry: (reason: string): HandlerOutcome => ({ kind: 'retry', reason }),
  deadLetter: (reason: string): HandlerOutcome => ({ kind: 'dead-letter', reason }),
} as const;

export interface Delivery<T extends TopicName> {
  readonly topic: T;
  readonly key: string;
  readonly message: MessageOf<T>;
  /** 1 on first delivery, then 2, 3, ... on in-place retries. */
  readonly attempt: number;
  readonly partition: number;
  readonly offset: string;
}

/** Handlers return outcomes; they throw only for bugs (a throw is treated as retry). */
export type Handler<T extends TopicName> = (delivery: Delivery<T>) => Promise<HandlerOutcome>;

export interface RetryPolicy {
  /** Total attempts including the first; after the last, the message is dead-lettered. */
  readonly maxAttempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 5,
  initialBackoffMs: 100,
  maxBackoffMs: 5_000,
});

export interface SubscribeOptions {
  /** Consumer group; normally the service name. Instances of a group share partitions. */
  readonly group: string;
  readonly retry?: RetryPolicy;
  /**
   * Where a group seen for the first time starts: `earliest` (the default) reads what the
   * topic still holds; `latest` only what is published after the subscription resolves. For
   * per-instance groups that follow live traffic (a gateway receiving its calls' audio).
   */
  readonly startAt?: 'earliest' | 'latest';
}

/** A message that could not be handled, as stored on the topic's dead-letter companion. */
export interface DeadLetter {
  readonly sourceTopic: TopicName;
  readonly key: string;
  readonly reason: string;
  readonly attempts: number;
  readonly group: string;
  /** The original bytes, untouched, so the message can be inspected or replayed. */
  readonly payload: Uint8Array;
}

export type DeadLetterHandler = (deadLetter: DeadLetter) => Promise<void>;

export interface Subscription {
  close(): Promise<void>;
}

export interface BusHealth {
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * Typed publish/subscribe over the topic map. Two backends: Kafka (distributed mode) and
 * in-memory (embedded mode); both pass the same conformance suite.
 */
export interface Bus {
  /** Creates every topic of the map and its dead-letter companion. Explicit startup step. */
  ensureTopics(): Promise<void>;
  /** Resolves once the broker has acknowledged the message. Keyed by the topic's key. */
  publish<T extends TopicName>(topic: T, message: MessageInit<T>): Promise<void>;
  subscribe<T extends TopicName>(
    topic: T,
    handler: Handler<T>,
    options: SubscribeOptions,
  ): Promise<Subscription>;
  subscribeDeadLetters(
    topic: TopicName,
    handler: DeadLetterHandler,
    options: { readonly group: string },
  ): Promise<Subscription>;
  checkHealth(): Promise<BusHealth>;
  close(): Promise<void>;
}

import type { Message, Producer, TopicMessages } from 'kafkajs';

interface PendingMessage {
  readonly topic: string;
  readonly message: Message;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Coalesces the publishes made in one turn of the event loop into one produce request (one
 * `sendBatch` across topics), so a hundred live calls publishing every 20 ms cost a few
 * requests per tick instead of a hundred. Each publish still resolves on the broker's
 * acknowledgement of its batch. Per-key order is kept by the caller sending at most one
 * message per key at a time (KeyedSequencer).
 */
export class ProduceBatcher {
  private pending: PendingMessage[] = [];
  private scheduled = false;

  constructor(
    private readonly producer: () => Promise<Producer>,
    private readonly acks: number,
  ) {}

  send(topic: string, message: Message): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ topic, message, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    const byTopic = new Map<string, Message[]>();
    for (const entry of batch) {
      const messages = byTopic.get(entry.topic) ?? [];
      messages.push(entry.message);
      byTopic.set(entry.topic, messages);
    }
    const topicMessages: TopicMessages[] = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    try {
      const producer = await this.producer();
      await producer.sendBatch({ topicMessages, acks: this.acks });
      for (const entry of batch) entry.resolve();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}

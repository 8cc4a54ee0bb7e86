import type { HttpMethod } from './twiml.document';
import { rfc2822 } from './twilio.ids';
import type { WebhookRequest } from './webhook.sender';

export type StatusCallbackEvent = 'initiated' | 'ringing' | 'answered' | 'completed';

export const STATUS_CALLBACK_EVENTS: readonly StatusCallbackEvent[] = ['initiated', 'ringing', 'answered', 'completed'];

export interface StatusCallbackConfig {
  readonly url?: string;
  readonly method: HttpMethod;
  /** Subscribed events; `completed` is sent whenever `url` is set. */
  readonly events: ReadonlySet<StatusCallbackEvent>;
}

/**
 * A call's progress callbacks: only subscribed events (plus `completed`), each with the
 * call's parameters, `CallbackSource=call-progress-events`, `Timestamp` and a
 * `SequenceNumber` counting from 0 per call. Sent one after another, in order.
 */
export class StatusCallbackNotifier {
  private sequence = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: StatusCallbackConfig,
    private readonly deliver: (request: WebhookRequest) => Promise<unknown>,
  ) {}

  wants(event: StatusCallbackEvent): boolean {
    return this.config.url !== undefined && (event === 'completed' || this.config.events.has(event));
  }

  notify(event: StatusCallbackEvent, params: Readonly<Record<string, string>>): void {
    const url = this.config.url;
    if (url === undefined || !this.wants(event)) return;
    const request: WebhookRequest = {
      purpose: 'status-callback',
      url,
      method: this.config.method,
      params: { ...params, CallbackSource: 'call-progress-events', Timestamp: rfc2822(new Date()), SequenceNumber: String(this.sequence) },
    };
    this.sequence += 1;
    this.chain = this.chain.then(() => this.deliver(request)).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Resolves when every callback queued so far has been delivered (or failed). */
  settled(): Promise<void> {
    return this.chain;
  }
}

import { Counter, type Registry } from 'prom-client';

/** Twilio callbacks to the dialer by kind and result (bad_signature, malformed, unknown_call, ...). */
export class CallbackMetrics {
  private readonly counter: Counter<'kind' | 'result'>;

  private constructor(registry: Registry) {
    const name = 'dialer_callbacks_total';
    const existing = registry.getSingleMetric(name) as Counter<'kind' | 'result'> | undefined;
    this.counter = existing ?? new Counter({ name, help: 'Twilio callbacks received by the dialer, by kind and result', labelNames: ['kind', 'result'], registers: [registry] });
  }

  static of(registry: Registry): CallbackMetrics {
    return new CallbackMetrics(registry);
  }

  count(kind: 'status' | 'amd', result: string): void {
    this.counter.inc({ kind, result });
  }
}

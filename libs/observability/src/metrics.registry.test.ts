import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Counter } from 'prom-client';
import { assertSafeLabelValue, createMetricsRegistry, UnsafeLabelValueError } from './index';

describe('createMetricsRegistry', () => {
  it('exposes default Node metrics labelled with the service', async () => {
    const registry = createMetricsRegistry('media-gateway');
    const counter = new Counter({ name: 'va_test_events_total', help: 'test', labelNames: ['outcome'], registers: [registry] });
    counter.inc({ outcome: assertSafeLabelValue('ok') });
    const text = await registry.metrics();
    assert.match(text, /process_cpu_user_seconds_total\{service="media-gateway"\}/);
    assert.match(text, /va_test_events_total\{outcome="ok",service="media-gateway"\} 1/);
  });

  it('keeps registries of different services apart', async () => {
    const first = await createMetricsRegistry('stt').metrics();
    const second = await createMetricsRegistry('tts').metrics();
    assert.ok(first.includes('service="stt"') && !first.includes('service="tts"'));
    assert.ok(second.includes('service="tts"'));
  });
});

describe('assertSafeLabelValue', () => {
  it('accepts closed-set values', () => {
    for (const value of ['ok', 'dead-letter', 'call.transcript', 'deepgram', '503']) {
      assert.equal(assertSafeLabelValue(value), value);
    }
  });

  it('rejects phone numbers, emails, dates and overlong values', () => {
    for (const value of ['+15552345634', '555-234-5634', 'jane@example.com', '1980-04-12', 'x'.repeat(65)]) {
      assert.throws(() => assertSafeLabelValue(value), UnsafeLabelValueError, value);
    }
  });
});

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { initTracing, safeSpanAttributes, type TracingHandle } from './index';

const handles: TracingHandle[] = [];
function init(options: Parameters<typeof initTracing>[0]): TracingHandle {
  const handle = initTracing(options);
  handles.push(handle);
  return handle;
}

after(async () => {
  for (const handle of handles) await handle.shutdown();
});

describe('initTracing', () => {
  it('propagates trace context through a headers carrier with traceparent', () => {
    const exporter = new InMemorySpanExporter();
    init({ service: 'stt', exporter });
    const tracer = trace.getTracer('test');
    const span = tracer.startSpan('publish');
    const carrier: Record<string, string> = {};
    context.with(trace.setSpan(context.active(), span), () => propagation.inject(context.active(), carrier));
    span.end();

    const traceId = span.spanContext().traceId;
    assert.match(carrier['traceparent'] ?? '', new RegExp(`^00-${traceId}-${span.spanContext().spanId}-01$`));
    const extracted = trace.getSpanContext(propagation.extract(context.active(), carrier));
    assert.equal(extracted?.traceId, traceId);
    assert.equal(extracted?.isRemote, true);
  });

  it('exports spans with the service name, and child spans join the parent trace across awaits', async () => {
    const exporter = new InMemorySpanExporter();
    init({ service: 'dialog-manager', exporter });
    const tracer = trace.getTracer('test');
    await tracer.startActiveSpan('turn', async (parent) => {
      await new Promise((resolve) => setImmediate(resolve));
      tracer.startSpan('llm').end();
      parent.end();
    });
    const spans = exporter.getFinishedSpans();
    assert.deepEqual(spans.map((span) => span.name), ['llm', 'turn']);
    assert.equal(spans[0]?.spanContext().traceId, spans[1]?.spanContext().traceId);
    assert.equal(spans[1]?.resource.attributes['service.name'], 'dialog-manager');
  });

  it('still propagates context without an exporter, and survives repeated init', () => {
    init({ service: 'tts' });
    const handle = init({ service: 'tts' });
    const span = trace.getTracer('test').startSpan('no-export');
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), carrier);
    span.end();
    assert.equal(trace.getSpanContext(propagation.extract(context.active(), carrier))?.traceId, span.spanContext().traceId);
    assert.ok(handle);
  });

  it('accepts an OTLP endpoint without contacting it until spans are flushed', async () => {
    const handle = init({ service: 'tool-executor', otlpEndpoint: 'http://127.0.0.1:1' });
    const carrier: Record<string, string> = {};
    const span = trace.getTracer('test').startSpan('unsent');
    propagation.inject(trace.setSpan(context.active(), span), carrier);
    assert.ok(carrier['traceparent']);
    await handle.shutdown();
    const later = trace.getTracer('test').startSpan('after-shutdown');
    assert.equal(later.isRecording(), false);
  });
});

describe('safeSpanAttributes', () => {
  it('drops PHI keys and masks PHI in values, keeping ids', () => {
    assert.deepEqual(
      safeSpanAttributes({
        'call.id': 'CA123',
        callId: 'CA123',
        phoneNumber: '+15552345634',
        'caller.email': 'jane@example.com',
        transcript: 'hello',
        'tool.name': 'book_appointment',
        reason: 'callback to +15552345634',
        tags: ['a', '1980-04-12'],
        attempt: 2,
      }),
      {
        'call.id': 'CA123',
        callId: 'CA123',
        'tool.name': 'book_appointment',
        reason: 'callback to [REDACTED:phone]',
        tags: ['a', '[REDACTED:date]'],
        attempt: 2,
      },
    );
  });
});

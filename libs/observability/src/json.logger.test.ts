import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { createLogger, initTracing, type LogLevel } from './index';

const PHONE = '+15552345634';
const EMAIL = 'jane.doe@example.com';
const DOB = '1980-04-12';
const CALL_ID = 'CA1f0e2d3c4b5a69788796a5b4c3d2e1f0';

function captureLogger(level?: LogLevel) {
  const lines: string[] = [];
  const logger = createLogger({ service: 'dialog-manager', ...(level ? { level } : {}), destination: { write: (line) => lines.push(line) } });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('createLogger', () => {
  it('writes one JSON line with time, level label, service, msg and fields', () => {
    const { logger, lines, records } = captureLogger();
    logger.info('turn started', { callId: CALL_ID, turn: 3 });
    assert.equal(lines.length, 1);
    assert.ok(lines[0]?.endsWith('\n'));
    const [record] = records();
    assert.equal(record?.['level'], 'info');
    assert.equal(record?.['service'], 'dialog-manager');
    assert.equal(record?.['msg'], 'turn started');
    assert.equal(record?.['callId'], CALL_ID);
    assert.equal(record?.['turn'], 3);
    assert.match(String(record?.['time']), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('never writes a phone number, email or date of birth, under PHI keys or in free text; keeps callId', () => {
    const { logger, lines } = captureLogger('debug');
    const child = logger.child({ callId: CALL_ID, from: PHONE, note: `caller ${EMAIL}` });
    child.info('caller identified', { phoneNumber: PHONE, email: EMAIL, dateOfBirth: DOB, memberId: 'M-42' });
    child.warn('free text', { reason: `caller ${PHONE} gave ${EMAIL} and dob ${DOB}`, nested: { list: [PHONE] } });
    child.error('lookup failed', { error: new Error(`no member for ${PHONE} born ${DOB}`) });
    child.debug(`message with ${EMAIL}`);
    const output = lines.join('');
    assert.equal(lines.length, 4);
    for (const secret of [PHONE, '5552345634', EMAIL, DOB, 'M-42']) {
      assert.ok(!output.includes(secret), `output contains ${secret}: ${output}`);
    }
    for (const line of lines) assert.equal((JSON.parse(line) as Record<string, unknown>)['callId'], CALL_ID);
    assert.match(output, /\[REDACTED\]/);
    assert.match(output, /\[REDACTED:phone\]/);
  });

  it('writes errors as {type, message, stack}', () => {
    const { logger, records } = captureLogger();
    logger.error('handler failed', { error: new TypeError('bad input') });
    const error = records()[0]?.['error'] as Record<string, unknown>;
    assert.equal(error['type'], 'TypeError');
    assert.equal(error['message'], 'bad input');
    assert.match(String(error['stack']), /TypeError: bad input/);
  });

  it('filters by level', () => {
    const { logger, records } = captureLogger('warn');
    logger.debug('dropped');
    logger.info('dropped');
    logger.warn('kept');
    logger.error('kept');
    assert.deepEqual(records().map((record) => record['level']), ['warn', 'error']);
  });

  it('does not let fields overwrite the level, message or service', () => {
    const { logger, records } = captureLogger();
    logger.info('static', { level: 'error', msg: 'other', service: 'x' });
    const [record] = records();
    assert.equal(record?.['level'], 'info');
    assert.equal(record?.['msg'], 'static');
    assert.equal(record?.['service'], 'dialog-manager');
    assert.equal(record?.['field_level'], 'error');
  });

  it('adds the active span ids so lines join traces', async () => {
    const tracing = initTracing({ service: 'dialog-manager', exporter: new InMemorySpanExporter() });
    try {
      const { logger, records } = captureLogger();
      const span = trace.getTracer('test').startSpan('turn');
      context.with(trace.setSpan(context.active(), span), () => logger.info('inside span'));
      logger.info('outside span');
      span.end();
      const [inside, outside] = records();
      assert.equal(inside?.['traceId'], span.spanContext().traceId);
      assert.equal(inside?.['spanId'], span.spanContext().spanId);
      assert.equal(outside?.['traceId'], undefined);
    } finally {
      await tracing.shutdown();
    }
  });
});

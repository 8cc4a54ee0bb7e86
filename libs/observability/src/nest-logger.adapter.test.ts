import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger, createNestLoggerAdapter } from './index';

function captureAdapter() {
  const lines: string[] = [];
  const logger = createLogger({ service: 'tool-executor', level: 'debug', destination: { write: (line) => lines.push(line) } });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { nest: createNestLoggerAdapter(logger), records };
}

describe('createNestLoggerAdapter', () => {
  it('writes Nest logs as JSON with the context in a field, its log level as debug', () => {
    const { nest, records } = captureAdapter();
    nest.log('Nest application successfully started', 'NestApplication');
    nest.warn('slow', 'InstanceLoader');
    nest.verbose?.('mapped', 'RouterExplorer');
    assert.deepEqual(
      records().map((record) => [record['level'], record['msg'], record['context'], record['service']]),
      [
        ['debug', 'Nest application successfully started', 'NestApplication', 'tool-executor'],
        ['warn', 'slow', 'InstanceLoader', 'tool-executor'],
        ['debug', 'mapped', 'RouterExplorer', 'tool-executor'],
      ],
    );
  });

  it('puts the stack of an error in a field and redacts PHI', () => {
    const { nest, records } = captureAdapter();
    nest.error('request failed for jane@example.com', 'Error: x\n    at handler (+15552345634)', 'ExceptionsHandler');
    const [record] = records();
    assert.equal(record?.['level'], 'error');
    assert.equal(record?.['context'], 'ExceptionsHandler');
    assert.equal(record?.['msg'], 'request failed for [REDACTED:email]');
    assert.equal(record?.['stack'], 'Error: x\n    at handler ([REDACTED:phone])');
  });

  it('logs non-string messages under a static message', () => {
    const { nest, records } = captureAdapter();
    nest.log({ phone: '+15552345634', route: '/health' }, 'Custom');
    const [record] = records();
    assert.equal(record?.['msg'], 'nest logged a non-string message');
    assert.deepEqual(record?.['detail'], { phone: '[REDACTED]', route: '/health' });
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ConfigError,
  commonServiceShape,
  commonServiceShapeWithPort,
  envVar,
  kafkaShape,
  loadConfig,
  postgresShape,
  redisShape,
} from './index';

const serviceShape = {
  ...commonServiceShapeWithPort(3001),
  ...kafkaShape,
  ...postgresShape,
  ...redisShape,
};

const validEnv = {
  KAFKA_BROKERS: '127.0.0.1:19092, kafka-2:9092',
  DATABASE_URL: 'postgres://va:va@127.0.0.1:15432/va',
  REDIS_URL: 'redis://127.0.0.1:16379',
};

function configErrorOf(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('parses a valid environment and applies defaults', () => {
    const config = loadConfig(serviceShape, validEnv);
    const typed: {
      readonly HTTP_PORT: number;
      readonly LOG_LEVEL: 'trace' | 'debug' | 'info' | 'warn' | 'error';
      readonly KAFKA_BROKERS: readonly string[];
      readonly OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
    } = config;
    assert.ok(typed);
    assert.deepEqual(config, {
      HTTP_PORT: 3001,
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: 10_000,
      OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
      KAFKA_BROKERS: ['127.0.0.1:19092', 'kafka-2:9092'],
      KAFKA_TOPIC_PREFIX: '',
      DATABASE_URL: 'postgres://va:va@127.0.0.1:15432/va',
      REDIS_URL: 'redis://127.0.0.1:16379',
    });
  });

  it('uses given values over defaults', () => {
    const config = loadConfig(serviceShape, {
      ...validEnv,
      HTTP_PORT: '0',
      LOG_LEVEL: 'DEBUG',
      SHUTDOWN_GRACE_MS: '2500',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      KAFKA_TOPIC_PREFIX: 'test-42.',
    });
    assert.equal(config.HTTP_PORT, 0);
    assert.equal(config.LOG_LEVEL, 'debug');
    assert.equal(config.SHUTDOWN_GRACE_MS, 2500);
    assert.equal(config.OTEL_EXPORTER_OTLP_ENDPOINT, 'http://collector:4318');
    assert.equal(config.KAFKA_TOPIC_PREFIX, 'test-42.');
  });

  it('names a missing variable', () => {
    const { KAFKA_BROKERS: _omitted, ...env } = validEnv;
    const error = configErrorOf(() => loadConfig(serviceShape, env));
    assert.deepEqual(error.issues, [{ variable: 'KAFKA_BROKERS', problem: 'required but not set' }]);
    assert.equal(error.message, 'Invalid configuration:\n  KAFKA_BROKERS: required but not set');
  });

  it('names a malformed variable with the reason and the value', () => {
    const error = configErrorOf(() => loadConfig(serviceShape, { ...validEnv, HTTP_PORT: 'abc' }));
    assert.equal(
      error.message,
      'Invalid configuration:\n  HTTP_PORT: expected an integer between 0 and 65535, got "abc"',
    );
  });

  it('reports every bad variable at once, one per line, in shape order', () => {
    const error = configErrorOf(() =>
      loadConfig(serviceShape, {
        HTTP_PORT: '70000',
        LOG_LEVEL: 'verbose',
        KAFKA_BROKERS: 'localhost',
        REDIS_URL: 'http://cache:6379',
      }),
    );
    assert.deepEqual(
      error.issues.map((issue) => issue.variable),
      ['HTTP_PORT', 'LOG_LEVEL', 'KAFKA_BROKERS', 'DATABASE_URL', 'REDIS_URL'],
    );
    const lines = error.message.split('\n');
    assert.equal(lines[0], 'Invalid configuration:');
    assert.equal(lines.length, 6);
    assert.match(lines[2] ?? '', /^ {2}LOG_LEVEL: expected one of trace, debug, info, warn, error, got "verbose"$/);
    assert.match(lines[4] ?? '', /^ {2}DATABASE_URL: required but not set$/);
  });

  it('treats empty and blank strings as unset', () => {
    const error = configErrorOf(() => loadConfig(serviceShape, { ...validEnv, DATABASE_URL: '' }));
    assert.deepEqual(error.issues, [{ variable: 'DATABASE_URL', problem: 'required but not set' }]);
    const config = loadConfig(serviceShape, { ...validEnv, HTTP_PORT: '', LOG_LEVEL: '  ' });
    assert.equal(config.HTTP_PORT, 3001);
    assert.equal(config.LOG_LEVEL, 'info');
  });

  it('never prints the password of a malformed database or redis URL', () => {
    const error = configErrorOf(() =>
      loadConfig(serviceShape, {
        ...validEnv,
        DATABASE_URL: 'mysql://va:hunter2-pw@db:3306/va',
        REDIS_URL: 'redis//:s3cr3t-pw@cache:6379',
      }),
    );
    assert.deepEqual(
      error.issues.map((issue) => issue.variable),
      ['DATABASE_URL', 'REDIS_URL'],
    );
    assert.doesNotMatch(error.message, /hunter2-pw|s3cr3t-pw/);
    assert.doesNotMatch(JSON.stringify(error.issues), /hunter2-pw|s3cr3t-pw/);
    assert.match(error.message, /DATABASE_URL: expected a postgres:\/\/ or postgresql:\/\/ URL with a host, got "mysql:\/\/va:\*\*\*@db:3306\/va"/);
  });

  it('never prints the value of a secret-looking variable but still says it is malformed', () => {
    const shape = { WEBHOOK_TOKEN_TTL_MS: envVar.durationMs(), TWILIO_AUTH: envVar.secret() };
    const error = configErrorOf(() => loadConfig(shape, { WEBHOOK_TOKEN_TTL_MS: 'tok-abc-123' }));
    assert.doesNotMatch(error.message, /tok-abc-123/);
    assert.match(error.message, /WEBHOOK_TOKEN_TTL_MS: expected a non-negative integer number of milliseconds \(value not shown: secret\)/);
    assert.match(error.message, /TWILIO_AUTH: required but not set/);
    assert.equal(loadConfig(shape, { WEBHOOK_TOKEN_TTL_MS: '5', TWILIO_AUTH: 'x' }).TWILIO_AUTH, 'x');
  });

  it('returns a deeply frozen object (mutation throws in strict mode)', () => {
    const config = loadConfig(serviceShape, validEnv);
    assert.ok(Object.isFrozen(config));
    assert.ok(Object.isFrozen(config.KAFKA_BROKERS));
    assert.throws(() => {
      (config as { HTTP_PORT: number }).HTTP_PORT = 1;
    }, TypeError);
    assert.throws(() => {
      (config.KAFKA_BROKERS as string[]).push('evil:1');
    }, TypeError);
  });

  it('requires HTTP_PORT in commonServiceShape, which has no default port', () => {
    const error = configErrorOf(() => loadConfig(commonServiceShape, {}));
    assert.deepEqual(error.issues, [{ variable: 'HTTP_PORT', problem: 'required but not set' }]);
    assert.equal(loadConfig(commonServiceShape, { HTTP_PORT: '8080' }).HTTP_PORT, 8080);
  });

  it('ignores variables that are not in the shape', () => {
    const config = loadConfig(postgresShape, { ...validEnv, UNRELATED: 'x' });
    assert.deepEqual(Object.keys(config), ['DATABASE_URL']);
  });
});

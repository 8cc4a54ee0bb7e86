import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { envVar } from './index';

function accepts<T>(schema: { safeParse(input: unknown): { success: boolean; data?: T } }, input: unknown): T | undefined {
  const result = schema.safeParse(input);
  assert.ok(result.success, `expected ${JSON.stringify(input)} to be accepted`);
  return result.data;
}

function rejects(schema: { safeParse(input: unknown): { success: boolean } }, input: unknown): void {
  assert.equal(schema.safeParse(input).success, false, `expected ${JSON.stringify(input)} to be rejected`);
}

describe('envVar', () => {
  it('port: integers 0..65535 only', () => {
    const port = envVar.port(8080);
    assert.equal(accepts(port, '0'), 0);
    assert.equal(accepts(port, '65535'), 65535);
    assert.equal(accepts(port, undefined), 8080);
    for (const bad of ['65536', '-1', '80.5', '1e3', 'abc', '0x50']) rejects(port, bad);
    rejects(envVar.port(), undefined);
    assert.throws(() => envVar.port(70000), RangeError);
  });

  it('brokers: comma list of host:port, each validated', () => {
    const brokers = envVar.brokers();
    assert.deepEqual(accepts(brokers, 'a:1,b.example.com:9092, [::1]:19092'), ['a:1', 'b.example.com:9092', '[::1]:19092']);
    for (const bad of ['a', 'a:0', 'a:1,', 'a:1,b', ':9092', 'a:99999', 'bad host:1']) rejects(brokers, bad);
  });

  it('postgresUrl and redisUrl: scheme and host checked', () => {
    accepts(envVar.postgresUrl(), 'postgresql://u:p@h:5432/d');
    rejects(envVar.postgresUrl(), 'mysql://u:p@h/d');
    rejects(envVar.postgresUrl(), 'not a url');
    accepts(envVar.redisUrl(), 'rediss://h:6380');
    rejects(envVar.redisUrl(), 'http://h:6379');
  });

  it('logLevel: known levels, case-insensitive, default info', () => {
    assert.equal(accepts(envVar.logLevel(), 'WARN'), 'warn');
    assert.equal(accepts(envVar.logLevel(), undefined), 'info');
    rejects(envVar.logLevel(), 'verbose');
  });

  it('durationMs: non-negative integer', () => {
    assert.equal(accepts(envVar.durationMs(10), '0'), 0);
    assert.equal(accepts(envVar.durationMs(10), undefined), 10);
    rejects(envVar.durationMs(10), '-5');
    rejects(envVar.durationMs(10), '1.5');
  });

  it('optionalUrl: http(s) or unset', () => {
    assert.equal(accepts(envVar.optionalUrl(), undefined), undefined);
    accepts(envVar.optionalUrl(), 'https://otel.example.com:4318');
    rejects(envVar.optionalUrl(), 'otel:4318');
  });

  it('topicPrefix: default empty, restricted alphabet, at most 40 chars', () => {
    assert.equal(accepts(envVar.topicPrefix(), undefined), '');
    accepts(envVar.topicPrefix(), 'run-1.a_b');
    accepts(envVar.topicPrefix(), 'x'.repeat(40));
    rejects(envVar.topicPrefix(), 'x'.repeat(41));
    rejects(envVar.topicPrefix(), 'Upper');
    rejects(envVar.topicPrefix(), 'a/b');
  });

  it('secret: required, non-empty', () => {
    assert.equal(accepts(envVar.secret(), 'k'), 'k');
    rejects(envVar.secret(), undefined);
    rejects(envVar.secret(), '');
  });

  it('optionalSecret: non-empty or unset', () => {
    assert.equal(accepts(envVar.optionalSecret(), 'k'), 'k');
    assert.equal(accepts(envVar.optionalSecret(), undefined), undefined);
    rejects(envVar.optionalSecret(), '');
  });

  it('url: http(s) with a default', () => {
    const url = envVar.url('https://api.example.com');
    assert.equal(accepts(url, undefined), 'https://api.example.com');
    assert.equal(accepts(url, 'http://127.0.0.1:4010'), 'http://127.0.0.1:4010');
    rejects(url, 'ftp://example.com');
    rejects(url, 'example.com');
    assert.throws(() => envVar.url('not a url'), RangeError);
  });

  it('webSocketUrl: ws(s) with a default', () => {
    const url = envVar.webSocketUrl('wss://api.example.com');
    assert.equal(accepts(url, undefined), 'wss://api.example.com');
    assert.equal(accepts(url, 'ws://127.0.0.1:4010'), 'ws://127.0.0.1:4010');
    rejects(url, 'https://example.com');
    rejects(url, 'example.com');
    assert.throws(() => envVar.webSocketUrl('https://api.example.com'), RangeError);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createMessage, decodeMessage, encodeMessage, keyOf } from './codec';
import { SERVICE_NAMES } from './service-name';
import { deadLetterTopicOf, isTopicName, TOPIC_NAMES, topics } from './topics';

const README = join(__dirname, '..', '..', '..', 'README.md');

/** Rows of the README's topic table: | `topic` | producers | consumers | ... */
function readmeTopicRows(): Map<string, { producers: string[]; consumers: string[] }> {
  const rows = new Map<string, { producers: string[]; consumers: string[] }>();
  for (const line of readFileSync(README, 'utf8').split('\n')) {
    const match = /^\| `([a-z.]+)` \| ([^|]+) \| ([^|]+) \|/.exec(line);
    if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) continue;
    const list = (cell: string) => cell.split(',').map((name) => name.trim()).filter((name) => name.length > 0).sort();
    rows.set(match[1], { producers: list(match[2]), consumers: list(match[3]) });
  }
  return rows;
}

describe('topic map', () => {
  it('names only known services as producers and consumers', () => {
    for (const name of TOPIC_NAMES) {
      const spec = topics[name];
      assert.ok(spec.producers.length > 0, `${name} has a producer`);
      assert.ok(spec.consumers.length > 0, `${name} has a consumer`);
      for (const service of [...spec.producers, ...spec.consumers]) {
        assert.ok((SERVICE_NAMES as readonly string[]).includes(service), `${name}: ${service} is a service`);
      }
      assert.ok(spec.partitions > 0);
    }
  });

  it('gives every topic a distinct dead-letter companion that is not itself a topic', () => {
    const deadLetters = TOPIC_NAMES.map(deadLetterTopicOf);
    assert.equal(new Set(deadLetters).size, TOPIC_NAMES.length);
    for (const deadLetter of deadLetters) assert.equal(isTopicName(deadLetter), false);
  });

  it('keys every message by its call ID', () => {
    const message = createMessage('call.speech', {
      callId: 'call-42',
      command: { case: 'speak', value: { turnId: 't1', segmentIndex: 0, text: 'Hello', lastInTurn: true } },
    });
    assert.equal(keyOf('call.speech', message), 'call-42');
  });

  it('round-trips a message through protobuf bytes and rejects bytes that are not one', () => {
    const original = createMessage('call.audio.in', { callId: 'call-7', sequence: 3, sampleRateHz: 8000, audio: new Uint8Array([1, 2, 3]) });
    const decoded = decodeMessage('call.audio.in', encodeMessage('call.audio.in', original));
    assert.equal(decoded.callId, 'call-7');
    assert.equal(decoded.sequence, 3);
    assert.deepEqual([...decoded.audio], [1, 2, 3]);
    assert.throws(() => decodeMessage('call.audio.in', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])));
  });

  it('is what the README documents, topic by topic', () => {
    const rows = readmeTopicRows();
    assert.deepEqual([...rows.keys()].sort(), [...TOPIC_NAMES].sort(), 'README topic table lists exactly the map');
    for (const name of TOPIC_NAMES) {
      assert.deepEqual(rows.get(name)?.producers, [...topics[name].producers].sort(), `${name} producers`);
      assert.deepEqual(rows.get(name)?.consumers, [...topics[name].consumers].sort(), `${name} consumers`);
    }
  });
});

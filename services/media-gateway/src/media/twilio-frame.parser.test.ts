import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTwilioFrame } from './twilio-frame.parser';

const STREAM = 'MZ0123456789abcdef0123456789abcdef';
const frame = (message: object) => JSON.stringify(message);

describe('Twilio media-stream frame parser', () => {
  it('accepts the frames Twilio sends', () => {
    const start = parseTwilioFrame(frame({ event: 'start', sequenceNumber: '1', streamSid: STREAM, start: { streamSid: STREAM, callSid: 'CA1', accountSid: 'AC1', tracks: ['inbound'], customParameters: { callId: 'call_1', tenantId: 't' } } }));
    assert.deepEqual(start, { ok: true, frame: { event: 'start', streamSid: STREAM, callSid: 'CA1', parameters: { callId: 'call_1', tenantId: 't' } } });
    const media = parseTwilioFrame(frame({ event: 'media', sequenceNumber: '2', streamSid: STREAM, media: { track: 'inbound', chunk: '1', timestamp: '40', payload: Buffer.from([1, 2, 3]).toString('base64') } }));
    assert.ok(media.ok && media.frame.event === 'media');
    assert.equal(media.frame.timestampMs, 40);
    assert.deepEqual([...media.frame.audio], [1, 2, 3]);
    assert.deepEqual(parseTwilioFrame(frame({ event: 'mark', streamSid: STREAM, mark: { name: 't1:0' } })), { ok: true, frame: { event: 'mark', streamSid: STREAM, name: 't1:0' } });
    assert.deepEqual(parseTwilioFrame(frame({ event: 'dtmf', streamSid: STREAM, dtmf: { track: 'inbound_track', digit: '#' } })), { ok: true, frame: { event: 'dtmf', streamSid: STREAM, digit: '#' } });
    assert.deepEqual(parseTwilioFrame(frame({ event: 'stop', streamSid: STREAM, stop: { callSid: 'CA1' } })), { ok: true, frame: { event: 'stop', streamSid: STREAM } });
    assert.deepEqual(parseTwilioFrame(frame({ event: 'connected', protocol: 'Call', version: '1.0.0' })), { ok: true, frame: { event: 'connected' } });
  });

  const rejected: ReadonlyArray<[string, string | undefined, string]> = [
    ['a binary frame', undefined, 'binary-frame'],
    ['text that is not JSON', '{"event":"media",', 'bad-json'],
    ['a JSON array', '[1,2]', 'bad-json'],
    ['JSON null', 'null', 'bad-json'],
    ['an unknown event', frame({ event: 'hello', streamSid: STREAM }), 'unknown-event'],
    ['a frame without event', frame({ streamSid: STREAM }), 'unknown-event'],
    ['media without a payload', frame({ event: 'media', streamSid: STREAM, media: { timestamp: '0' } }), 'bad-shape'],
    ['media with a numeric timestamp', frame({ event: 'media', streamSid: STREAM, media: { timestamp: 0, payload: '/w==' } }), 'bad-shape'],
    ['media with an overflowing timestamp', frame({ event: 'media', streamSid: STREAM, media: { timestamp: '99999999999', payload: '/w==' } }), 'bad-shape'],
    ['media with bad base64', frame({ event: 'media', streamSid: STREAM, media: { timestamp: '0', payload: '!!not base64!!' } }), 'bad-payload'],
    ['media with an empty payload', frame({ event: 'media', streamSid: STREAM, media: { timestamp: '0', payload: '' } }), 'bad-payload'],
    ['media with an oversized payload', frame({ event: 'media', streamSid: STREAM, media: { timestamp: '0', payload: 'A'.repeat(20_000) } }), 'oversized-payload'],
    ['a start whose streamSids disagree', frame({ event: 'start', streamSid: STREAM, start: { streamSid: 'MZother', callSid: 'CA1' } }), 'bad-shape'],
    ['a start without callSid', frame({ event: 'start', streamSid: STREAM, start: { streamSid: STREAM } }), 'bad-shape'],
    ['a start with non-string parameters', frame({ event: 'start', streamSid: STREAM, start: { streamSid: STREAM, callSid: 'CA1', customParameters: { callId: 7 } } }), 'bad-shape'],
    ['a dtmf with a bad digit', frame({ event: 'dtmf', streamSid: STREAM, dtmf: { digit: 'x' } }), 'bad-shape'],
    ['a mark without a name', frame({ event: 'mark', streamSid: STREAM, mark: {} }), 'bad-shape'],
    ['a stop without streamSid', frame({ event: 'stop' }), 'bad-shape'],
  ];
  for (const [what, text, reason] of rejected) {
    it(`rejects ${what} as ${reason}`, () => {
      assert.deepEqual(parseTwilioFrame(text), { ok: false, reason });
    });
  }
});

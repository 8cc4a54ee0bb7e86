import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { voiceMapFor } from './voice.table';

describe('voice table', () => {
  it('gives each logical voice in every provider’s terms, and the default voice for unknown ones', () => {
    assert.equal(voiceMapFor('deepgram-aura').resolve('calm-male'), 'aura-2-apollo-en');
    assert.equal(voiceMapFor('espeak').resolve('warm-female'), 'en-us+f3');
    assert.equal(voiceMapFor('elevenlabs').resolve('nobody'), voiceMapFor('elevenlabs').resolve('warm-female'));
    assert.equal(voiceMapFor('espeak').resolve('__proto__'), 'en-us+f3');
  });
});

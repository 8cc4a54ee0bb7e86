import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { concatAudio, silenceMulaw, speechLikeMulaw, splitIntoFrames } from '@va/audio';
import { UtteranceRegistry } from '../side-channel/utterance.registry';
import { AgentSpeechRecognizer, UNRECOGNISED_AUDIO } from './agent-speech.recognizer';

function setUp() {
  const registry = new UtteranceRegistry();
  const greeting = speechLikeMulaw(400, 11);
  const question = speechLikeMulaw(600, 12);
  registry.register('Hello, this is the clinic.', greeting);
  registry.register('How can I help?', question);
  return { registry, greeting, question };
}

/** Feeds `audio` in chunks of `chunkBytes`, one every 20 ms of virtual play-out time from 1000 ms. */
function hear(recognizer: AgentSpeechRecognizer, audio: Uint8Array, chunkBytes: number): void {
  let atMs = 1_000;
  for (let offset = 0; offset < audio.length; offset += chunkBytes) {
    const chunk = audio.subarray(offset, offset + chunkBytes);
    recognizer.push(chunk, atMs);
    atMs += chunk.length / 8;
  }
  recognizer.flush();
}

describe('AgentSpeechRecognizer', () => {
  it('finds registered texts in order whatever the chunking, with their play-out times', () => {
    for (const chunkBytes of [160, 137, 1_000]) {
      const { registry, greeting, question } = setUp();
      const recognizer = new AgentSpeechRecognizer(registry);
      hear(recognizer, concatAudio([greeting, question]), chunkBytes);
      const pieces = recognizer.pieces();
      assert.deepEqual(pieces.map((piece) => [piece.text, piece.share, piece.complete]), [
        ['Hello, this is the clinic.', 1, true],
        ['How can I help?', 1, true],
      ], `chunks of ${chunkBytes}`);
      assert.equal(pieces[0]?.startedAtMs, 1_000);
      assert.equal(pieces[0]?.endedAtMs, 1_400);
      assert.equal(pieces[1]?.startedAtMs, 1_400);
      assert.equal(pieces[1]?.endedAtMs, 2_000);
    }
  });

  it('reports loud unregistered audio but not frame padding or silence', () => {
    const { registry, greeting, question } = setUp();
    const recognizer = new AgentSpeechRecognizer(registry);
    const padded = concatAudio(splitIntoFrames(greeting.subarray(0, 3_100)));
    hear(recognizer, concatAudio([padded, silenceMulaw(300), speechLikeMulaw(100, 99), question]), 160);
    assert.deepEqual(recognizer.pieces().map((piece) => piece.text), ['Hello, this is the clinic.', UNRECOGNISED_AUDIO, 'How can I help?']);
    const direct = new AgentSpeechRecognizer(registry);
    hear(direct, concatAudio([padded, question]), 160);
    assert.deepEqual(direct.pieces().map((piece) => piece.text), ['Hello, this is the clinic.', 'How can I help?']);
  });

  it('keeps a piece cut off by barge-in partial, and one with a dropped frame whole', () => {
    const { registry, greeting, question } = setUp();
    const recognizer = new AgentSpeechRecognizer(registry);
    const withDroppedFrame = concatAudio([question.subarray(0, 1_600), question.subarray(1_760)]);
    hear(recognizer, concatAudio([greeting.subarray(0, 1_280), withDroppedFrame]), 160);
    const pieces = recognizer.pieces();
    assert.deepEqual(pieces.map((piece) => [piece.text, piece.complete]), [
      ['Hello, this is the clinic.', false],
      ['How can I help?', true],
    ]);
    assert.equal(pieces[0]?.share, 0.4);
    assert.equal(pieces[1]?.share, (4_800 - 160) / 4_800);
  });
});

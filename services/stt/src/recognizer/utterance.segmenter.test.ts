import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { concatAudio, FRAME_BYTES, silenceMulaw, speechLikeMulaw, splitIntoFrames } from '@va/audio';
import { DEFAULT_SEGMENTER_POLICY, UtteranceSegmenter, type SegmentEvent } from './utterance.segmenter';

function run(segmenter: UtteranceSegmenter, audio: Uint8Array): SegmentEvent[] {
  return splitIntoFrames(audio, FRAME_BYTES).flatMap((frame) => segmenter.push(frame));
}

describe('utterance segmenter', () => {
  it('reports the onset, then the utterance with its preroll once the caller is quiet', () => {
    const speech = speechLikeMulaw(800, 21);
    const events = run(new UtteranceSegmenter(), concatAudio([silenceMulaw(1_000), speech, silenceMulaw(1_000)]));
    assert.deepEqual(events.map((event) => event.kind), ['started', 'utterance']);
    const started = events[0];
    assert.ok(started?.kind === 'started' && Math.abs(started.offsetMs - 1_000) <= 40, 'onset near the start of speech');
    const utterance = events[1];
    assert.ok(utterance?.kind === 'utterance');
    assert.ok(Buffer.from(utterance.audio).includes(Buffer.from(speech)), 'the whole utterance is in the audio');
    assert.ok(Math.abs(utterance.startMs - (1_000 - DEFAULT_SEGMENTER_POLICY.prerollMs)) <= 40, `starts a preroll before the onset (${utterance.startMs})`);
    assert.ok(Math.abs(utterance.lastVoicedMs - 1_800) <= 40);
  });

  it('cuts an utterance that runs past the maximum and goes on with the rest; flush returns one in progress', () => {
    const segmenter = new UtteranceSegmenter({ ...DEFAULT_SEGMENTER_POLICY, maxUtteranceMs: 1_000 });
    assert.deepEqual(run(segmenter, speechLikeMulaw(1_500, 22)).map((event) => event.kind), ['started', 'utterance']);
    const rest = run(segmenter, silenceMulaw(1_000));
    assert.deepEqual(rest.map((event) => event.kind), ['utterance'], 'the rest of the speech follows at its end');
    assert.equal(segmenter.flush(), undefined, 'nothing in progress');
    assert.deepEqual(run(segmenter, speechLikeMulaw(400, 23)).map((event) => event.kind), ['started']);
    assert.equal(segmenter.flush()?.kind, 'utterance');
  });
});

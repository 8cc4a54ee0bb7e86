import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CallerAudioAccumulator } from './caller-audio.accumulator';

const frame = (value: number) => new Uint8Array(160).fill(value);

describe('CallerAudioAccumulator', () => {
  it('publishes 40 ms chunks from 20 ms frames, in order, stamped with the first frame offset', () => {
    const accumulator = new CallerAudioAccumulator(320);
    assert.equal(accumulator.add(0, frame(1)), undefined);
    const first = accumulator.add(20, frame(2));
    assert.equal(first?.streamOffsetMs, 0);
    assert.deepEqual([first?.audio[0], first?.audio[159], first?.audio[160], first?.audio.length], [1, 1, 2, 320]);
    assert.equal(accumulator.add(40, frame(3)), undefined);
    assert.equal(accumulator.add(60, frame(4))?.streamOffsetMs, 40);
  });

  it('hands over a partial chunk at the end of the stream, and nothing when empty', () => {
    const accumulator = new CallerAudioAccumulator(320);
    accumulator.add(100, frame(7));
    assert.deepEqual(accumulator.flush(), { streamOffsetMs: 100, audio: frame(7) });
    assert.equal(accumulator.flush(), undefined);
  });

  it('passes each frame straight through at a 20 ms chunk size', () => {
    const accumulator = new CallerAudioAccumulator(160);
    assert.equal(accumulator.add(0, frame(5))?.audio.length, 160);
  });
});

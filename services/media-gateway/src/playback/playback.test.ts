import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MULAW_SILENCE } from '@va/audio';
import type { AgentAudioInput } from './agent-audio.input';
import { CallPlayback } from './call.playback';
import { ManualClock, RecordingSink } from './playback.test-support';
import { PLAYBACK_POLICY } from './playback.policy';
import { PlayoutTicker } from './playout.ticker';

const FRAME_MS = PLAYBACK_POLICY.frameDurationMs;
const FRAME_BYTES = PLAYBACK_POLICY.frameBytes;

/** Distinct bytes (never the silence code) so reframing can be checked byte for byte. */
function audio(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => ((index + seed) % 200) + 1);
}

function chunks(turnId: string, segmentIndex: number, parts: readonly Uint8Array[], text = `text ${segmentIndex}`): AgentAudioInput[] {
  return parts.map((part, chunkIndex) => ({ turnId, segmentIndex, chunkIndex, audio: part, lastInSegment: chunkIndex === parts.length - 1, text: chunkIndex === parts.length - 1 ? text : '' }));
}

function setup(lateByMs = 0) {
  const clock = new ManualClock(lateByMs);
  const sink = new RecordingSink(clock);
  const playback = new CallPlayback(sink, PLAYBACK_POLICY);
  const ticker = new PlayoutTicker(FRAME_MS, clock);
  ticker.add(playback);
  return { clock, sink, playback, ticker };
}

describe('agent playback pacing', () => {
  it('reframes odd-sized chunks into 160-byte frames, pads the last with silence, and sends one frame per 20 ms after a two-frame lead', () => {
    const { clock, sink, playback } = setup();
    const parts = [audio(230, 0), audio(7, 1), audio(500, 2), audio(913, 3)];
    const total = parts.reduce((sum, part) => sum + part.length, 0);
    for (const input of chunks('t1', 0, parts)) assert.equal(playback.enqueue(input), 'queued');
    clock.advance(400);

    const frames = sink.frames();
    assert.equal(frames.length, Math.ceil(total / FRAME_BYTES));
    for (const { frame } of frames) assert.equal(frame.length, FRAME_BYTES);
    const sent = Buffer.concat(frames.map(({ frame }) => frame));
    assert.deepEqual(sent.subarray(0, total), Buffer.concat(parts), 'the audio arrives intact and in order');
    assert.ok(sent.subarray(total).every((byte) => byte === MULAW_SILENCE), 'the last frame is padded with mu-law silence');

    const startMs = frames[0]?.atMs ?? 0;
    // How far ahead of the caller's play-out (which starts with the first frame) each frame was sent.
    const leadMs = (index: number) => startMs + (index + 1) * FRAME_MS - (frames[index]?.atMs ?? 0);
    for (let index = 0; index < frames.length; index += 1) assert.ok(leadMs(index) <= 2 * FRAME_MS, `frame ${index} is at most two frames ahead of play-out`);
    const times = frames.map(({ atMs }) => atMs);
    assert.deepEqual(times.slice(0, 3), [20, 20, 40], 'two frames of lead on the first tick, then one per tick');
    for (let index = 2; index < times.length; index += 1) assert.equal((times[index] ?? 0) - (times[index - 1] ?? 0), FRAME_MS, 'steady 20 ms spacing');
    assert.deepEqual(sink.kinds().slice(-2), ['media', 'mark:t1:0'], 'the mark follows the last frame');
  });

  it('waits for more audio instead of padding in the middle of a segment, then resumes without a burst', () => {
    const { clock, sink, playback } = setup();
    playback.enqueue({ turnId: 't1', segmentIndex: 0, chunkIndex: 0, audio: audio(250, 0), lastInSegment: false, text: '' });
    clock.advance(100);
    assert.equal(sink.frames().length, 1, 'only the whole frame is sent; 90 bytes wait for the rest');
    assert.equal(sink.kinds().includes('mark:t1:0'), false);

    playback.enqueue({ turnId: 't1', segmentIndex: 0, chunkIndex: 1, audio: audio(1_000, 1), lastInSegment: false, text: '' });
    clock.advance(FRAME_MS);
    assert.ok(sink.frames().length <= 3, 'a refill sends at most the lead, not the backlog');
    playback.enqueue({ turnId: 't1', segmentIndex: 0, chunkIndex: 2, audio: new Uint8Array(0), lastInSegment: true, text: 'Hello there.' });
    clock.advance(500);
    assert.equal(sink.frames().length, Math.ceil(1_250 / FRAME_BYTES));
    assert.equal(sink.kinds().at(-1), 'mark:t1:0');
    assert.deepEqual(playback.markEchoed('t1:0'), { turnId: 't1', segmentIndex: 0, text: 'Hello there.' });
    assert.equal(playback.markEchoed('t1:0'), undefined, 'a mark completes its segment once');
    assert.equal(playback.markEchoed('nonsense'), undefined);
  });

  it('plays segments in order with a mark after each', () => {
    const { clock, sink, playback } = setup();
    for (const input of [...chunks('t1', 0, [audio(320, 0)]), ...chunks('t1', 1, [audio(160, 1), audio(160, 2)]), ...chunks('t2', 0, [audio(100, 3)])]) playback.enqueue(input);
    clock.advance(300);
    assert.deepEqual(sink.kinds(), ['media', 'media', 'mark:t1:0', 'media', 'media', 'mark:t1:1', 'media', 'mark:t2:0']);
  });

  it('cancel: drops the turn’s queued frames, clears, reports segments not heard to the end, and ignores the turn’s late audio', () => {
    const { clock, sink, playback } = setup();
    for (const input of [...chunks('t1', 0, [audio(320, 0)]), ...chunks('t1', 1, [audio(1_600, 1)]), ...chunks('t1', 2, [audio(800, 2)])]) playback.enqueue(input);
    clock.advance(80);
    assert.ok(sink.kinds().includes('mark:t1:0'));
    assert.deepEqual(playback.markEchoed('t1:0')?.segmentIndex, 0, 'segment 0 was heard');
    const framesBefore = sink.frames().length;

    const unplayed = playback.cancelTurn('t1');
    assert.deepEqual(unplayed, [1, 2]);
    assert.equal(sink.kinds().at(-1), 'clear');
    clock.advance(200);
    assert.equal(sink.frames().length, framesBefore, 'nothing of the cancelled turn is sent after the clear');

    assert.equal(playback.enqueue({ turnId: 't1', segmentIndex: 3, chunkIndex: 0, audio: audio(160, 4), lastInSegment: true, text: 'late' }), 'cancelled-turn');
    assert.equal(playback.markEchoed('t1:1'), undefined, 'marks Twilio echoes on clear do not count as heard');

    for (const input of chunks('t2', 0, [audio(160, 5)])) playback.enqueue(input);
    clock.advance(60);
    assert.deepEqual(sink.kinds().slice(-2), ['media', 'mark:t2:0'], 'the next turn plays normally');
  });

  it('cancel of a turn whose last segment was sent but not yet echoed lists it as unplayed', () => {
    const { clock, playback } = setup();
    for (const input of chunks('t1', 0, [audio(160, 0)])) playback.enqueue(input);
    clock.advance(40);
    assert.deepEqual(playback.cancelTurn('t1'), [0]);
  });

  it('drops a redelivered chunk and a chunk of an already finished segment', () => {
    const { playback } = setup();
    const [first, last] = chunks('t1', 0, [audio(160, 0), audio(160, 1)]);
    assert.ok(first !== undefined && last !== undefined);
    assert.equal(playback.enqueue(first), 'queued');
    assert.equal(playback.enqueue(first), 'duplicate-chunk');
    assert.equal(playback.enqueue(last), 'queued');
    assert.equal(playback.enqueue(last), 'finished-segment');
  });
});

describe('playout ticker', () => {
  it('keeps ticks on the 20 ms grid when every timer fires late (no drift)', () => {
    const clock = new ManualClock(7);
    const ticks: number[] = [];
    const lateness: number[] = [];
    const ticker = new PlayoutTicker(FRAME_MS, clock, (ms) => lateness.push(ms));
    ticker.add({ tick: (nowMs) => ticks.push(nowMs) });
    clock.advance(1_000);
    assert.ok(ticks.length >= 49, `ticked ${ticks.length} times in a second`);
    for (const [index, atMs] of ticks.entries()) assert.ok(atMs <= index * FRAME_MS + 7, `tick ${index} at ${atMs} ms stays on the grid`);
    assert.ok(lateness.slice(1).every((ms) => ms === 7), 'lateness is measured against the schedule');
  });

  it('stops when its last participant leaves and visits every participant even when one throws', () => {
    const clock = new ManualClock();
    const errors: unknown[] = [];
    const ticker = new PlayoutTicker(FRAME_MS, clock, undefined, (error) => errors.push(error));
    let healthy = 0;
    const broken = { tick: () => { throw new Error('bug'); } };
    const counting = { tick: () => void (healthy += 1) };
    ticker.add(broken);
    ticker.add(counting);
    clock.advance(100);
    assert.ok(healthy >= 5);
    assert.ok(errors.length >= 5);
    ticker.remove(broken);
    ticker.remove(counting);
    const after = healthy;
    clock.advance(100);
    assert.equal(healthy, after, 'no ticks without participants');
  });
});

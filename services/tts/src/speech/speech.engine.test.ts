import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { waitFor } from '@va/testing';
import { engineHarness } from './speech-engine.harness.test-support';
import { labelOf, ScriptedSynthesizer, scripts } from './scripted.synthesizer.test-support';

const speaking = (name: string, options: Parameters<typeof scripts.speaks>[1] = {}) => new ScriptedSynthesizer(name, () => scripts.speaks(name, options));

describe('SpeechEngine with fake providers', () => {
  it('synthesizes a turn’s segments in parallel and publishes them strictly in segment order', async () => {
    const primary = new ScriptedSynthesizer('primary', (request) =>
      scripts.speaks('primary', request.text === 'First.' ? { chunks: 3, firstDelayMs: 150, intervalMs: 20 } : { chunks: 2 }),
    );
    const harness = engineHarness([primary]);
    assert.equal(harness.speak('call-1', 't1', 0, 'First.'), 'started');
    harness.speak('call-1', 't1', 1, 'Second.');
    harness.speak('call-1', 't1', 2, 'Third.', true);
    await waitFor(() => primary.requests.length === 3, { timeoutMs: 2_000, description: 'three syntheses started' });
    assert.equal(harness.published.length, 0, 'the later segments wait for the first');
    await harness.engine.idle();

    const chunks = harness.chunks('call-1', 't1');
    assert.deepEqual(
      chunks.map(({ segment, chunk, last }) => [segment, chunk, last]),
      [[0, 0, false], [0, 1, false], [0, 2, false], [0, 3, true], [1, 0, false], [1, 1, false], [1, 2, true], [2, 0, false], [2, 1, false], [2, 2, true]],
    );
    assert.deepEqual(chunks.filter((chunk) => chunk.last).map((chunk) => chunk.text), ['First.', 'Second.', 'Third.']);
    assert.deepEqual(chunks.filter((chunk) => !chunk.last).map((chunk) => chunk.provider), Array(7).fill('primary'));
    assert.deepEqual(harness.published.map((chunk) => chunk.lastInTurn), [...Array(7).fill(false), true, true, true]);
    assert.equal(primary.requests[0]?.voice, 'EXAVITQu4vr4xnSDxMaL', 'the logical voice in the provider’s terms');
    assert.equal(await harness.metric('tts_segments_total', { provider: 'primary', outcome: 'spoken' }), 3);
  });

  it('cancel mid-turn stops publication at once, aborts every synthesis of the turn and ignores its later segments', async () => {
    const primary = speaking('primary', { chunks: 200, intervalMs: 10 });
    const harness = engineHarness([primary]);
    harness.speak('call-2', 't1', 0, 'A long answer.');
    harness.speak('call-2', 't1', 1, 'And more of it.');
    await waitFor(() => harness.published.length >= 3, { timeoutMs: 2_000, description: 'some audio published' });
    harness.engine.cancel('call-2', 't1');
    const publishedAtCancel = harness.published.length;
    assert.equal(primary.abortedCount, 2, 'both syntheses aborted at once');
    assert.equal(harness.speak('call-2', 't1', 2, 'Too late.', true), 'ignored');
    await harness.engine.idle();
    await sleep(100);
    assert.equal(harness.published.length, publishedAtCancel);
    assert.equal(primary.requests.length, 2);
    assert.ok(harness.published.every((chunk) => chunk.lastInSegment !== true));
    assert.equal(await harness.metric('tts_cancelled_total', { trigger: 'cancel' }), 1);
    assert.equal(await harness.metric('tts_segments_total', { provider: 'none', outcome: 'cancelled' }), 2);
  });

  it('fails over when the primary yields no audio within its budget, aborting it', async () => {
    const primary = new ScriptedSynthesizer('primary', () => scripts.hangs());
    const secondary = speaking('secondary');
    const harness = engineHarness([primary, secondary], { budgetMs: 150 });
    harness.speak('call-3', 't1', 0, 'Hello.', true);
    await harness.engine.idle();
    assert.deepEqual(harness.chunks('call-3').map(({ chunk, provider }) => [chunk, provider]), [[0, 'secondary'], [1, 'secondary'], [2, 'secondary'], [3, '']]);
    assert.equal(primary.abortedCount, 1);
    assert.equal(secondary.requests[0]?.voice, 'aura-2-thalia-en');
    assert.equal(await harness.metric('provider_failures_total', { provider: 'primary', reason: 'timeout' }), 1);
  });

  it('fails over on an error before any audio', async () => {
    const harness = engineHarness([new ScriptedSynthesizer('primary', () => scripts.fails()), speaking('secondary', { chunks: 2 })]);
    harness.speak('call-4', 't1', 0, 'Hello.', true);
    await harness.engine.idle();
    assert.deepEqual(harness.chunks('call-4').map(({ provider }) => provider), ['secondary', 'secondary', '']);
    assert.equal(await harness.metric('provider_failures_total', { provider: 'primary', reason: 'error' }), 1);
  });

  it('resynthesizes a segment whose stream broke mid-way on the next provider, continuing chunk_index', async () => {
    const primary = speaking('primary', { chunks: 5, failAfterChunks: 2 });
    const secondary = speaking('secondary', { chunks: 3 });
    const harness = engineHarness([primary, secondary, speaking('tertiary')]);
    harness.speak('call-5', 't1', 0, 'Your plan covers it.', true);
    await harness.engine.idle();
    const chunks = harness.chunks('call-5');
    assert.deepEqual(chunks.map(({ chunk }) => chunk), [0, 1, 2, 3, 4, 5], 'no duplicated chunk index');
    assert.deepEqual(chunks.map(({ provider }) => provider), ['primary', 'primary', 'secondary', 'secondary', 'secondary', '']);
    assert.equal(secondary.requests[0]?.text, 'Your plan covers it.', 'the whole segment again');
    assert.equal(await harness.metric('provider_failovers_total', { from: 'primary', to: 'secondary' }), 1);
  });

  it('resynthesizes at most once: a second broken stream ends the segment with what was heard', async () => {
    const tertiary = speaking('tertiary');
    const harness = engineHarness([speaking('primary', { chunks: 5, failAfterChunks: 1 }), speaking('secondary', { chunks: 5, failAfterChunks: 1 }), tertiary]);
    harness.speak('call-6', 't1', 0, 'Hello.', true);
    await harness.engine.idle();
    assert.deepEqual(harness.chunks('call-6').map(({ chunk, provider, last }) => [chunk, provider, last]), [[0, 'primary', false], [1, 'secondary', false], [2, '', true]]);
    assert.equal(tertiary.requests.length, 0);
    assert.equal(await harness.metric('tts_segments_total', { provider: 'secondary', outcome: 'failed' }), 1);
  });

  it('keeps one voice per call: after a failover the call’s later segments start at the fallback; other calls do not', async () => {
    let primaryDown = true;
    const primary = new ScriptedSynthesizer('primary', () => (primaryDown ? scripts.fails() : scripts.speaks('primary')));
    const secondary = speaking('secondary');
    const harness = engineHarness([primary, secondary]);
    harness.speak('call-7', 't1', 0, 'One.', true);
    await harness.engine.idle();
    primaryDown = false;
    harness.speak('call-7', 't2', 0, 'Two.', true);
    harness.speak('call-8', 't1', 0, 'Other call.', true);
    await harness.engine.idle();
    assert.deepEqual([...new Set(harness.chunks('call-7', 't2').filter((chunk) => !chunk.last).map((chunk) => chunk.provider))], ['secondary']);
    assert.deepEqual([...new Set(harness.chunks('call-8').filter((chunk) => !chunk.last).map((chunk) => chunk.provider))], ['primary']);
    assert.equal(primary.requests.filter((request) => request.text === 'Two.').length, 0, 'call-7 never went back to the primary');
    harness.engine.endCall('call-7');
    assert.equal(harness.speak('call-7', 't3', 0, 'After the end.', true), 'ignored');
  });

  it('drops and counts empty, overlong and repeated segments without holding back the rest of the turn', async () => {
    const primary = speaking('primary', { chunks: 1 });
    const harness = engineHarness([primary]);
    assert.equal(harness.speak('call-9', 't1', 0, '   '), 'dropped');
    assert.equal(harness.speak('call-9', 't1', 1, 'x'.repeat(1_001)), 'dropped');
    assert.equal(harness.speak('call-9', 't1', 2, 'Fine.'), 'started');
    assert.equal(harness.speak('call-9', 't1', 2, 'Fine again.'), 'dropped');
    assert.equal(harness.speak('call-9', 't1', 3, 'Done.', true), 'started');
    await harness.engine.idle();
    assert.deepEqual(harness.chunks('call-9').map(({ segment, last, bytes }) => [segment, last, bytes > 0]), [[0, true, false], [1, true, false], [2, false, true], [2, true, false], [3, false, true], [3, true, false]]);
    assert.deepEqual(primary.requests.map((request) => request.text), ['Fine.', 'Done.']);
    assert.equal(await harness.metric('tts_segments_total', { provider: 'none', outcome: 'dropped' }), 3);
    assert.equal(harness.speak('call-9', 't1', 4, 'After the last.'), 'ignored', 'a finished turn takes nothing more');
  });

  it('splits provider chunks larger than 3200 bytes', async () => {
    const harness = engineHarness([speaking('primary', { chunks: 1, chunkBytes: 8_000 })]);
    harness.speak('call-10', 't1', 0, 'Big.', true);
    await harness.engine.idle();
    assert.deepEqual(harness.chunks('call-10').map(({ chunk, bytes }) => [chunk, bytes]), [[0, 3_200], [1, 3_200], [2, 1_600], [3, 0]]);
    assert.equal(labelOf(harness.published[0]?.audio ?? new Uint8Array()).text, 'Big.');
  });

  it('call end cancels every turn of the call and leaves other calls alone', async () => {
    const primary = speaking('primary', { chunks: 100, intervalMs: 10 });
    const harness = engineHarness([primary]);
    harness.speak('call-11', 't1', 0, 'Ending.', true);
    harness.speak('call-12', 't1', 0, 'Staying.', true);
    await waitFor(() => harness.chunks('call-11').length >= 2, { timeoutMs: 2_000, description: 'audio of call-11' });
    harness.engine.endCall('call-11');
    const atEnd = harness.chunks('call-11').length;
    await harness.engine.idle();
    assert.equal(harness.chunks('call-11').length, atEnd);
    assert.equal(harness.chunks('call-12').filter((chunk) => chunk.last).length, 1, 'the other call finished');
    assert.equal(await harness.metric('tts_cancelled_total', { trigger: 'call-ended' }), 1);
  });

  it('a segment that fails on every provider still closes its place, so the turn goes on', async () => {
    const harness = engineHarness([new ScriptedSynthesizer('primary', (request) => (request.text === 'Broken.' ? scripts.fails() : scripts.speaks('primary', { chunks: 1 })))]);
    harness.speak('call-13', 't1', 0, 'Broken.');
    harness.speak('call-13', 't1', 1, 'Works.', true);
    await harness.engine.idle();
    assert.deepEqual(harness.chunks('call-13').map(({ segment, last }) => [segment, last]), [[0, true], [1, false], [1, true]]);
    assert.equal(await harness.metric('tts_segments_total', { provider: 'primary', outcome: 'failed' }), 1);
  });
});

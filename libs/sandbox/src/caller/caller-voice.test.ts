import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { durationMsOfMulaw, FRAME_BYTES, mulawLevelDbfs } from '@va/audio';
import { EspeakSynthesizer, SignalSynthesizer } from './index';

const SENTENCE = 'I would like to book an appointment please';

function differingBytes(a: Uint8Array, b: Uint8Array): number {
  let count = 0;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) count += 1;
  return count;
}

describe('EspeakSynthesizer (needs the Debian package espeak-ng)', () => {
  it('speaks a sentence as 8 kHz mu-law of plausible length at speech level, silence trimmed', async () => {
    const audio = await new EspeakSynthesizer().synthesize(SENTENCE);
    const durationMs = durationMsOfMulaw(audio.length);
    assert.ok(durationMs >= 1_000 && durationMs <= 4_000, `duration ${durationMs} ms`);
    const levelDbfs = mulawLevelDbfs(audio);
    assert.ok(levelDbfs > -35 && levelDbfs < -3, `level ${levelDbfs} dBFS`);
    // Trimmed: the first and last 20 ms already carry sound, not the silence espeak pads with.
    assert.ok(mulawLevelDbfs(audio.subarray(0, FRAME_BYTES)) > -60, 'leading silence trimmed');
    assert.ok(mulawLevelDbfs(audio.subarray(audio.length - FRAME_BYTES)) > -60, 'trailing silence trimmed');
  });

  it('returns unique audio of identical length for the same text, synthesizing it once', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'espeak-count-'));
    const executable = join(directory, 'espeak-ng');
    const invocations = join(directory, 'invocations');
    await writeFile(executable, `#!/bin/sh\necho run >> '${invocations}'\nexec espeak-ng "$@"\n`, { mode: 0o755 });
    const voice = new EspeakSynthesizer({ executable });
    const first = await voice.synthesize('Yes, that works for me');
    const [second] = await Promise.all([voice.synthesize('Yes, that works for me'), new EspeakSynthesizer({ executable }).synthesize('Yes, that works for me')]);
    const runs = (await readFile(invocations, 'utf8')).trim().split('\n').length;
    await rm(directory, { recursive: true, force: true });
    assert.equal(runs, 1, 'espeak-ng ran once for one text');
    assert.ok(second !== undefined);
    assert.equal(second.length, first.length);
    const differences = differingBytes(first, second);
    assert.ok(differences > 0, 'each call gives different bytes');
    first.forEach((code, index) => assert.ok((code ^ (second[index] ?? 0)) <= 1, `byte ${index} differs only in its least significant bit`));
    for (let offset = 0; offset + FRAME_BYTES <= first.length; offset += FRAME_BYTES) {
      assert.ok(differingBytes(first.subarray(offset, offset + FRAME_BYTES), second.subarray(offset, offset + FRAME_BYTES)) > 0, `20 ms window at ${offset} differs`);
    }
  });

  it('speaks slower at a lower rate and treats a leading dash as text', async () => {
    const slow = await new EspeakSynthesizer({ wordsPerMinute: 110 }).synthesize('Thursday at ten in the morning');
    const fast = await new EspeakSynthesizer({ wordsPerMinute: 260 }).synthesize('Thursday at ten in the morning');
    assert.ok(slow.length > fast.length * 1.5, `slow ${slow.length} vs fast ${fast.length}`);
    const dashed = await new EspeakSynthesizer().synthesize('-v is not an option here');
    assert.ok(durationMsOfMulaw(dashed.length) > 700, 'the whole text was spoken');
  });

  it('fails with an install hint when espeak-ng is missing', async () => {
    const voice = new EspeakSynthesizer({ executable: '/nonexistent/espeak-ng' });
    await assert.rejects(voice.synthesize('hello'), /apt-get install espeak-ng/);
  });
});

describe('SignalSynthesizer', () => {
  it('gives speech-level audio whose length follows the text, unique on every call', async () => {
    const voice = new SignalSynthesizer({ msPerCharacter: 50, minimumMs: 200 });
    const short = await voice.synthesize('yes');
    const long = await voice.synthesize('I would like to book an appointment please');
    assert.equal(durationMsOfMulaw(short.length), 200);
    assert.equal(durationMsOfMulaw(long.length), 42 * 50);
    assert.ok(mulawLevelDbfs(long) > -30);
    const again = await voice.synthesize('I would like to book an appointment please');
    assert.equal(again.length, long.length);
    assert.ok(differingBytes(again, long) > 0);
  });
});

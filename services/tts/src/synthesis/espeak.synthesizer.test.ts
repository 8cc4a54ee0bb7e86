import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { concatAudio, durationMsOfMulaw, mulawToPcm16 } from '@va/audio';
import { EspeakSynthesizer } from './espeak.synthesizer';

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return concatAudio(parts);
}

describe('EspeakSynthesizer (the installed espeak-ng)', () => {
  const espeak = new EspeakSynthesizer({ executable: 'espeak-ng' });

  it('speaks a sentence as mu-law 8 kHz of a plausible length with real signal in it', async () => {
    const audio = await collect(espeak.synthesize({ text: 'Your appointment is on Tuesday at three.', voice: 'en-us+f3' }, new AbortController().signal));
    const durationMs = durationMsOfMulaw(audio.length);
    assert.ok(durationMs > 1_000 && durationMs < 6_000, `duration ${durationMs} ms`);
    const peak = mulawToPcm16(audio).reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
    assert.ok(peak > 2_000, `peak ${peak}`);
  });

  it('kills the process on abort and ends with an AbortError', async () => {
    const controller = new AbortController();
    const pending = collect(espeak.synthesize({ text: 'A long sentence. '.repeat(55), voice: 'en-us' }, controller.signal));
    setTimeout(() => controller.abort(), 5);
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
  });

  it('fails plainly when the program is missing', async () => {
    const missing = new EspeakSynthesizer({ executable: '/nonexistent/espeak-ng' });
    await assert.rejects(collect(missing.synthesize({ text: 'Hello.', voice: 'en-us' }, new AbortController().signal)), /ENOENT/);
  });
});

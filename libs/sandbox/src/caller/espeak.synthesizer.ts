import { execFile } from 'node:child_process';
import { pcm16ToMulaw, readWavPcm16, resamplePcm16, TELEPHONY_SAMPLE_RATE_HZ } from '@va/audio';
import type { CallerVoice } from './caller.voice';
import { trimSilencePcm16 } from './speech.trimmer';
import { makeUnique } from '../speech/unique-audio';

export interface EspeakVoiceOptions {
  /** espeak-ng voice name (`espeak-ng --voices=en` lists them). */
  readonly voice?: string;
  readonly wordsPerMinute?: number;
  /** Path or name of the espeak-ng program. */
  readonly executable?: string;
}

const DEFAULTS = { voice: 'en-us', wordsPerMinute: 165, executable: 'espeak-ng' } as const;
const MAX_CACHED = 500;
const MAX_WAV_BYTES = 64 * 1024 * 1024;
const SYNTHESIS_TIMEOUT_MS = 30_000;

/** Trimmed mu-law per (executable, voice, speed, text), shared by all instances. */
const cache = new Map<string, Promise<Uint8Array>>();

/**
 * Real speech from espeak-ng (the Debian package `espeak-ng`), as mu-law 8 kHz with the
 * silence around it trimmed. Each text is synthesized once; every call returns a dithered,
 * unique copy of the cached audio.
 */
export class EspeakSynthesizer implements CallerVoice {
  private readonly options: Required<EspeakVoiceOptions>;

  constructor(options: EspeakVoiceOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  async synthesize(text: string): Promise<Uint8Array> {
    const key = JSON.stringify([this.options.executable, this.options.voice, this.options.wordsPerMinute, text]);
    let base = cache.get(key);
    if (base === undefined) {
      base = this.synthesizeOnce(text);
      cache.set(key, base);
      if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value ?? key);
      base.catch(() => cache.delete(key));
    }
    return makeUnique(await base);
  }

  private async synthesizeOnce(text: string): Promise<Uint8Array> {
    const wav = await runEspeak(this.options, text);
    const pcm = readWavPcm16(wav);
    const trimmed = trimSilencePcm16(resamplePcm16(pcm.samples, pcm.sampleRateHz, TELEPHONY_SAMPLE_RATE_HZ));
    if (trimmed.length === 0) throw new Error(`espeak-ng produced no audible speech for ${JSON.stringify(text)}`);
    return pcm16ToMulaw(trimmed);
  }
}

function runEspeak(options: Required<EspeakVoiceOptions>, text: string): Promise<Buffer> {
  const args = ['--stdout', '-v', options.voice, '-s', String(options.wordsPerMinute), '--', text];
  return new Promise((resolve, reject) => {
    execFile(
      options.executable,
      args,
      { encoding: 'buffer', maxBuffer: MAX_WAV_BYTES, timeout: SYNTHESIS_TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (error === null) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return reject(
            new Error(`espeak-ng not found (tried "${options.executable}"): the simulated caller needs it; install it with \`apt-get install espeak-ng\``),
          );
        }
        reject(new Error(`espeak-ng failed: ${error.message} ${stderr.toString('utf8').trim()}`.trim()));
      },
    );
  });
}

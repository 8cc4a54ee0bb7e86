import { spawn } from 'node:child_process';
import { pcm16ToMulaw, readWavPcm16, resamplePcm16, TELEPHONY_SAMPLE_RATE_HZ } from '@va/audio';
import type { SpeechSynthesizer, SynthesisRequest } from './speech.synthesizer';

export interface EspeakSynthesizerOptions {
  /** Path or name of the espeak-ng program. */
  readonly executable: string;
}

/** A segment is at most 1000 characters: a few MB of 22 kHz PCM. More means something is wrong. */
const MAX_WAV_BYTES = 32 * 1024 * 1024;

/**
 * The offline last resort: espeak-ng renders a WAV on stdout, which becomes mu-law 8 kHz.
 * espeak renders a sentence in a few tens of milliseconds, so the audio is yielded once whole.
 * Aborting kills the process.
 */
export class EspeakSynthesizer implements SpeechSynthesizer {
  readonly name = 'espeak';

  constructor(private readonly options: EspeakSynthesizerOptions) {}

  async *synthesize(request: SynthesisRequest, signal: AbortSignal): AsyncIterable<Uint8Array> {
    const wav = await runEspeak(this.options.executable, ['--stdout', '-v', request.voice, '--', request.text], signal);
    const pcm = readWavPcm16(wav);
    yield pcm16ToMulaw(resamplePcm16(pcm.samples, pcm.sampleRateHz, TELEPHONY_SAMPLE_RATE_HZ));
  }
}

function runEspeak(executable: string, args: readonly string[], signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const child = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'], signal, killSignal: 'SIGKILL' });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_WAV_BYTES) child.kill('SIGKILL');
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-500);
    });
    child.once('error', (error) => reject(error));
    child.once('close', (code) => {
      if (code === 0 && bytes <= MAX_WAV_BYTES) resolve(Buffer.concat(chunks));
      else reject(new Error(`espeak-ng exited with ${String(code)}: ${stderr.trim()}`));
    });
  });
}

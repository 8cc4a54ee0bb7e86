import { ChainExhaustedError, ProviderFailure } from '@va/resilience';
import type { TtsChain, TtsProvider } from '../synthesis/tts.chain';
import { abortableWait, CANCELLED, STALLED } from './abortable.wait';
import type { SpeechPolicy } from './speech.policy';
import type { TtsMetrics } from './tts.metrics';

export interface SegmentSynthesisDeps {
  readonly chain: TtsChain;
  readonly metrics: TtsMetrics;
  readonly policy: Pick<SpeechPolicy, 'maxResyntheses' | 'stallTimeoutMs'>;
  /** Milliseconds, monotonic enough for durations. */
  readonly nowMs: () => number;
}

export interface SegmentJob {
  readonly text: string;
  /** The logical voice (SpeakSegment.voice_id). */
  readonly voiceId: string;
  /** Chain position to start at: the call's sticky provider. */
  readonly fromIndex: number;
  /** Aborted when the turn is cancelled. */
  readonly signal: AbortSignal;
  readonly onAudio: (audio: Uint8Array) => void;
}

export type SegmentOutcome =
  | { readonly kind: 'spoken'; readonly provider: string; readonly providerIndex: number; readonly resyntheses: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly provider: string; readonly detail: string };

interface OpenStream {
  readonly iterator: AsyncIterator<Uint8Array>;
  readonly first: Uint8Array;
  /** Aborts this stream alone (a stall), leaving the turn's signal untouched. */
  readonly stop: AbortController;
}

type Drained = 'completed' | 'cancelled' | { readonly reason: 'error' | 'silence'; readonly detail: string };

/**
 * Speaks one segment through the failover chain: the first provider that yields audio within
 * its budget wins; a stream that breaks after some audio is reported against its provider and
 * the whole segment is resynthesized on the next one (at most `maxResyntheses` times). Audio
 * goes to `onAudio` as it arrives. A cancel ends it at once and never counts against a provider.
 */
export async function synthesizeSegment(job: SegmentJob, deps: SegmentSynthesisDeps): Promise<SegmentOutcome> {
  let from = job.fromIndex;
  for (let resyntheses = 0; ; resyntheses += 1) {
    const opened = await openStream(job, deps, from);
    if (opened.kind !== 'open') return opened;
    const { name, index, value: stream } = opened;
    job.onAudio(stream.first);
    const drained = await drain(stream, job, deps.policy.stallTimeoutMs);
    if (drained === 'completed') return { kind: 'spoken', provider: name, providerIndex: index, resyntheses };
    if (drained === 'cancelled') return { kind: 'cancelled' };
    deps.chain.reportFailure(name, drained.reason, drained.detail);
    if (resyntheses >= deps.policy.maxResyntheses || index + 1 >= deps.chain.names.length) return { kind: 'failed', provider: name, detail: drained.detail };
    from = index + 1;
  }
}

type Opened = { readonly kind: 'open'; readonly name: string; readonly index: number; readonly value: OpenStream } | Exclude<SegmentOutcome, { kind: 'spoken' }>;

async function openStream(job: SegmentJob, deps: SegmentSynthesisDeps, from: number): Promise<Opened> {
  try {
    const result = await deps.chain.run(async (provider, attemptSignal, name) => {
      const startedAtMs = deps.nowMs();
      const stream = await firstAudio(provider, job, attemptSignal, name);
      if (stream !== CANCELLED) deps.metrics.firstAudioMs.observe({ provider: name }, deps.nowMs() - startedAtMs);
      return stream;
    }, from);
    if (result.value === CANCELLED) return { kind: 'cancelled' };
    return { kind: 'open', name: result.name, index: result.index, value: result.value };
  } catch (error) {
    if (job.signal.aborted) return { kind: 'cancelled' };
    if (error instanceof ChainExhaustedError) return { kind: 'failed', provider: error.failures.at(-1)?.provider ?? 'none', detail: error.message };
    throw error;
  }
}

/**
 * One attempt: starts the provider's stream and waits for its first non-empty audio. A cancel
 * resolves the attempt (not a provider failure) and aborts the request.
 */
async function firstAudio(provider: TtsProvider, job: SegmentJob, attemptSignal: AbortSignal, name: string): Promise<OpenStream | typeof CANCELLED> {
  const stop = new AbortController();
  const signal = AbortSignal.any([job.signal, attemptSignal, stop.signal]);
  const request = { text: job.text, voice: provider.voices.resolve(job.voiceId) };
  const iterator = provider.synthesizer.synthesize(request, signal)[Symbol.asyncIterator]();
  const first = await abortableWait(nextAudio(iterator), job.signal);
  if (first === CANCELLED || first === STALLED) return CANCELLED;
  if (first === undefined) throw new ProviderFailure(name, 'silence', 'the stream ended without audio');
  return { iterator, first, stop };
}

/** The next non-empty chunk; undefined when the stream ends. */
async function nextAudio(iterator: AsyncIterator<Uint8Array>): Promise<Uint8Array | undefined> {
  for (;;) {
    const next = await iterator.next();
    if (next.done === true) return undefined;
    if (next.value.length > 0) return next.value;
  }
}

async function drain(stream: OpenStream, job: SegmentJob, stallTimeoutMs: number): Promise<Drained> {
  try {
    for (;;) {
      const next = await abortableWait(nextAudio(stream.iterator), job.signal, stallTimeoutMs);
      if (next === CANCELLED) return 'cancelled';
      if (next === STALLED) {
        stream.stop.abort();
        return { reason: 'silence', detail: `no audio for ${stallTimeoutMs} ms mid-stream` };
      }
      if (next === undefined) return 'completed';
      job.onAudio(next);
    }
  } catch (error) {
    if (job.signal.aborted) return 'cancelled';
    return { reason: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}

import { Outcome, type Bus, type HandlerOutcome, type Subscription } from '@va/bus';
import type { CallerAudioChunk, CallLifecycleEvent } from '@va/contracts';
import type { Logger } from '@va/observability';
import { FailoverChain, type BreakerOptions, type ChainLink } from '@va/resilience';
import type { Registry } from 'prom-client';
import type { StreamingRecognizer } from '../recognizer/streaming.recognizer';
import { CallSessions } from '../session/call-sessions';
import type { RecognitionEvent } from '../session/recognition.event';
import { RecognitionSession } from '../session/recognition.session';
import type { Scheduler } from '../session/scheduler.port';
import type { SessionPolicy } from '../session/session.policy';
import { callerAudioProblem } from './caller-audio.check';
import { SttMetrics } from './stt.metrics';
import { transcriptMessage } from './transcript.message';

export interface SttPipelineOptions {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly registry: Registry;
  /** Recognizers in failover order; empty: audio is counted and dropped. */
  readonly links: readonly ChainLink<StreamingRecognizer>[];
  readonly connectBudgetMs: number;
  /** Breaker settings of every recognizer; the resilience defaults when absent. */
  readonly breaker?: BreakerOptions;
  readonly idleCloseMs: number;
  readonly policy: SessionPolicy;
  readonly scheduler: Scheduler;
  /**
   * Names this instance's own call.lifecycle group: every instance hears every call end (a
   * call's audio partition and its lifecycle partition may sit on different instances).
   */
  readonly instanceId: string;
  /** Cadence of the idle / KeepAlive / silence sweep. */
  readonly sweepIntervalMs?: number;
}

export interface SttPipeline {
  readonly sessions: CallSessions | undefined;
  readonly chain: FailoverChain<StreamingRecognizer> | undefined;
  stop(): Promise<void>;
}

const DEFAULT_SWEEP_INTERVAL_MS = 1_000;
/** call.audio.in is shared out across instances; call.lifecycle is heard by each instance on its own group. */
const AUDIO_GROUP = 'stt';
const LIFECYCLE_GROUP_PREFIX = 'stt-lifecycle-';

/**
 * The stt service's work: call.audio.in feeds one recognition session per call, call.lifecycle
 * ends them, and every recognition event goes out on call.transcript. Handlers only hand audio
 * to the session and return; recognizers work asynchronously.
 */
export async function startSttPipeline(options: SttPipelineOptions): Promise<SttPipeline> {
  const { bus, logger, scheduler } = options;
  const metrics = new SttMetrics(options.registry);
  const chain = options.links.length === 0 ? undefined : new FailoverChain<StreamingRecognizer>(options.links, {
          kind: 'stt',
          registry: options.registry,
          budgetMs: options.connectBudgetMs,
          ...(options.breaker === undefined ? {} : { breaker: options.breaker }),
        });
  if (chain === undefined) logger.warn('no speech recognizer configured; caller audio is dropped', {});

  const publish = (callId: string, provider: string, event: RecognitionEvent): void => {
    if (event.kind === 'transcript' && event.transcript.text === '' && !event.transcript.speechFinal) return;
    metrics.transcriptEvents.inc({ provider, kind: event.kind });
    bus.publish('call.transcript', transcriptMessage(callId, provider, event, scheduler.nowMs())).catch((error: unknown) => {
      metrics.publishFailures.inc();
      logger.warn('transcript event not published', { callId, error: error instanceof Error ? error.message : String(error) });
    });
  };
  const sessions =
    chain === undefined
      ? undefined
      : new CallSessions({
          createSession: (callId, startMs) => new RecognitionSession(callId, startMs, { chain, scheduler, policy: options.policy, logger, listener: publish }),
          scheduler,
          idleCloseMs: options.idleCloseMs,
          metrics,
          logger,
        });

  const onAudio = (chunk: CallerAudioChunk): Promise<HandlerOutcome> => {
    const problem = callerAudioProblem(chunk);
    if (problem !== undefined) {
      metrics.chunksDropped.inc({ reason: 'malformed' });
      logger.warn('malformed caller audio chunk dropped', { callId: chunk.callId, problem });
    } else if (sessions === undefined) {
      metrics.chunksDropped.inc({ reason: 'no-recognizer' });
    } else {
      const verdict = sessions.accept(chunk.callId, chunk.sequence, chunk.streamOffsetMs, chunk.audio);
      if (verdict !== 'accepted') metrics.chunksDropped.inc({ reason: verdict });
    }
    return Promise.resolve(Outcome.ok());
  };
  const onLifecycle = (event: CallLifecycleEvent): Promise<HandlerOutcome> => {
    if (event.event.case === 'ended' && sessions !== undefined) {
      sessions.end(event.callId).catch((error: unknown) => logger.warn('recognition session did not finish cleanly', { callId: event.callId, error: String(error) }));
    }
    return Promise.resolve(Outcome.ok());
  };

  const subscriptions: Subscription[] = [
    await bus.subscribe('call.audio.in', (delivery) => onAudio(delivery.message), { group: AUDIO_GROUP }),
    await bus.subscribe('call.lifecycle', (delivery) => onLifecycle(delivery.message), { group: LIFECYCLE_GROUP_PREFIX + options.instanceId, startAt: 'latest' }),
  ];
  const stopSweep = sessions === undefined ? () => undefined : scheduler.every(options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS, () => sessions.sweep());

  return {
    sessions,
    chain,
    stop: async () => {
      stopSweep();
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await sessions?.finishAll();
      chain?.shutdown();
    },
  };
}

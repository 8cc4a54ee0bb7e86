import { setTimeout as sleep } from 'node:timers/promises';
import { Outcome, type Bus, type Subscription } from '@va/bus';
import type { MessageOf } from '@va/contracts';

/** What the responder says back to one final caller utterance: the segments of one turn. */
export type ReplyScript = (callerText: string, turnIndex: number) => readonly string[];

export interface ScriptedResponderOptions {
  readonly reply: ReplyScript;
  /** Logical voice sent with every segment. */
  readonly voiceId?: string;
  /** Cancel the playing turn when the caller starts speaking over it. */
  readonly bargeIn?: boolean;
  /** Consumer group prefix: unique per test run. */
  readonly group: string;
  /** Waits this long before speaking, standing for the LLM's time to its first clause. */
  readonly replyDelayMs?: number;
}

/** What the responder saw and did on one call. */
export interface ResponderCallLog {
  readonly finals: string[];
  readonly turns: { turnId: string; segments: readonly string[]; sentAtMs: number }[];
  readonly played: { turnId: string; segmentIndex: number; text: string }[];
  readonly cleared: { turnId: string; unplayed: readonly number[] }[];
  readonly cancels: { turnId: string; atMs: number }[];
  readonly providers: Set<string>;
}

interface PlayingTurn {
  readonly turnId: string;
  readonly segmentCount: number;
  readonly playedSegments: Set<number>;
}

/**
 * Stands where the dialog-manager will: on each final transcript at end of speech it answers
 * with a scripted turn of speak segments; with barge-in on, caller speech over a playing turn
 * cancels it. It keeps a log per call of what it heard, said, and what call.playback reported.
 */
export class ScriptedResponder {
  readonly calls = new Map<string, ResponderCallLog>();
  private readonly playing = new Map<string, PlayingTurn>();
  private readonly subscriptions: Subscription[] = [];
  /** Each call's work in order, off the consumer: a slow reply must not hold up other calls on the partition. */
  private readonly work = new Map<string, Promise<void>>();

  constructor(
    private readonly bus: Bus,
    private readonly options: ScriptedResponderOptions,
  ) {}

  async start(): Promise<void> {
    this.subscriptions.push(
      await this.bus.subscribe('call.transcript', async (delivery) => {
        this.enqueue(delivery.message.callId, () => this.onTranscript(delivery.message));
        return Outcome.ok();
      }, { group: `${this.options.group}-transcripts`, startAt: 'latest' }),
      await this.bus.subscribe('call.playback', async (delivery) => {
        this.onPlayback(delivery.message);
        return Outcome.ok();
      }, { group: `${this.options.group}-playback`, startAt: 'latest' }),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((subscription) => subscription.close()));
    await Promise.all(this.work.values());
  }

  private enqueue(callId: string, task: () => Promise<void>): void {
    const next = (this.work.get(callId) ?? Promise.resolve()).then(task).catch(() => undefined);
    this.work.set(callId, next);
  }

  log(callId: string): ResponderCallLog {
    let entry = this.calls.get(callId);
    if (entry === undefined) {
      entry = { finals: [], turns: [], played: [], cleared: [], cancels: [], providers: new Set() };
      this.calls.set(callId, entry);
    }
    return entry;
  }

  private async onTranscript(event: MessageOf<'call.transcript'>): Promise<void> {
    const log = this.log(event.callId);
    log.providers.add(event.provider);
    const playing = this.playing.get(event.callId);
    if (event.event.case === 'speechStarted' && playing !== undefined && this.options.bargeIn === true) {
      await this.cancel(event.callId, playing.turnId, 'caller barged in');
      return;
    }
    if (event.event.case !== 'transcript') return;
    const { text, isFinal, speechFinal } = event.event.value;
    if (!isFinal || !speechFinal || text.trim() === '') return;
    log.finals.push(text);
    if ((this.options.replyDelayMs ?? 0) > 0) await sleep(this.options.replyDelayMs ?? 0);
    await this.speak(event.callId, this.options.reply(text, log.turns.length));
  }

  private async speak(callId: string, segments: readonly string[]): Promise<void> {
    const log = this.log(callId);
    const turnId = `turn-${log.turns.length + 1}`;
    log.turns.push({ turnId, segments, sentAtMs: performance.now() });
    this.playing.set(callId, { turnId, segmentCount: segments.length, playedSegments: new Set() });
    for (const [segmentIndex, text] of segments.entries()) {
      await this.bus.publish('call.speech', {
        callId,
        command: { case: 'speak', value: { turnId, segmentIndex, text, lastInTurn: segmentIndex === segments.length - 1, voiceId: this.options.voiceId ?? 'warm-female' } },
      });
    }
  }

  private async cancel(callId: string, turnId: string, reason: string): Promise<void> {
    this.playing.delete(callId);
    this.log(callId).cancels.push({ turnId, atMs: performance.now() });
    await this.bus.publish('call.speech', { callId, command: { case: 'cancel', value: { turnId, reason } } });
  }

  private onPlayback(event: MessageOf<'call.playback'>): void {
    const log = this.log(event.callId);
    const playing = this.playing.get(event.callId);
    if (event.event.case === 'segmentPlayed') {
      const { turnId, segmentIndex, text } = event.event.value;
      log.played.push({ turnId, segmentIndex, text });
      if (playing?.turnId === turnId) {
        playing.playedSegments.add(segmentIndex);
        if (playing.playedSegments.size === playing.segmentCount) this.playing.delete(event.callId);
      }
    } else if (event.event.case === 'playbackCleared') {
      const { turnId, unplayedSegmentIndexes } = event.event.value;
      log.cleared.push({ turnId, unplayed: [...unplayedSegmentIndexes] });
      if (playing?.turnId === turnId) this.playing.delete(event.callId);
    }
  }
}

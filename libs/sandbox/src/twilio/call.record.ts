import type { CallEndInfo, TwilioCallError } from './call-leg';
import type { HttpMethod } from './twiml.document';
import type { WebhookPurpose } from './webhook.sender';

/** `CallStatus` values of the REST Call resource. */
export type TwilioCallStatus = 'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';

export type AnsweredBy = 'human' | 'machine_start' | 'machine_end_beep' | 'machine_end_silence' | 'machine_end_other' | 'fax' | 'unknown';

/** One webhook the stand-in sent, with what came back. */
export interface WebhookAttempt {
  readonly purpose: WebhookPurpose;
  readonly url: string;
  readonly method: HttpMethod;
  readonly params: Readonly<Record<string, string>>;
  readonly atMs: number;
  readonly status?: number;
  readonly error?: TwilioCallError;
  readonly durationMs: number;
}

export interface StreamRecord {
  readonly streamSid: string;
  readonly url: string;
  readonly customParameters: Readonly<Record<string, string>>;
}

/** What a test can assert about one call (a snapshot). `atMs` values are wall-clock `Date.now()`. */
export interface TwilioCallRecord {
  readonly sid: string;
  readonly direction: 'inbound' | 'outbound-api';
  readonly from: string;
  readonly to: string;
  readonly status: TwilioCallStatus;
  readonly statusHistory: readonly { readonly status: TwilioCallStatus; readonly atMs: number }[];
  readonly answeredBy?: AnsweredBy;
  /** TwiML verbs in the order they started running. */
  readonly verbs: readonly string[];
  readonly dialTarget?: string;
  readonly errors: readonly TwilioCallError[];
  readonly webhooks: readonly WebhookAttempt[];
  readonly streams: readonly StreamRecord[];
  /** Frames from the app that were ignored (malformed JSON, unknown event, bad payload...). */
  readonly mediaStreamErrors: number;
  readonly mediaStreamProblems: readonly string[];
  readonly marksEchoed: readonly string[];
  readonly mediaFramesSent: number;
  readonly dtmfSent: number;
  /** Agent audio bytes that started playing to the caller (stream audio and `<Say>`). */
  readonly agentAudioBytesPlayed: number;
  readonly dateCreated: Date;
  readonly startTime?: Date;
  readonly endTime?: Date;
  readonly end?: CallEndInfo;
}

const MAX_PROBLEMS_KEPT = 50;

/** The live, mutable record of one call; `snapshot()` is what tests see. */
export class CallRecordState {
  status: TwilioCallStatus;
  readonly statusHistory: Array<{ status: TwilioCallStatus; atMs: number }> = [];
  answeredBy: AnsweredBy | undefined;
  readonly verbs: string[] = [];
  dialTarget: string | undefined;
  readonly errors: TwilioCallError[] = [];
  readonly webhooks: WebhookAttempt[] = [];
  readonly streams: StreamRecord[] = [];
  mediaStreamErrors = 0;
  readonly mediaStreamProblems: string[] = [];
  readonly marksEchoed: string[] = [];
  mediaFramesSent = 0;
  dtmfSent = 0;
  agentAudioBytesPlayed = 0;
  readonly dateCreated = new Date();
  startTime: Date | undefined;
  endTime: Date | undefined;
  end: CallEndInfo | undefined;

  constructor(
    readonly sid: string,
    readonly direction: 'inbound' | 'outbound-api',
    readonly from: string,
    readonly to: string,
    initial: TwilioCallStatus,
  ) {
    this.status = initial;
    this.statusHistory.push({ status: initial, atMs: Date.now() });
  }

  setStatus(status: TwilioCallStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.statusHistory.push({ status, atMs: Date.now() });
  }

  protocolProblem(description: string): void {
    this.mediaStreamErrors += 1;
    if (this.mediaStreamProblems.length < MAX_PROBLEMS_KEPT) this.mediaStreamProblems.push(description);
  }

  /** Whole seconds from answer to end (Twilio's `CallDuration` / `duration`). */
  durationSeconds(): number {
    if (this.startTime === undefined) return 0;
    const end = this.endTime ?? new Date();
    return Math.max(0, Math.round((end.getTime() - this.startTime.getTime()) / 1_000));
  }

  snapshot(): TwilioCallRecord {
    return {
      sid: this.sid,
      direction: this.direction,
      from: this.from,
      to: this.to,
      status: this.status,
      statusHistory: this.statusHistory.map((entry) => ({ ...entry })),
      answeredBy: this.answeredBy,
      verbs: [...this.verbs],
      dialTarget: this.dialTarget,
      errors: [...this.errors],
      webhooks: [...this.webhooks],
      streams: [...this.streams],
      mediaStreamErrors: this.mediaStreamErrors,
      mediaStreamProblems: [...this.mediaStreamProblems],
      marksEchoed: [...this.marksEchoed],
      mediaFramesSent: this.mediaFramesSent,
      dtmfSent: this.dtmfSent,
      agentAudioBytesPlayed: this.agentAudioBytesPlayed,
      dateCreated: this.dateCreated,
      startTime: this.startTime,
      endTime: this.endTime,
      end: this.end,
    };
  }
}

import { faultPlanSchema, NO_FAULTS, type FaultPlan } from '../stand-in/fault.plan';
import { FaultSwitch } from '../stand-in/fault.switch';
import { RequestLog } from '../stand-in/request.log';
import { startStandInServer, type RunningStandInServer } from '../stand-in/stand-in.server';
import { UtteranceRegistry } from '../side-channel/utterance.registry';
import { chatCompletionsRoute } from './chat-completions.route';
import type { ChatRequest } from './chat-request.schema';
import { ChatScript, type ChatReplySource } from './chat.script';
import { openAiRoutes } from './openai.routes';
import { transcriptionsRoute, type TranscriptionRecord } from './transcriptions.route';

export interface OpenAiStandInOptions {
  /** Keys accepted as `Authorization: Bearer <key>`. */
  readonly apiKeys: readonly string[];
  /** 0 or absent: a free port. */
  readonly port?: number;
  readonly host?: string;
  /** The plan in force at start and after `faults.reset()`. */
  readonly faults?: Partial<FaultPlan>;
  /** The answer when no script entry matches. */
  readonly defaultReply?: ChatReplySource;
  /** What simulated callers say, for `/v1/audio/transcriptions`; absent: an empty registry (nothing is recognised). */
  readonly callerSpeech?: UtteranceRegistry;
}

/**
 * OpenAI Chat Completions, offline: `POST /v1/chat/completions` with OpenAI's auth, validation,
 * JSON and SSE wire format, answering from a test-controlled script; and
 * `POST /v1/audio/transcriptions`, recognising caller audio through the callerSpeech side
 * channel. Point openai-node at `url`. One fault plan covers both routes.
 */
export class OpenAiStandIn {
  /** The base URL for the SDK (`baseURL`), ending in `/v1`. */
  readonly url: string;
  /** Scheme, host and port, without the `/v1` prefix (control endpoints live here). */
  readonly origin: string;

  private constructor(
    private readonly server: RunningStandInServer,
    readonly script: ChatScript,
    readonly faults: FaultSwitch,
    readonly requests: RequestLog,
    private readonly accepted: ChatRequest[],
    private readonly transcribed: TranscriptionRecord[],
  ) {
    this.origin = server.url;
    this.url = `${server.url}/v1`;
  }

  static async start(options: OpenAiStandInOptions): Promise<OpenAiStandIn> {
    const faults = new FaultSwitch(faultPlanSchema.parse({ ...NO_FAULTS, ...options.faults }));
    const requests = new RequestLog();
    const script = new ChatScript(options.defaultReply);
    const accepted: ChatRequest[] = [];
    const transcribed: TranscriptionRecord[] = [];
    const apiKeys = new Set(options.apiKeys);
    const route = openAiRoutes({
      chatCompletions: chatCompletionsRoute({ apiKeys, script, faults, accepted }),
      transcriptions: transcriptionsRoute({ apiKeys, faults, callerSpeech: options.callerSpeech ?? new UtteranceRegistry(), accepted: transcribed }),
    });
    const server = await startStandInServer({ name: 'openai', routes: { http: route }, faults, requests, port: options.port, host: options.host });
    return new OpenAiStandIn(server, script, faults, requests, accepted, transcribed);
  }

  /** The bodies of the chat requests that passed auth and validation, oldest first. */
  chatRequests(): readonly ChatRequest[] {
    return [...this.accepted];
  }

  /** The transcription requests that passed auth and validation (model, recognised text), oldest first. */
  transcriptionRequests(): readonly TranscriptionRecord[] {
    return [...this.transcribed];
  }

  /** Back to the start state: no script entries, the initial fault plan, empty logs. */
  reset(): void {
    this.script.clear();
    this.faults.reset();
    this.requests.clear();
    this.accepted.length = 0;
    this.transcribed.length = 0;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

import { faultPlanSchema, NO_FAULTS, type FaultPlan } from '../stand-in/fault.plan';
import { FaultSwitch } from '../stand-in/fault.switch';
import { RequestLog } from '../stand-in/request.log';
import { startStandInServer, type RunningStandInServer } from '../stand-in/stand-in.server';
import { chatCompletionsRoute } from './chat-completions.route';
import type { ChatRequest } from './chat-request.schema';
import { ChatScript, type ChatReplySource } from './chat.script';

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
}

/**
 * OpenAI Chat Completions, offline: `POST /v1/chat/completions` with OpenAI's auth, validation,
 * JSON and SSE wire format, answering from a test-controlled script. Point openai-node at `url`.
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
  ) {
    this.origin = server.url;
    this.url = `${server.url}/v1`;
  }

  static async start(options: OpenAiStandInOptions): Promise<OpenAiStandIn> {
    const faults = new FaultSwitch(faultPlanSchema.parse({ ...NO_FAULTS, ...options.faults }));
    const requests = new RequestLog();
    const script = new ChatScript(options.defaultReply);
    const accepted: ChatRequest[] = [];
    const route = chatCompletionsRoute({ apiKeys: new Set(options.apiKeys), script, faults, accepted });
    const server = await startStandInServer({ name: 'openai', routes: { http: route }, faults, requests, port: options.port, host: options.host });
    return new OpenAiStandIn(server, script, faults, requests, accepted);
  }

  /** The bodies of the chat requests that passed auth and validation, oldest first. */
  chatRequests(): readonly ChatRequest[] {
    return [...this.accepted];
  }

  /** Back to the start state: no script entries, the initial fault plan, empty logs. */
  reset(): void {
    this.script.clear();
    this.faults.reset();
    this.requests.clear();
    this.accepted.length = 0;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

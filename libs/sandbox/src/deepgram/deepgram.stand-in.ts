import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { DEFAULT_SPEECH_DETECTOR_POLICY } from '@va/audio';
import { faultPlanSchema, NO_FAULTS, type FaultPlan } from '../stand-in/fault.plan';
import { FaultSwitch } from '../stand-in/fault.switch';
import { RequestLog } from '../stand-in/request.log';
import { sendJson, startStandInServer, type RunningStandInServer, type StandInRequest } from '../stand-in/stand-in.server';
import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { deepgramError } from './deepgram.errors';
import { ListenEndpoint } from './listen.endpoint';
import type { LiveSessionInfo } from './listen.session';
import { handleSpeak } from './speak.route';
import { SpeakSocketEndpoint } from './speak.socket';
import { SpeechSynthesizer } from './speech.synthesizer';
import { refuseUpgrade } from './upgrade.refusal';

export interface DeepgramStandInOptions {
  /** Keys accepted as `Token KEY`, `Bearer KEY` or the `token, KEY` subprotocol. */
  readonly apiKeys: readonly string[];
  /** What the simulated caller says: the words of the audio the live socket hears. */
  readonly callerSpeech: UtteranceRegistry;
  /** Where every Aura synthesis is registered with the exact audio returned. */
  readonly agentSpeech: UtteranceRegistry;
  readonly port?: number;
  /** The fault plan in force at start, and after `faults.reset()`. */
  readonly faults?: Partial<FaultPlan>;
  /** Close a live socket after this long without audio or a text message (Deepgram: 10 s). */
  readonly idleTimeoutMs?: number;
  /** Stream time between interim results (Deepgram: about 1 s). */
  readonly interimIntervalMs?: number;
  readonly speechDetector?: { readonly thresholdDbfs?: number; readonly onsetMs?: number };
  /** Send empty interim results during silence, as Deepgram does (default true). */
  readonly emptyInterimsInSilence?: boolean;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 10_000;
export const DEFAULT_INTERIM_INTERVAL_MS = 1_000;

/**
 * Offline Deepgram: live transcription (`/v1/listen` WebSocket) and Aura TTS (`/v1/speak`
 * REST and WebSocket) on the real wire protocol, for the official SDK pointed at `url`.
 * Words come from the `callerSpeech` registry; syntheses go to `agentSpeech`.
 */
export class DeepgramStandIn {
  private constructor(
    private readonly server: RunningStandInServer,
    private readonly listen: ListenEndpoint,
    private readonly speakSocket: SpeakSocketEndpoint,
    readonly faults: FaultSwitch,
    readonly requests: RequestLog,
  ) {}

  static async start(options: DeepgramStandInOptions): Promise<DeepgramStandIn> {
    const faults = new FaultSwitch(faultPlanSchema.parse({ ...NO_FAULTS, ...options.faults }));
    const requests = new RequestLog();
    const synthesizer = new SpeechSynthesizer();
    const listen = new ListenEndpoint({
      apiKeys: options.apiKeys,
      callerSpeech: options.callerSpeech,
      faults,
      requests,
      behaviour: {
        idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
        interimIntervalMs: options.interimIntervalMs ?? DEFAULT_INTERIM_INTERVAL_MS,
        thresholdDbfs: options.speechDetector?.thresholdDbfs ?? DEFAULT_SPEECH_DETECTOR_POLICY.thresholdDbfs,
        onsetMs: options.speechDetector?.onsetMs ?? DEFAULT_SPEECH_DETECTOR_POLICY.onsetMs,
        emptyInterimsInSilence: options.emptyInterimsInSilence ?? true,
      },
    });
    const speakSocket = new SpeakSocketEndpoint({ apiKeys: options.apiKeys, agentSpeech: options.agentSpeech, faults, requests, synthesizer });
    const server = await startStandInServer({
      name: 'deepgram',
      faults,
      requests,
      ...(options.port === undefined ? {} : { port: options.port }),
      routes: {
        http: (request: StandInRequest, response: ServerResponse) => {
          if (request.path !== '/v1/speak') return sendJson(response, 404, deepgramError('NOT_FOUND', `No route for ${request.method} ${request.path}.`, ''));
          if (request.method !== 'POST') return sendJson(response, 405, deepgramError('METHOD_NOT_ALLOWED', 'Use POST for /v1/speak.', ''));
          return handleSpeak(request, response, { apiKeys: options.apiKeys, agentSpeech: options.agentSpeech, faults, synthesizer });
        },
        upgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => {
          // Upgrade sockets carry no error listener of Node's: a client reset must not crash the stand-in.
          socket.on('error', () => undefined);
          const url = new URL(request.url ?? '/', 'http://stand-in');
          if (url.pathname === '/v1/listen') return listen.upgrade(request, socket, head, url);
          if (url.pathname === '/v1/speak') return speakSocket.upgrade(request, socket, head, url);
          refuseUpgrade(socket, 404, deepgramError('NOT_FOUND', `No WebSocket route for ${url.pathname}.`, ''));
        },
      },
    });
    return new DeepgramStandIn(server, listen, speakSocket, faults, requests);
  }

  /** Base URL (http://127.0.0.1:PORT); sockets are the same address with ws://. */
  get url(): string {
    return this.server.url;
  }

  get wsUrl(): string {
    return this.server.url.replace(/^http/, 'ws');
  }

  /** Every live transcription connection so far (newest last), for assertions. */
  liveSessions(): LiveSessionInfo[] {
    return this.listen.liveSessions();
  }

  async close(): Promise<void> {
    this.listen.close();
    this.speakSocket.close();
    await this.server.close();
  }
}

import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { faultPlanSchema, NO_FAULTS, type FaultPlan } from '../stand-in/fault.plan';
import { FaultSwitch } from '../stand-in/fault.switch';
import { RequestLog } from '../stand-in/request.log';
import { startStandInServer, type RunningStandInServer } from '../stand-in/stand-in.server';
import { SpeechSignalSynthesizer } from './speech-signal.synthesizer';
import { streamInputRoute, type StreamInputRoute } from './stream-input.route';
import type { SynthesisRecord } from './synthesis.record';
import { textToSpeechRoute } from './text-to-speech.route';

export interface ElevenLabsStandInOptions {
  /** Keys accepted in `xi-api-key` (or `Authorization: Bearer`, or the WebSocket init frame). */
  readonly apiKeys: readonly string[];
  /** Where every synthesized text is registered with its exact audio. */
  readonly agentSpeech: UtteranceRegistry;
  /** Absent: any voice id is accepted; present: others get 404 voice_not_found. */
  readonly voiceIds?: readonly string[];
  readonly port?: number;
  readonly host?: string;
  /** The plan in force at start and after `faults.reset()`. */
  readonly faults?: Partial<FaultPlan>;
  /** Speech length per character (default 65 ms); utterances last at least `minimumSpeechMs`. */
  readonly msPerCharacter?: number;
  readonly minimumSpeechMs?: number;
}

const DEFAULT_MS_PER_CHARACTER = 65;
const DEFAULT_MINIMUM_SPEECH_MS = 300;

/**
 * ElevenLabs text-to-speech, offline: HTTP `/v1/text-to-speech/{voice}[/stream]` and the
 * `stream-input` WebSocket, producing mu-law 8 kHz speech-like audio registered in
 * `agentSpeech`. Point @elevenlabs/elevenlabs-js at `url` (baseUrl) and the WebSocket client at
 * `wsUrl`.
 */
export class ElevenLabsStandIn {
  /** The HTTP base URL (the SDK's `baseUrl`). */
  readonly url: string;
  /** The same server as `ws://…`, the base for `/v1/text-to-speech/{voice}/stream-input`. */
  readonly wsUrl: string;

  private constructor(
    private readonly server: RunningStandInServer,
    private readonly streamInput: StreamInputRoute,
    readonly faults: FaultSwitch,
    readonly requests: RequestLog,
    private readonly records: SynthesisRecord[],
  ) {
    this.url = server.url;
    this.wsUrl = server.url.replace(/^http/, 'ws');
  }

  static async start(options: ElevenLabsStandInOptions): Promise<ElevenLabsStandIn> {
    const faults = new FaultSwitch(faultPlanSchema.parse({ ...NO_FAULTS, ...options.faults }));
    const requests = new RequestLog();
    const records: SynthesisRecord[] = [];
    const synthesizer = new SpeechSignalSynthesizer(options.agentSpeech, {
      msPerCharacter: options.msPerCharacter ?? DEFAULT_MS_PER_CHARACTER,
      minimumMs: options.minimumSpeechMs ?? DEFAULT_MINIMUM_SPEECH_MS,
    });
    const apiKeys = new Set(options.apiKeys);
    const voiceIds = options.voiceIds === undefined ? undefined : new Set(options.voiceIds);
    const http = textToSpeechRoute({ apiKeys, voiceIds, faults, synthesizer, syntheses: records });
    const streamInput = streamInputRoute({ apiKeys, voiceIds, faults, requests, synthesizer, syntheses: records });
    const server = await startStandInServer({
      name: 'elevenlabs',
      routes: { http, upgrade: (request, socket, head) => streamInput.upgrade(request, socket, head) },
      faults,
      requests,
      port: options.port,
      host: options.host,
    });
    return new ElevenLabsStandIn(server, streamInput, faults, requests, records);
  }

  /** Every text synthesized, oldest first. */
  syntheses(): readonly SynthesisRecord[] {
    return [...this.records];
  }

  /** Back to the start state: the initial fault plan, empty logs. */
  reset(): void {
    this.faults.reset();
    this.requests.clear();
    this.records.length = 0;
  }

  async close(): Promise<void> {
    this.streamInput.close();
    await this.server.close();
  }
}

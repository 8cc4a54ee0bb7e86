import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FaultSwitch } from '../stand-in/fault.switch';
import type { RequestLog } from '../stand-in/request.log';
import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { parseSpeakQuery, type SpeakQuery } from './speak.query';
import { SpeakSession } from './speak.session';
import type { SpeechSynthesizer } from './speech.synthesizer';
import { DeepgramSocketServer } from './deepgram-socket.server';

export interface SpeakSocketEndpointOptions {
  readonly apiKeys: readonly string[];
  readonly agentSpeech: UtteranceRegistry;
  readonly faults: FaultSwitch;
  readonly requests: RequestLog;
  readonly synthesizer: SpeechSynthesizer;
}

/** The Aura `/v1/speak` socket: admits the upgrade like Deepgram, then runs a SpeakSession. */
export class SpeakSocketEndpoint {
  private readonly sockets: DeepgramSocketServer<SpeakQuery>;
  private nextId = 1;

  constructor(private readonly options: SpeakSocketEndpointOptions) {
    this.sockets = new DeepgramSocketServer({ apiKeys: options.apiKeys, faults: options.faults, requests: options.requests, hanging: new Set<Duplex>(), parseQuery: (params) => parseSpeakQuery(params, 'socket') });
  }

  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    this.sockets.accept(request, socket, head, url, (webSocket, { requestId, plan, query }, drop) => {
      const { agentSpeech, synthesizer, requests } = this.options;
      new SpeakSession({ id: this.nextId++, requestId, socket: webSocket, query, plan, agentSpeech, synthesizer, requests, path: url.pathname, drop });
    });
  }

  close(): void {
    this.sockets.close();
  }
}

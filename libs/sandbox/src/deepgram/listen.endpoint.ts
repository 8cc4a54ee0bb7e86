import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FaultSwitch } from '../stand-in/fault.switch';
import type { RequestLog } from '../stand-in/request.log';
import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { parseListenQuery, type ListenQuery } from './listen.query';
import { ListenSession, type ListenBehaviour, type LiveSessionInfo } from './listen.session';
import { DeepgramSocketServer } from './deepgram-socket.server';

export interface ListenEndpointOptions {
  readonly apiKeys: readonly string[];
  readonly callerSpeech: UtteranceRegistry;
  readonly faults: FaultSwitch;
  readonly requests: RequestLog;
  readonly behaviour: ListenBehaviour;
}

const MAX_KEPT_SESSIONS = 1_000;

/** The `/v1/listen` socket: admits the upgrade like Deepgram, then runs a ListenSession on it. */
export class ListenEndpoint {
  private readonly sockets: DeepgramSocketServer<ListenQuery>;
  private readonly sessions: ListenSession[] = [];
  private nextId = 1;

  constructor(private readonly options: ListenEndpointOptions) {
    this.sockets = new DeepgramSocketServer({ apiKeys: options.apiKeys, faults: options.faults, requests: options.requests, hanging: new Set<Duplex>(), parseQuery: parseListenQuery });
  }

  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    this.sockets.accept(request, socket, head, url, (webSocket, { requestId, plan, query }, drop) => {
      const { callerSpeech, behaviour, requests } = this.options;
      this.sessions.push(new ListenSession({ id: this.nextId++, requestId, socket: webSocket, query, plan, callerSpeech, behaviour, requests, path: url.pathname, drop }));
      if (this.sessions.length > MAX_KEPT_SESSIONS) this.sessions.shift();
    });
  }

  liveSessions(): LiveSessionInfo[] {
    return this.sessions.map((session) => session.info());
  }

  close(): void {
    this.sockets.close();
  }
}

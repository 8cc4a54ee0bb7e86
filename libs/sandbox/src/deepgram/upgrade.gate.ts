import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FaultPlan } from '../stand-in/fault.plan';
import type { FaultSwitch } from '../stand-in/fault.switch';
import { loggableHeaders, type RequestLog } from '../stand-in/request.log';
import { isAccepted, presentedCredential } from './deepgram.auth';
import { faultError, invalidCredentials, invalidQuery } from './deepgram.errors';
import { refuseUpgrade } from './upgrade.refusal';

export interface UpgradeGateOptions<Query> {
  readonly apiKeys: readonly string[];
  readonly faults: FaultSwitch;
  readonly requests: RequestLog;
  /** Sockets held open by a `hang` fault, destroyed when the stand-in closes. */
  readonly hanging: Set<Duplex>;
  parseQuery(params: URLSearchParams): { readonly ok: true; readonly query: Query } | { readonly ok: false; readonly message: string };
}

export interface AdmittedUpgrade<Query> {
  readonly requestId: string;
  readonly plan: FaultPlan;
  readonly query: Query;
}

/**
 * What a Deepgram socket checks before the handshake, in order: the connection's fault plan
 * (refuse with its status, or hang without answering), the credential (401) and the query
 * (400). Refusals carry Deepgram's JSON body and `dg-request-id` / `dg-error` headers.
 */
export function admitUpgrade<Query>(request: IncomingMessage, socket: Duplex, url: URL, options: UpgradeGateOptions<Query>): AdmittedUpgrade<Query> | undefined {
  const requestId = randomUUID();
  const plan = options.faults.next();
  const { fault } = plan;
  const log = (detail: Record<string, unknown>): void => {
    options.requests.record({ kind: 'ws-open', method: request.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: loggableHeaders(request.headers), detail: { requestId, ...detail } });
  };
  if (fault.kind === 'http-error') {
    log({ status: fault.status, fault: fault.kind });
    const retryAfter: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
    refuseUpgrade(socket, fault.status, faultError(fault.status, requestId), retryAfter);
    return undefined;
  }
  if (fault.kind === 'hang') {
    options.hanging.add(socket);
    socket.once('close', () => options.hanging.delete(socket));
    log({ fault: fault.kind });
    return undefined;
  }
  if (!isAccepted(presentedCredential(request.headers), options.apiKeys)) {
    log({ status: 401 });
    refuseUpgrade(socket, 401, invalidCredentials(requestId));
    return undefined;
  }
  const parsed = options.parseQuery(url.searchParams);
  if (!parsed.ok) {
    log({ status: 400 });
    refuseUpgrade(socket, 400, invalidQuery(parsed.message, requestId));
    return undefined;
  }
  log({ status: 101 });
  return { requestId, plan, query: parsed.query };
}

import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSwitch } from '../stand-in/fault.switch';
import type { StandInRequest } from '../stand-in/stand-in.server';
import { parseCreateCall, parseUpdateCall, type CreateCallRequest, type UpdateCallRequest } from './call-request.params';
import { API_VERSION } from './call.resource';
import { sendTwilioError, TwilioRestError, twilioErrorBody } from './twilio.errors';

/** What the REST routes need from the stand-in; methods throw TwilioRestError to refuse. */
export interface CallsBackend {
  create(request: CreateCallRequest): Record<string, unknown>;
  update(callSid: string, request: UpdateCallRequest): Record<string, unknown>;
  fetch(callSid: string): Record<string, unknown>;
}

export interface CallsRouteOptions {
  readonly accountSid: string;
  readonly authToken: string;
  readonly faults: FaultSwitch;
  readonly backend: CallsBackend;
}

const CALLS_PATH = new RegExp(`^/${API_VERSION}/Accounts/([^/]+)/Calls(?:/([^/]+))?\\.json$`);
const TRICKLE_MAX_CHUNKS = 1_000;

/**
 * The REST Calls subset under its real paths: create (201), update and fetch (200), with
 * HTTP Basic auth AccountSid:AuthToken and Twilio's error JSON. The fault plan is taken once
 * per request and applied before anything else (delay, error status, hang, drop, trickle).
 */
export function callsRoute(options: CallsRouteOptions): (request: StandInRequest, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const plan = options.faults.next();
    if (plan.firstByteDelayMs > 0) await sleep(plan.firstByteDelayMs);
    const { fault } = plan;
    if (fault.kind === 'hang' || fault.kind === 'silence') return;
    if (fault.kind === 'disconnect') {
      request.raw.socket.destroy();
      return;
    }
    if (fault.kind === 'http-error') {
      const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      sendTwilioError(response, fault.status, 20_000 + fault.status, `Injected fault: HTTP ${fault.status}`, headers);
      return;
    }
    const { status, body, headers } = answer(options, request);
    const text = JSON.stringify(body);
    if (fault.kind !== 'trickle') {
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
      response.end(text);
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    const bytes = Buffer.from(text);
    const chunkBytes = Math.max(fault.chunkBytes, Math.ceil(bytes.length / TRICKLE_MAX_CHUNKS));
    for (let offset = 0; offset < bytes.length && !response.destroyed; offset += chunkBytes) {
      if (offset > 0) await sleep(fault.intervalMs);
      response.write(bytes.subarray(offset, offset + chunkBytes));
    }
    response.end();
  };
}

interface RestAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
}

function answer(options: CallsRouteOptions, request: StandInRequest): RestAnswer {
  const match = CALLS_PATH.exec(request.path);
  if (!authorized(options, request.raw.headers.authorization)) {
    return error(401, 20003, 'Authenticate', { 'www-authenticate': 'Basic realm="Twilio API"' });
  }
  if (match === null || match[1] !== options.accountSid) return error(404, 20404, `The requested resource ${request.path} was not found`);
  const callSid = match[2];
  try {
    if (callSid === undefined && request.method === 'POST') return { status: 201, body: options.backend.create(parseCreateCall(form(request))), headers: {} };
    if (callSid !== undefined && request.method === 'POST') return { status: 200, body: options.backend.update(callSid, parseUpdateCall(form(request))), headers: {} };
    if (callSid !== undefined && request.method === 'GET') return { status: 200, body: options.backend.fetch(callSid), headers: {} };
  } catch (caught) {
    if (caught instanceof TwilioRestError) return error(caught.status, caught.code, caught.message);
    throw caught;
  }
  return error(405, 20004, `Method ${request.method} not allowed on ${request.path}`, { allow: callSid === undefined ? 'POST' : 'GET, POST' });
}

function error(status: number, code: number, message: string, headers: Record<string, string> = {}): RestAnswer {
  return { status, body: twilioErrorBody(status, code, message), headers };
}

function form(request: StandInRequest): URLSearchParams {
  return new URLSearchParams(request.body.toString('utf8'));
}

function authorized(options: CallsRouteOptions, header: string | undefined): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (match?.[1] === undefined) return false;
  const presented = Buffer.from(Buffer.from(match[1], 'base64').toString('utf8'));
  const expected = Buffer.from(`${options.accountSid}:${options.authToken}`);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

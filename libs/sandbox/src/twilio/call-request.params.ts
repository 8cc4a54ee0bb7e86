import { STATUS_CALLBACK_EVENTS, type StatusCallbackConfig, type StatusCallbackEvent } from './status-callback.notifier';
import type { HttpMethod } from './twiml.document';
import type { TwimlSource } from './twiml.runner';
import { TwilioRestError } from './twilio.errors';

export type MachineDetectionMode = 'Enable' | 'DetectMessageEnd';

/** A validated `POST …/Calls.json`. */
export interface CreateCallRequest {
  readonly to: string;
  readonly from: string;
  readonly source: TwimlSource;
  readonly statusCallback: StatusCallbackConfig;
  readonly machineDetection?: MachineDetectionMode;
  readonly asyncAmd: boolean;
  readonly asyncAmdStatusCallback?: { readonly url: string; readonly method: HttpMethod };
  readonly timeoutSeconds: number;
}

/** A validated `POST …/Calls/{sid}.json`: new TwiML, or a status change (which wins when both are sent). */
export type UpdateCallRequest =
  | { readonly kind: 'twiml'; readonly source: TwimlSource }
  | { readonly kind: 'status'; readonly status: 'completed' | 'canceled' };

const PHONE_ADDRESS = /^(\+[1-9]\d{1,14}|sip:\S+@\S+|client:[A-Za-z0-9_.-]+)$/;
const MAX_TWIML_CHARS = 4_000;
const MAX_TIMEOUT_SECONDS = 600;

export function parseCreateCall(form: URLSearchParams): CreateCallRequest {
  const to = form.get('To');
  const from = form.get('From');
  if (to === null || to.trim() === '') throw badRequest(21201, "No 'To' number is specified");
  if (from === null || from.trim() === '') throw badRequest(21213, "No 'From' number is specified");
  if (!PHONE_ADDRESS.test(to)) throw badRequest(21211, `Invalid 'To' Phone Number: ${to}`);
  if (!PHONE_ADDRESS.test(from)) throw badRequest(21212, `Invalid 'From' Phone Number: ${from}`);
  const source = twimlSource(form);
  if (source === undefined) throw badRequest(21205, "Either a 'Url', 'Twiml' or 'ApplicationSid' parameter is required (the stand-in supports Url and Twiml)");
  const machineDetection = form.get('MachineDetection') ?? undefined;
  if (machineDetection !== undefined && machineDetection !== 'Enable' && machineDetection !== 'DetectMessageEnd') {
    throw badRequest(21200, `MachineDetection must be Enable or DetectMessageEnd, not ${machineDetection}`);
  }
  const asyncAmd = booleanParam(form, 'AsyncAmd');
  const amdCallback = form.get('AsyncAmdStatusCallback');
  const timeout = form.get('Timeout');
  const timeoutSeconds = timeout === null ? 60 : Number(timeout);
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1) throw badRequest(21200, `Timeout must be a whole number of seconds, not ${timeout ?? ''}`);
  return {
    to,
    from,
    source,
    statusCallback: statusCallbackConfig(form) ?? { method: 'POST', events: new Set(['completed']) },
    machineDetection,
    asyncAmd,
    asyncAmdStatusCallback: amdCallback === null ? undefined : { url: httpUrl(amdCallback, 'AsyncAmdStatusCallback'), method: methodParam(form, 'AsyncAmdStatusCallbackMethod') },
    timeoutSeconds: Math.min(timeoutSeconds, MAX_TIMEOUT_SECONDS),
  };
}

export function parseUpdateCall(form: URLSearchParams): UpdateCallRequest {
  const status = form.get('Status');
  if (status !== null) {
    if (status !== 'completed' && status !== 'canceled') throw badRequest(21200, `Status must be completed or canceled, not ${status}`);
    return { kind: 'status', status };
  }
  const source = twimlSource(form);
  if (source === undefined) throw badRequest(21200, 'Nothing to update: send Url, Twiml or Status');
  return { kind: 'twiml', source };
}

function twimlSource(form: URLSearchParams): TwimlSource | undefined {
  const url = form.get('Url');
  if (url !== null) return { kind: 'url', url: httpUrl(url, 'Url', 21205), method: methodParam(form, 'Method'), purpose: 'voice' };
  const twiml = form.get('Twiml');
  if (twiml === null) return undefined;
  if (twiml.length > MAX_TWIML_CHARS) throw badRequest(21200, `Twiml is longer than ${MAX_TWIML_CHARS} characters`);
  return { kind: 'inline', twiml };
}

function statusCallbackConfig(form: URLSearchParams): StatusCallbackConfig | undefined {
  const url = form.get('StatusCallback');
  if (url === null) return undefined;
  const events = new Set<StatusCallbackEvent>(['completed']);
  for (const value of form.getAll('StatusCallbackEvent').flatMap((entry) => entry.split(/\s+/).filter((part) => part.length > 0))) {
    if (!STATUS_CALLBACK_EVENTS.includes(value as StatusCallbackEvent)) throw badRequest(21200, `Unknown StatusCallbackEvent ${value}`);
    events.add(value as StatusCallbackEvent);
  }
  return { url: httpUrl(url, 'StatusCallback'), method: methodParam(form, 'StatusCallbackMethod'), events };
}

function httpUrl(value: string, name: string, code = 21200): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest(code, `${name} is not a valid URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest(code, `${name} is not a valid URL: ${value}`);
  return value;
}

function methodParam(form: URLSearchParams, name: string): HttpMethod {
  const value = (form.get(name) ?? 'POST').toUpperCase();
  if (value !== 'GET' && value !== 'POST') throw badRequest(21200, `${name} must be GET or POST`);
  return value;
}

function booleanParam(form: URLSearchParams, name: string): boolean {
  const value = form.get(name);
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest(21200, `${name} must be true or false, not ${value}`);
}

function badRequest(code: number, message: string): TwilioRestError {
  return new TwilioRestError(400, code, message);
}

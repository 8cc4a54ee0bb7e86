import { performance } from 'node:perf_hooks';
import twilio from 'twilio';
import type { TwilioCallError } from './call-leg';
import type { HttpMethod } from './twiml.document';

/** Twilio's total time limit for one webhook response. */
export const WEBHOOK_TIMEOUT_MS = 15_000;

export type WebhookPurpose = 'voice' | 'connect-action' | 'redirect' | 'status-callback' | 'amd-status-callback' | 'stream-status-callback';

export interface WebhookRequest {
  readonly purpose: WebhookPurpose;
  readonly url: string;
  readonly method: HttpMethod;
  readonly params: Readonly<Record<string, string>>;
}

export type WebhookOutcome =
  | { readonly ok: true; readonly status: number; readonly contentType: string; readonly body: string; readonly durationMs: number }
  | { readonly ok: false; readonly status?: number; readonly error: TwilioCallError; readonly durationMs: number };

/**
 * Sends Twilio's webhooks: form-encoded POST (or GET with the parameters in the query), with
 * `X-Twilio-Signature` computed by twilio-node's own `getExpectedTwilioSignature` over the
 * exact URL requested. A non-2xx answer is error 11200, no answer within the time limit or
 * a refused connection 11205.
 */
export class WebhookSender {
  constructor(
    private readonly authToken: string,
    private readonly timeoutMs: number = WEBHOOK_TIMEOUT_MS,
  ) {}

  async send(request: WebhookRequest, cancel?: AbortSignal): Promise<WebhookOutcome> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    const { url, init } = this.prepare(request);
    const signals = [AbortSignal.timeout(this.timeoutMs), ...(cancel ? [cancel] : [])];
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.any(signals), redirect: 'follow' });
      const body = await response.text();
      if (response.status < 200 || response.status > 299) {
        return { ok: false, status: response.status, error: { code: 11200, message: `HTTP retrieval failure: ${request.method} ${url} answered ${response.status}` }, durationMs: elapsed() };
      }
      return { ok: true, status: response.status, contentType: response.headers.get('content-type') ?? '', body, durationMs: elapsed() };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const message = timedOut ? `no response within ${this.timeoutMs} ms` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      return { ok: false, error: { code: 11205, message: `HTTP connection failure: ${request.method} ${url}: ${message}` }, durationMs: elapsed() };
    }
  }

  private prepare(request: WebhookRequest): { url: string; init: RequestInit } {
    const headers: Record<string, string> = { 'user-agent': 'TwilioProxy/1.1', accept: '*/*', 'cache-control': 'max-age=259200' };
    if (request.method === 'GET') {
      const query = new URLSearchParams(request.params).toString();
      const url = query.length === 0 ? request.url : `${request.url}${request.url.includes('?') ? '&' : '?'}${query}`;
      headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(this.authToken, url, {});
      return { url, init: { method: 'GET', headers } };
    }
    headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
    headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(this.authToken, request.url, { ...request.params });
    return { url: request.url, init: { method: 'POST', headers, body: new URLSearchParams(request.params).toString() } };
  }
}

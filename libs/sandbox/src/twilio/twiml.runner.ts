import { setTimeout as sleep } from 'node:timers/promises';
import type { TwilioCallError } from './call-leg';
import type { CallSession } from './call.session';
import type { MediaStreamClient } from './media-stream.client';
import { parseTwiml, type HttpMethod, type StreamInstruction, type TwimlParseResult, type TwimlVerb } from './twiml.document';
import { rfc2822 } from './twilio.ids';

/** Where a TwiML document comes from: a webhook (voice URL, Connect action, Redirect) or inline `Twiml`. */
export type TwimlSource =
  | {
      readonly kind: 'url';
      readonly url: string;
      readonly method: HttpMethod;
      readonly purpose: 'voice' | 'connect-action' | 'redirect';
      readonly extraParams?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'inline'; readonly twiml: string };

type VerbOutcome = { readonly next: 'continue' } | { readonly next: 'stop' } | { readonly next: 'document'; readonly source: TwimlSource };

const MAX_DOCUMENTS_PER_RUN = 100;
const ACCEPTED_CONTENT_TYPE = /xml|html/i;

/**
 * Runs TwiML for one call as Twilio does: fetch the document, validate all of it, then run
 * its verbs in order; a Redirect or a Connect action continues with a new document; running
 * out of verbs hangs up. Stops at once when `signal` aborts (the call ended or a REST update
 * replaced the TwiML).
 */
export class TwimlRunner {
  constructor(private readonly call: CallSession) {}

  async run(source: TwimlSource, signal: AbortSignal): Promise<void> {
    let current: TwimlSource | undefined = source;
    let documents = 0;
    let streamError: TwilioCallError | undefined;
    while (current !== undefined) {
      documents += 1;
      if (documents > MAX_DOCUMENTS_PER_RUN) return this.call.fail({ code: 11215, message: `Too many redirects: more than ${MAX_DOCUMENTS_PER_RUN} TwiML documents in a row` });
      const document = await this.load(current, signal);
      if (signal.aborted || this.call.isOver) return;
      if (!document.ok) return this.call.fail(document.error);
      current = undefined;
      for (const verb of document.verbs) {
        this.call.answer();
        this.call.record.verbs.push(verb.verb);
        const errorsBefore = this.call.record.errors.length;
        const outcome = await this.execute(verb, signal);
        if (signal.aborted || this.call.isOver || outcome.next === 'stop') return;
        streamError = verb.verb === 'Connect' ? this.call.record.errors.slice(errorsBefore).find((error) => error.code === 31920) : undefined;
        if (outcome.next === 'document') {
          current = outcome.source;
          break;
        }
      }
    }
    // Out of verbs: Twilio hangs up. A stream that never connected is the likelier story.
    if (streamError !== undefined) this.call.fail(streamError);
    else this.call.end({ reason: 'app-hung-up' });
  }

  private async load(source: TwimlSource, signal: AbortSignal): Promise<TwimlParseResult> {
    if (source.kind === 'inline') return parseTwiml(source.twiml, undefined);
    const outcome = await this.call.webhook(
      { purpose: source.purpose, url: source.url, method: source.method, params: { ...this.call.callParams(), ...source.extraParams } },
      signal,
    );
    if (!outcome.ok) return { ok: false, error: outcome.error };
    if (!ACCEPTED_CONTENT_TYPE.test(outcome.contentType)) {
      return { ok: false, error: { code: 12300, message: `Invalid Content-Type "${outcome.contentType}" from ${source.url} (expected TwiML as text/xml)` } };
    }
    return parseTwiml(outcome.body, source.url);
  }

  private async execute(verb: TwimlVerb, signal: AbortSignal): Promise<VerbOutcome> {
    switch (verb.verb) {
      case 'Connect':
        return this.connect(verb, signal);
      case 'Say':
        for (let round = 0; round < verb.loop && !signal.aborted && verb.text.length > 0; round += 1) await this.call.say(verb.text, signal);
        return { next: 'continue' };
      case 'Pause':
        await sleep(verb.lengthSeconds * 1_000, undefined, { signal }).catch(() => undefined);
        return { next: 'continue' };
      case 'Dial':
        this.call.record.dialTarget = verb.target;
        this.call.end({ reason: 'transferred', target: verb.target });
        return { next: 'stop' };
      case 'Hangup':
        this.call.end({ reason: 'app-hung-up' });
        return { next: 'stop' };
      case 'Redirect':
        return { next: 'document', source: { kind: 'url', url: verb.url, method: verb.method, purpose: 'redirect' } };
    }
  }

  private async connect(verb: Extract<TwimlVerb, { verb: 'Connect' }>, signal: AbortSignal): Promise<VerbOutcome> {
    const client = await this.call.openStream(verb.stream, signal);
    if (signal.aborted || this.call.isOver) return { next: 'stop' };
    if (client !== undefined) {
      this.streamStatus(verb.stream, client, 'stream-started');
      const end = await Promise.race([client.ended, whenAborted(signal)]);
      this.streamStatus(verb.stream, client, 'stream-stopped');
      if (end !== 'app-closed') return { next: 'stop' };
    }
    if (verb.action === undefined) return { next: 'continue' };
    return { next: 'document', source: { kind: 'url', url: verb.action, method: verb.method, purpose: 'connect-action' } };
  }

  private streamStatus(instruction: StreamInstruction, client: MediaStreamClient, event: 'stream-started' | 'stream-stopped'): void {
    if (instruction.statusCallback === undefined) return;
    const { AccountSid = '', CallSid = '' } = this.call.callParams();
    void this.call.webhook({
      purpose: 'stream-status-callback',
      url: instruction.statusCallback,
      method: instruction.statusCallbackMethod,
      params: { AccountSid, CallSid, StreamSid: client.streamSid, StreamName: instruction.name ?? client.streamSid, StreamEvent: event, Timestamp: rfc2822(new Date()) },
    });
  }
}

function whenAborted(signal: AbortSignal): Promise<'aborted'> {
  if (signal.aborted) return Promise.resolve('aborted');
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
}

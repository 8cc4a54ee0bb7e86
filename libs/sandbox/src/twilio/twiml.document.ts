import type { TwilioCallError } from './call-leg';
import { isElement, parseXml, XmlSyntaxError, type XmlElement } from './xml.parser';

export type HttpMethod = 'GET' | 'POST';

export interface StreamInstruction {
  readonly url: string;
  readonly name?: string;
  readonly statusCallback?: string;
  readonly statusCallbackMethod: HttpMethod;
  readonly parameters: Readonly<Record<string, string>>;
}

/** The TwiML verbs the stand-in runs, validated and with URLs resolved against the document's URL. */
export type TwimlVerb =
  | { readonly verb: 'Connect'; readonly action?: string; readonly method: HttpMethod; readonly stream: StreamInstruction }
  | { readonly verb: 'Say'; readonly text: string; readonly loop: number; readonly voice?: string; readonly language?: string }
  | { readonly verb: 'Pause'; readonly lengthSeconds: number }
  | { readonly verb: 'Dial'; readonly target: string; readonly noun: 'Number' | 'Sip' | 'Client' | 'Conference' | 'Queue'; readonly callerId?: string }
  | { readonly verb: 'Hangup' }
  | { readonly verb: 'Redirect'; readonly url: string; readonly method: HttpMethod };

export type TwimlParseResult = { readonly ok: true; readonly verbs: readonly TwimlVerb[] } | { readonly ok: false; readonly error: TwilioCallError };

/** Twilio's codes: 12100 document parse failure, 12102 root is not <Response>, 12200 schema validation, 11100 invalid URL, 31941 invalid stream track. */
class TwimlError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

const MAX_PAUSE_SECONDS = 600;
const MAX_SAY_LOOP = 10;

/**
 * Parses and validates a whole TwiML document before anything runs (as Twilio does): a
 * malformed document or an unknown or unsupported verb fails the whole document.
 */
export function parseTwiml(source: string, documentUrl: string | undefined): TwimlParseResult {
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (error) {
    const message = error instanceof XmlSyntaxError ? error.message : String(error);
    return { ok: false, error: { code: 12100, message: `Document parse failure: ${message}` } };
  }
  try {
    if (root.name !== 'Response') throw new TwimlError(12102, `The root element must be <Response>, not <${root.name}>`);
    const verbs = root.children.flatMap((node) => {
      if (isElement(node)) return [toVerb(node, documentUrl)];
      if (node.text.trim().length > 0) throw new TwimlError(12200, 'Text is not allowed directly inside <Response>');
      return [];
    });
    return { ok: true, verbs };
  } catch (error) {
    if (error instanceof TwimlError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

function toVerb(element: XmlElement, documentUrl: string | undefined): TwimlVerb {
  switch (element.name) {
    case 'Connect':
      return connectVerb(element, documentUrl);
    case 'Say':
      return sayVerb(element);
    case 'Pause': {
      noChildren(element);
      const lengthSeconds = integerAttribute(element, 'length', 1);
      if (lengthSeconds < 0 || lengthSeconds > MAX_PAUSE_SECONDS) throw new TwimlError(12200, `<Pause length> must be 0..${MAX_PAUSE_SECONDS}`);
      return { verb: 'Pause', lengthSeconds };
    }
    case 'Dial':
      return dialVerb(element);
    case 'Hangup':
      noChildren(element);
      return { verb: 'Hangup' };
    case 'Redirect': {
      const target = textOf(element).trim();
      if (target.length === 0) throw new TwimlError(12200, '<Redirect> needs a URL');
      return { verb: 'Redirect', url: resolveUrl(target, documentUrl, ['http:', 'https:']), method: methodAttribute(element, 'method') };
    }
    default:
      throw new TwimlError(12200, `Schema validation: <${element.name}> is not a verb the stand-in supports`);
  }
}

function connectVerb(element: XmlElement, documentUrl: string | undefined): TwimlVerb {
  const nouns = element.children.filter(isElement);
  const stream = nouns[0];
  if (nouns.length !== 1 || stream === undefined || stream.name !== 'Stream') {
    throw new TwimlError(12200, '<Connect> must hold exactly one <Stream> (other nouns are not supported by the stand-in)');
  }
  const url = stream.attributes.url;
  if (url === undefined || url.length === 0) throw new TwimlError(12200, '<Stream> needs a url attribute');
  const track = stream.attributes.track ?? 'inbound_track';
  if (track !== 'inbound_track') throw new TwimlError(31941, `<Connect><Stream> accepts only track="inbound_track", not "${track}"`);
  const parameters: Record<string, string> = {};
  for (const node of stream.children) {
    if (!isElement(node)) {
      if (node.text.trim().length > 0) throw new TwimlError(12200, 'Text is not allowed inside <Stream>');
      continue;
    }
    const { name, value } = node.attributes;
    if (node.name !== 'Parameter' || name === undefined) throw new TwimlError(12200, '<Stream> may hold only <Parameter name value>');
    parameters[name] = value ?? '';
  }
  const statusCallback = stream.attributes.statusCallback;
  const action = element.attributes.action;
  return {
    verb: 'Connect',
    action: action === undefined ? undefined : resolveUrl(action, documentUrl, ['http:', 'https:']),
    method: methodAttribute(element, 'method'),
    stream: {
      url: resolveUrl(url, undefined, ['ws:', 'wss:']),
      name: stream.attributes.name,
      statusCallback: statusCallback === undefined ? undefined : resolveUrl(statusCallback, documentUrl, ['http:', 'https:']),
      statusCallbackMethod: methodAttribute(stream, 'statusCallbackMethod'),
      parameters,
    },
  };
}

function sayVerb(element: XmlElement): TwimlVerb {
  const text = textOf(element).trim();
  const loop = integerAttribute(element, 'loop', 1);
  if (loop < 0 || loop > MAX_SAY_LOOP) throw new TwimlError(12200, `<Say loop> must be 0..${MAX_SAY_LOOP}`);
  return { verb: 'Say', text, loop: loop === 0 ? MAX_SAY_LOOP : loop, voice: element.attributes.voice, language: element.attributes.language };
}

function dialVerb(element: XmlElement): TwimlVerb {
  const nouns = element.children.filter(isElement);
  const callerId = element.attributes.callerId;
  if (nouns.length === 0) {
    const target = textOf(element).trim();
    if (target.length === 0) throw new TwimlError(12200, '<Dial> needs a number or a noun');
    return { verb: 'Dial', target, noun: 'Number', callerId };
  }
  const noun = nouns[0];
  if (noun === undefined || !['Number', 'Sip', 'Client', 'Conference', 'Queue'].includes(noun.name)) {
    throw new TwimlError(12200, `<Dial> cannot hold <${noun?.name ?? ''}>`);
  }
  const target = textOf(noun).trim();
  if (target.length === 0) throw new TwimlError(12200, `<${noun.name}> needs a value`);
  return { verb: 'Dial', target, noun: noun.name as 'Number' | 'Sip' | 'Client' | 'Conference' | 'Queue', callerId };
}

function textOf(element: XmlElement): string {
  return element.children.map((node) => {
    if (isElement(node)) throw new TwimlError(12200, `<${element.name}> cannot hold <${node.name}>`);
    return node.text;
  }).join('');
}

function noChildren(element: XmlElement): void {
  if (element.children.some((node) => isElement(node) || node.text.trim().length > 0)) throw new TwimlError(12200, `<${element.name}> takes no content`);
}

function integerAttribute(element: XmlElement, name: string, fallback: number): number {
  const raw = element.attributes[name];
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new TwimlError(12200, `<${element.name} ${name}> must be a whole number`);
  return Number(raw.trim());
}

function methodAttribute(element: XmlElement, name: string): HttpMethod {
  const raw = (element.attributes[name] ?? 'POST').toUpperCase();
  if (raw !== 'GET' && raw !== 'POST') throw new TwimlError(12200, `<${element.name} ${name}> must be GET or POST`);
  return raw;
}

function resolveUrl(raw: string, base: string | undefined, protocols: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new TwimlError(11100, `Invalid URL format: ${raw}`);
  }
  if (!protocols.includes(url.protocol)) throw new TwimlError(11100, `Invalid URL format: ${raw} (expected ${protocols.join(' or ')})`);
  // An absolute URL is requested exactly as written (the signature covers the exact string).
  return URL.canParse(raw) ? raw : url.href;
}

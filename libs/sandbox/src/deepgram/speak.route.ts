import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSwitch } from '../stand-in/fault.switch';
import { emitWithPlan } from '../stand-in/paced-output';
import { sendJson, type StandInRequest } from '../stand-in/stand-in.server';
import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { isAccepted, presentedCredential } from './deepgram.auth';
import { badRequest, faultError, invalidCredentials, invalidQuery } from './deepgram.errors';
import { describeModel } from './listen.messages';
import { parseSpeakQuery, type SpeakQuery } from './speak.query';
import type { SpeechSynthesizer } from './speech.synthesizer';
import { mulawWavHeader } from './wav.header';

export interface SpeakRouteOptions {
  readonly apiKeys: readonly string[];
  readonly agentSpeech: UtteranceRegistry;
  readonly faults: FaultSwitch;
  readonly synthesizer: SpeechSynthesizer;
}

/** Aura's REST text limit. */
export const MAX_SPEAK_CHARACTERS = 2_000;
/** Audio goes out in chunks of 100 ms. */
const SPEAK_CHUNK_BYTES = 800;

/**
 * `POST /v1/speak`: checks the fault plan, the credential, the query and the `{text}` body like
 * Aura, registers the synthesized audio in `agentSpeech`, then streams it chunked (raw mulaw
 * for container=none, a WAV header first for container=wav) under the plan's timing.
 */
export async function handleSpeak(request: StandInRequest, response: ServerResponse, options: SpeakRouteOptions): Promise<void> {
  const requestId = randomUUID();
  const plan = options.faults.next();
  const { fault } = plan;
  if (fault.kind === 'http-error') {
    const retryAfter: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
    return sendJson(response, fault.status, faultError(fault.status, requestId), { 'dg-request-id': requestId, ...retryAfter });
  }
  if (fault.kind === 'hang') return;
  const idHeader = { 'dg-request-id': requestId };
  if (!isAccepted(presentedCredential(request.raw.headers), options.apiKeys)) return sendJson(response, 401, invalidCredentials(requestId), idHeader);
  const parsed = parseSpeakQuery(request.query, 'rest');
  if (!parsed.ok) return sendJson(response, 400, invalidQuery(parsed.message, requestId), idHeader);
  const text = requestText(request.body);
  if (!text.ok) return sendJson(response, 400, badRequest(text.message, requestId), idHeader);

  const audio = options.synthesizer.synthesize(text.text);
  options.agentSpeech.register(text.text, audio);
  const headers = audioHeaders(parsed.query, text.text, requestId);
  const body = parsed.query.container === 'wav' ? Buffer.concat([mulawWavHeader(audio.length), audio]) : Buffer.from(audio);
  if (fault.kind === 'silence') {
    await sleep(plan.firstByteDelayMs);
    if (!response.destroyed) response.writeHead(200, headers).flushHeaders();
    return;
  }
  const outcome = await emitWithPlan(
    plan,
    chunksOf(body),
    (chunk) => write(response, headers, chunk),
    () => dropMidStream(response),
    () => response.destroyed,
  );
  if (outcome === 'completed' && !response.destroyed) {
    if (!response.headersSent) response.writeHead(200, headers);
    response.end();
  }
}

function requestText(body: Buffer): { ok: true; text: string } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, message: 'Content-type was application/json, but we could not process the JSON payload.' };
  }
  const text = typeof parsed === 'object' && parsed !== null && 'text' in parsed ? parsed.text : undefined;
  if (typeof text !== 'string') return { ok: false, message: 'Json deserialize error: missing field `text`.' };
  if (text.trim().length === 0) return { ok: false, message: 'The text to speak must not be empty.' };
  if (text.length > MAX_SPEAK_CHARACTERS) return { ok: false, message: `Text is ${text.length} characters long; the limit is ${MAX_SPEAK_CHARACTERS}.` };
  return { ok: true, text };
}

function audioHeaders(query: SpeakQuery, text: string, requestId: string): Record<string, string> {
  return {
    'content-type': query.container === 'wav' ? 'audio/wav' : 'audio/mulaw',
    'dg-request-id': requestId,
    'dg-model-name': query.model,
    'dg-model-uuid': describeModel(query.model).uuid,
    'dg-char-count': String(text.length),
  };
}

/** The connection drops after what was written so far: the client sees a truncated body. */
function dropMidStream(response: ServerResponse): void {
  if (response.socket === null) response.destroy();
  else response.socket.end();
}

function* chunksOf(body: Buffer): Generator<Uint8Array> {
  for (let offset = 0; offset < body.length; offset += SPEAK_CHUNK_BYTES) yield body.subarray(offset, offset + SPEAK_CHUNK_BYTES);
}

async function write(response: ServerResponse, headers: Record<string, string>, chunk: Uint8Array): Promise<void> {
  if (!response.headersSent) response.writeHead(200, headers);
  if (response.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

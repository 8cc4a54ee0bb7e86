import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FaultPlan } from '../stand-in/fault.plan';
import type { FaultSwitch } from '../stand-in/fault.switch';
import { emitWithPlan } from '../stand-in/paced-output';
import { sendJson, type StandInRequest } from '../stand-in/stand-in.server';
import { audioChunks } from './audio.chunks';
import { checkKey, keyFromHeaders } from './elevenlabs.auth';
import { faultDetail, invalidApiKey, needsAuthorization, unsupportedOutputFormat, validationError, voiceNotFound } from './elevenlabs-error.body';
import { checkOutputFormat, DEFAULT_OUTPUT_FORMAT, ELEVENLABS_OUTPUT_FORMATS, ULAW_CONTENT_TYPE } from './output.format';
import type { SpeechSignalSynthesizer } from './speech-signal.synthesizer';
import type { SynthesisRecord } from './synthesis.record';
import { validateTtsRequest } from './tts-request.schema';
import { decodeVoiceId } from './voice-id';

export interface TextToSpeechDependencies {
  readonly apiKeys: ReadonlySet<string>;
  /** Absent: every voice id is accepted. */
  readonly voiceIds: ReadonlySet<string> | undefined;
  readonly faults: FaultSwitch;
  readonly synthesizer: SpeechSignalSynthesizer;
  readonly syntheses: SynthesisRecord[];
}

const TTS_PATH = /^\/v1\/text-to-speech\/([^/]+)(\/stream)?$/;

/**
 * `POST /v1/text-to-speech/{voice_id}[/stream]`: `xi-api-key` auth, validation, then the
 * synthesized mu-law as a chunked stream (100 ms per chunk) or one body, shaped and timed by
 * the fault plan. Only requests that pass auth and validation take a plan.
 */
export function textToSpeechRoute(deps: TextToSpeechDependencies): (request: StandInRequest, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const requestId = randomUUID().replaceAll('-', '');
    const headers: Record<string, string> = { 'request-id': requestId, 'x-request-id': requestId };
    const match = TTS_PATH.exec(request.path);
    const voiceId = decodeVoiceId(match?.[1] ?? '');
    if (match === null || voiceId === undefined) return sendJson(response, 404, { detail: 'Not Found' }, headers);
    if (request.method !== 'POST') return sendJson(response, 405, { detail: 'Method Not Allowed' }, headers);
    const key = checkKey(keyFromHeaders(request.raw.headers), deps.apiKeys);
    if (key === 'missing') return sendJson(response, 401, needsAuthorization(), headers);
    if (key === 'invalid') return sendJson(response, 401, invalidApiKey(), headers);
    if (deps.voiceIds !== undefined && !deps.voiceIds.has(voiceId)) return sendJson(response, 404, voiceNotFound(voiceId), headers);
    const outputFormat = request.query.get('output_format') ?? DEFAULT_OUTPUT_FORMAT;
    const format = checkOutputFormat(outputFormat);
    if (format === 'unknown') {
      const allowed = ELEVENLABS_OUTPUT_FORMATS.map((value) => `'${value}'`).join(', ');
      return sendJson(response, 422, validationError(['query', 'output_format'], `Input should be ${allowed}`, outputFormat, 'enum'), headers);
    }
    if (format === 'unsupported') return sendJson(response, 400, unsupportedOutputFormat(outputFormat), headers);
    const check = validateTtsRequest(request.body);
    if (!check.ok) return sendJson(response, 422, check.error, headers);

    const plan = deps.faults.next();
    if (plan.fault.kind === 'http-error') {
      const retryAfter: Record<string, string> = plan.fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(plan.fault.retryAfterSeconds) };
      return sendJson(response, plan.fault.status, faultDetail(plan.fault.status), { ...headers, ...retryAfter });
    }
    if (plan.fault.kind === 'hang') return;
    const text = check.request.text.trim();
    const audio = deps.synthesizer.synthesize(text);
    deps.syntheses.push({ text, voiceId, modelId: check.request.model_id ?? undefined, outputFormat, bytes: audio.length, transport: 'http', atMs: Date.now() });
    const audioHeaders = { ...headers, 'content-type': ULAW_CONTENT_TYPE, 'history-item-id': randomUUID().replaceAll('-', '').slice(0, 20), 'x-character-count': String(text.length) };
    await sendAudio(plan, audio, match[2] === '/stream', response, audioHeaders);
  };
}

async function sendAudio(plan: FaultPlan, audio: Uint8Array, streaming: boolean, response: ServerResponse, headers: Record<string, string>): Promise<void> {
  let closed = false;
  response.once('close', () => {
    closed = true;
  });
  const isClosed = (): boolean => closed || response.destroyed;
  if (streaming || plan.fault.kind === 'silence') {
    response.writeHead(200, headers);
    response.flushHeaders();
  }
  const outcome = await emitWithPlan(
    plan,
    streaming ? audioChunks(audio) : [audio],
    (piece) => {
      if (!response.headersSent) response.writeHead(200, { ...headers, 'content-length': String(audio.length) });
      return new Promise<void>((resolve) => {
        if (response.destroyed) return resolve();
        response.write(piece, () => resolve());
      });
    },
    () => response.destroy(),
    isClosed,
  );
  if (outcome === 'completed' && !isClosed()) response.end();
}

import type { ServerResponse } from 'node:http';
import { pcm16ToMulaw, readWavPcm16, TELEPHONY_SAMPLE_RATE_HZ } from '@va/audio';
import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import type { FaultSwitch } from '../stand-in/fault.switch';
import { emitWithPlan } from '../stand-in/paced-output';
import { sendJson, type StandInRequest } from '../stand-in/stand-in.server';
import { transcribeRecording } from './audio-transcript.recognizer';
import { bearerKey } from './bearer.key';
import { faultError, invalidKeyError, missingKeyError, openAiError } from './openai-error.body';

export interface TranscriptionsDependencies {
  readonly apiKeys: ReadonlySet<string>;
  readonly faults: FaultSwitch;
  /** What simulated callers say: the recordings are "recognised" against it. */
  readonly callerSpeech: UtteranceRegistry;
  /** Every accepted request's model and recognised text, in arrival order. */
  readonly accepted: TranscriptionRecord[];
}

export interface TranscriptionRecord {
  readonly model: string;
  readonly text: string;
  readonly audioBytes: number;
}

export const TRANSCRIPTIONS_PATH = '/v1/audio/transcriptions';

/**
 * `POST /v1/audio/transcriptions` (multipart: `file`, `model`, optional `response_format`
 * json | text): Bearer auth, then the recording's words as `{ text }`, shaped and timed by the
 * fault plan like the chat route. WAV files only (PCM16, 8 kHz), which is what the platform sends.
 */
export function transcriptionsRoute(deps: TranscriptionsDependencies): (request: StandInRequest, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const headers: Record<string, string> = { 'openai-version': '2020-10-01', 'openai-processing-ms': '1' };
    const key = bearerKey(request.raw.headers.authorization);
    if (key === undefined) return sendJson(response, 401, missingKeyError(), headers);
    if (!deps.apiKeys.has(key)) return sendJson(response, 401, invalidKeyError(key), headers);
    const form = await readForm(request);
    if (form === undefined) return sendJson(response, 400, openAiError('Could not parse multipart form'), headers);
    const file = form.get('file');
    const model = form.get('model');
    if (!(file instanceof Blob)) return sendJson(response, 400, missingParameter('file'), headers);
    if (typeof model !== 'string' || model === '') return sendJson(response, 400, missingParameter('model'), headers);
    const mulaw = await telephonyAudioOf(file);
    if (mulaw === undefined) {
      return sendJson(response, 400, openAiError('Audio file might be corrupted or unsupported', 'invalid_request_error', 'file', 'invalid_value'), headers);
    }
    const text = transcribeRecording(mulaw, deps.callerSpeech);
    deps.accepted.push({ model, text, audioBytes: mulaw.length });
    const plan = deps.faults.next();
    if (plan.fault.kind === 'http-error') return sendJson(response, plan.fault.status, faultError(plan.fault.status), headers);
    if (plan.fault.kind === 'hang') return;
    const asText = form.get('response_format') === 'text';
    const body = Buffer.from(asText ? `${text}\n` : JSON.stringify({ text }), 'utf8');
    const contentType = asText ? 'text/plain; charset=utf-8' : 'application/json';
    if (plan.fault.kind === 'silence') {
      response.writeHead(200, { 'content-type': contentType, ...headers });
      response.flushHeaders();
      return;
    }
    const outcome = await emitWithPlan(
      plan,
      [body],
      (piece) => {
        if (!response.headersSent) response.writeHead(200, { 'content-type': contentType, 'content-length': String(body.length), ...headers });
        response.write(piece);
      },
      () => response.destroy(),
      () => response.destroyed,
    );
    if (outcome === 'completed') response.end();
  };
}

async function readForm(request: StandInRequest): Promise<FormData | undefined> {
  try {
    return await new Response(request.body, { headers: { 'content-type': request.raw.headers['content-type'] ?? '' } }).formData();
  } catch {
    return undefined;
  }
}

/** The upload as telephony mu-law, or undefined when it is not a WAV at 8 kHz. */
async function telephonyAudioOf(file: Blob): Promise<Uint8Array | undefined> {
  try {
    const wav = readWavPcm16(new Uint8Array(await file.arrayBuffer()));
    return wav.sampleRateHz === TELEPHONY_SAMPLE_RATE_HZ ? pcm16ToMulaw(wav.samples) : undefined;
  } catch {
    return undefined;
  }
}

function missingParameter(param: string) {
  return openAiError(`Missing required parameter: '${param}'.`, 'invalid_request_error', param, 'missing_required_parameter');
}

import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FaultPlan } from '../stand-in/fault.plan';
import type { FaultSwitch } from '../stand-in/fault.switch';
import { emitWithPlan } from '../stand-in/paced-output';
import { sendJson, type StandInRequest } from '../stand-in/stand-in.server';
import { bearerKey } from './bearer.key';
import { chatCompletionBody } from './chat-completion.body';
import { chatCompletionChunkGroups } from './chat-completion.chunks';
import type { ChatRequest } from './chat-request.schema';
import { validateChatRequest } from './chat-request.validator';
import { planTurn, type ChatTurn } from './chat-turn.plan';
import type { ChatScript } from './chat.script';
import { faultError, invalidKeyError, invalidUrlError, missingKeyError } from './openai-error.body';

export interface ChatCompletionsDependencies {
  readonly apiKeys: ReadonlySet<string>;
  readonly script: ChatScript;
  readonly faults: FaultSwitch;
  /** Every request that passed auth and validation, in arrival order. */
  readonly accepted: ChatRequest[];
}

const CHAT_COMPLETIONS_PATH = '/v1/chat/completions';

/**
 * `POST /v1/chat/completions`: Bearer auth, validation, then the scripted turn as JSON or SSE,
 * shaped and timed by the fault plan. Only requests that pass auth and validation take a plan.
 */
export function chatCompletionsRoute(deps: ChatCompletionsDependencies): (request: StandInRequest, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const headers: Record<string, string> = { 'x-request-id': `req_${randomUUID().replaceAll('-', '')}`, 'openai-version': '2020-10-01', 'openai-processing-ms': '1' };
    if (request.path !== CHAT_COMPLETIONS_PATH || request.method !== 'POST') {
      sendJson(response, 404, invalidUrlError(request.method, request.path), headers);
      return;
    }
    const key = bearerKey(request.raw.headers.authorization);
    if (key === undefined) return sendJson(response, 401, missingKeyError(), headers);
    if (!deps.apiKeys.has(key)) return sendJson(response, 401, invalidKeyError(key), headers);
    const check = validateChatRequest(request.body);
    if (!check.ok) return sendJson(response, 400, check.error, headers);
    deps.accepted.push(check.request);
    const plan = deps.faults.next();
    if (plan.fault.kind === 'http-error') {
      const retryAfter: Record<string, string> = plan.fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(plan.fault.retryAfterSeconds) };
      return sendJson(response, plan.fault.status, faultError(plan.fault.status), { ...headers, ...retryAfter });
    }
    if (plan.fault.kind === 'hang') return;
    const turn = planTurn(deps.script.answer(check.request), check.request);
    if (check.request.stream === true) {
      await streamTurn(plan, turn, check.request.stream_options?.include_usage === true, response, headers);
    } else {
      await answerTurn(plan, turn, response, headers);
    }
  };
}

async function streamTurn(plan: FaultPlan, turn: ChatTurn, includeUsage: boolean, response: ServerResponse, headers: Record<string, string>): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', ...headers });
  response.flushHeaders();
  const closed = watchClosed(response);
  const groups = chatCompletionChunkGroups(turn, includeUsage).map((group) => Buffer.from(group, 'utf8'));
  const outcome = await emitWithPlan(
    plan,
    groups,
    (piece) => writeChunk(response, piece),
    () => response.destroy(),
    closed,
  );
  if (outcome === 'completed' && !closed()) response.end();
}

/** Non-streaming: the whole body after the turn's generation time (first token plus the rate). */
async function answerTurn(plan: FaultPlan, turn: ChatTurn, response: ServerResponse, headers: Record<string, string>): Promise<void> {
  const body = Buffer.from(JSON.stringify(chatCompletionBody(turn)), 'utf8');
  if (plan.fault.kind === 'silence') {
    response.writeHead(200, { 'content-type': 'application/json', ...headers });
    response.flushHeaders();
    return;
  }
  const closed = watchClosed(response);
  const tokens = turn.contentPieces.length + turn.toolCalls.reduce((sum, call) => sum + call.argumentPieces.length, 0);
  const generationMs = plan.chunkIntervalMs * Math.max(0, tokens - 1);
  async function* whole(): AsyncGenerator<Uint8Array> {
    if (generationMs > 0) await new Promise((resolve) => setTimeout(resolve, generationMs));
    yield body;
  }
  const outcome = await emitWithPlan(
    plan,
    whole(),
    (piece) => {
      if (!response.headersSent) response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length), ...headers });
      return writeChunk(response, piece);
    },
    () => response.destroy(),
    closed,
  );
  if (outcome === 'completed' && !closed()) response.end();
}

function watchClosed(response: ServerResponse): () => boolean {
  let closed = false;
  response.once('close', () => {
    closed = true;
  });
  return () => closed || response.destroyed;
}

function writeChunk(response: ServerResponse, piece: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (response.destroyed) return resolve();
    response.write(piece, () => resolve());
  });
}

import type { ServerResponse } from 'node:http';
import type { StandInRequest } from '../stand-in/stand-in.server';
import { TRANSCRIPTIONS_PATH } from './transcriptions.route';

type Route = (request: StandInRequest, response: ServerResponse) => Promise<void>;

/** The stand-in's HTTP routes by path: transcriptions, and chat completions for the rest (it answers unknown paths). */
export function openAiRoutes(routes: { readonly chatCompletions: Route; readonly transcriptions: Route }): Route {
  return (request, response) =>
    request.path === TRANSCRIPTIONS_PATH && request.method === 'POST' ? routes.transcriptions(request, response) : routes.chatCompletions(request, response);
}

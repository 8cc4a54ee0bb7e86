import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ArgumentsHost, Catch, HttpException, Inject } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Logger } from '@va/observability';
import { LOGGER } from '@va/service-kit';
import { ApiError, type ApiErrorBody } from './api.errors';

/** Paths whose errors this filter answers; everything else keeps Nest's own answers. */
export const API_PATH_PREFIX = '/v1';

/**
 * Every error of the broker API as `{ error, message, fields? }` JSON: ApiErrors as they are,
 * framework errors (unknown route, malformed JSON, body too large) mapped to the same shape,
 * anything else a 500 with no detail (logged by type only: messages may quote input).
 */
@Catch()
export class ApiErrorFilter extends BaseExceptionFilter {
  @Inject(LOGGER) private readonly logger!: Logger;

  override catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<IncomingMessage>();
    const path = (request.url ?? '').split('?')[0] ?? '';
    if (path !== API_PATH_PREFIX && !path.startsWith(`${API_PATH_PREFIX}/`)) {
      super.catch(exception, host);
      return;
    }
    const { status, body } = this.answerFor(exception);
    const response = http.getResponse<ServerResponse>();
    if (response.headersSent) {
      response.end();
      return;
    }
    response.statusCode = status;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(body));
  }

  private answerFor(exception: unknown): { status: number; body: ApiErrorBody } {
    if (exception instanceof ApiError) return { status: exception.status, body: exception.body };
    const status = statusOf(exception);
    // The framework's own 400s: a body that is not valid JSON, or a URL with a broken %-escape.
    if (status === 400) return { status, body: { error: 'invalid_request', message: 'the request could not be parsed', fields: [{ path: '', message: 'malformed JSON body or URL encoding' }] } };
    if (status === 404) return { status, body: { error: 'not_found', message: 'no such route' } };
    if (status === 413) return { status, body: { error: 'payload_too_large', message: 'the request body is too large' } };
    if (status === 415) return { status, body: { error: 'unsupported_media_type', message: 'unsupported Content-Type' } };
    if (status !== undefined && status >= 400 && status < 500) return { status, body: { error: 'invalid_request', message: 'the request was refused' } };
    this.logger.error('broker api request failed', { errorType: exception instanceof Error ? exception.name : typeof exception, code: codeOf(exception) });
    return { status: 500, body: { error: 'internal', message: 'internal error' } };
  }
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  if (typeof exception === 'object' && exception !== null) {
    const { status, statusCode } = exception as { status?: unknown; statusCode?: unknown };
    if (typeof status === 'number') return status;
    if (typeof statusCode === 'number') return statusCode;
  }
  return undefined;
}

function codeOf(exception: unknown): string | undefined {
  const code = typeof exception === 'object' && exception !== null ? (exception as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { HTTP_REQUESTS_COUNTER, type HttpRequestsCounter } from './http-requests.counter';

interface RoutedRequest {
  readonly method: string;
  /** Set by the router to the matched route; `path` is the template (`/calls/:id`), never the raw URL. */
  readonly route?: { readonly path?: unknown };
}

interface FinishingResponse {
  readonly statusCode: number;
  once(event: 'finish', listener: () => void): unknown;
}

/** Counts every request that reached a route, with the status actually sent (errors included). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(@Inject(HTTP_REQUESTS_COUNTER) private readonly requests: HttpRequestsCounter) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<RoutedRequest>();
    const response = http.getResponse<FinishingResponse>();
    const template = request.route?.path;
    const route = typeof template === 'string' ? template : 'unknown';
    response.once('finish', () => {
      this.requests.inc({ route, method: request.method, status: String(response.statusCode) });
    });
    return next.handle();
  }
}

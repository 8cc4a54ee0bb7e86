import type { IncomingMessage } from 'node:http';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '@va/data';
import { SQL_DATABASE } from '@va/service-kit';
import { ApiError } from '../http/api.errors';
import type { ApiCaller } from './api.caller';
import { bearerToken, resolveApiKey } from './api-key.resolver';

/** A request once the guard has let it in. */
export type AuthenticatedRequest = IncomingMessage & { apiCaller?: ApiCaller };

/** Admits a request with a known API key and attaches its caller; 401, same body, otherwise. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    const caller = token === null ? null : await resolveApiKey(this.db, token);
    if (caller === null) throw ApiError.unauthorized();
    request.apiCaller = caller;
    return true;
  }
}

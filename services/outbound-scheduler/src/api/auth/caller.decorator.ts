import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './api-key.guard';

/** The authenticated caller of the request (controllers guarded by ApiKeyGuard only). */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().apiCaller;
  if (caller === undefined) throw new Error('Caller used on a route without ApiKeyGuard');
  return caller;
});

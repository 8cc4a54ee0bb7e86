import type { LoggerService } from '@nestjs/common';
import type { Logger } from './logger';

type AdapterLevel = 'debug' | 'info' | 'warn' | 'error';

/** Message used when Nest logs something other than a string; the value goes in `detail`. */
const NON_STRING_MESSAGE = 'nest logged a non-string message';

/**
 * Nest calls `log(message, ...params, context)`, and `error(message, stack?, context?)`.
 * The trailing string is the context; for errors a leading string parameter is the stack.
 */
function toFields(message: unknown, params: readonly unknown[], level: AdapterLevel) {
  const rest = [...params];
  const fields: Record<string, unknown> = {};
  if (rest.length > 0 && typeof rest[rest.length - 1] === 'string') fields['context'] = rest.pop();
  if (level === 'error' && typeof rest[0] === 'string') fields['stack'] = rest.shift();
  const details = rest.filter((param) => param !== undefined);
  if (details.length > 0) fields['details'] = details;
  if (typeof message === 'string') return { msg: message, fields };
  fields['detail'] = message;
  return { msg: NON_STRING_MESSAGE, fields };
}

/**
 * Nest's `log` level is framework chatter (modules initialised, routes mapped), so it is
 * written at debug; the service's own "service listening" line says when it is up.
 */
class NestLoggerAdapter implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  private write(level: AdapterLevel, message: unknown, params: readonly unknown[]): void {
    const { msg, fields } = toFields(message, params, level);
    this.logger[level](msg, fields);
  }
}

/** Routes Nest's own logs through a Logger, so they are JSON and redacted like ours. */
export function createNestLoggerAdapter(logger: Logger): LoggerService {
  return new NestLoggerAdapter(logger);
}

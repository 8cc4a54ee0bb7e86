import { trace } from '@opentelemetry/api';
import pino from 'pino';
import type { Logger } from './logger';
import { redactFields, redactString } from './phi.redactor';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** Where JSON lines go; defaults to stdout. Tests pass a collector. */
export interface LogDestination {
  write(line: string): void;
}

export interface LoggerOptions {
  readonly service: string;
  readonly level?: LogLevel;
  readonly destination?: LogDestination;
}

type WriteLevel = 'debug' | 'info' | 'warn' | 'error';

/** Field names the logger writes itself; a caller's field with one of these names is renamed. */
const RESERVED_FIELDS: ReadonlySet<string> = new Set(['time', 'level', 'service', 'msg', 'traceId', 'spanId']);

function withoutReservedNames(fields: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    result[RESERVED_FIELDS.has(key) ? `field_${key}` : key] = value;
  }
  return result;
}

/** Every field, binding and message passes through PHI redaction before pino sees it. */
class PinoJsonLogger implements Logger {
  constructor(private readonly output: pino.Logger) {}

  debug(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.write('debug', message, fields);
  }

  info(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.write('info', message, fields);
  }

  warn(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.write('warn', message, fields);
  }

  error(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.write('error', message, fields);
  }

  child(bindings: Readonly<Record<string, unknown>>): Logger {
    return new PinoJsonLogger(this.output.child(withoutReservedNames(redactFields(bindings))));
  }

  private write(level: WriteLevel, message: string, fields: Readonly<Record<string, unknown>> | undefined): void {
    if (!this.output.isLevelEnabled(level)) return;
    this.output[level](withoutReservedNames(redactFields(fields ?? {})), redactString(message));
  }
}

/** Adds the active span's ids so log lines can be joined with traces. */
function traceCorrelation(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (span === undefined) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/** JSON lines: {"level":"info","time":"<ISO>","service":"...","msg":"...", ...fields}. */
export function createLogger(options: LoggerOptions): Logger {
  const output = pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: traceCorrelation,
    },
    options.destination,
  );
  return new PinoJsonLogger(output);
}

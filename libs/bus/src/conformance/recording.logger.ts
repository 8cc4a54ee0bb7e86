import type { Logger } from '@va/observability';

/** A logger that records entries instead of printing them, so tests can assert on logs. */
export class RecordingLogger implements Logger {
  readonly entries: Array<{ level: string; message: string; fields: Readonly<Record<string, unknown>> }> = [];

  debug(message: string, fields: Readonly<Record<string, unknown>> = {}): void {
    this.entries.push({ level: 'debug', message, fields });
  }
  info(message: string, fields: Readonly<Record<string, unknown>> = {}): void {
    this.entries.push({ level: 'info', message, fields });
  }
  warn(message: string, fields: Readonly<Record<string, unknown>> = {}): void {
    this.entries.push({ level: 'warn', message, fields });
  }
  error(message: string, fields: Readonly<Record<string, unknown>> = {}): void {
    this.entries.push({ level: 'error', message, fields });
  }
  child(): Logger {
    return this;
  }
}

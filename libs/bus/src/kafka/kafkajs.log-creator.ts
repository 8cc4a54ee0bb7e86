import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from '@va/observability';

/** Routes kafkajs's own logs into the service logger (JSON, redacted), warnings and up only. */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () => ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, logger: _source, ...fields } = log;
    const entry = { namespace, detail: message, ...fields };
    if (level === logLevel.ERROR || level === logLevel.NOTHING) logger.error('kafka client error', entry);
    else if (level === logLevel.WARN) logger.warn('kafka client warning', entry);
    else logger.debug('kafka client log', entry);
  };
}

export type { Logger } from './logger';
export { createLogger, type LogDestination, type LoggerOptions, type LogLevel } from './json.logger';
export { createNestLoggerAdapter } from './nest-logger.adapter';
export { isPhiKey, REDACTED } from './phi.policy';
export { isPhiFree, redactFields, redactPhi, redactString } from './phi.redactor';
export { assertSafeLabelValue, UnsafeLabelValueError } from './label.guard';
export { createMetricsRegistry, type MetricsRegistry } from './metrics.registry';
export { safeSpanAttributes } from './span.attributes';
export { initTracing, type TracingHandle, type TracingOptions } from './tracing';

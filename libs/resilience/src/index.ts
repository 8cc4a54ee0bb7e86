export { ProviderFailure, failureReasonOf, type FailureReason } from './provider.failure';
export { BreakerMetrics, BREAKER_STATE_VALUE, type BreakerState } from './breaker.metrics';
export { ProviderBreaker, type BreakerOptions } from './provider.breaker';
export { FailoverChain, ChainExhaustedError, type ChainLink, type ChainOptions, type ChainResult } from './failover.chain';
export { breakerConfigShape, breakerOptionsFromConfig } from './breaker.config';

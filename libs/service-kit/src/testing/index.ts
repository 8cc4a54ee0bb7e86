export { describeServiceBoot, listeningPort, type ServiceBootOptions } from './service-boot.suite';
export { ServiceProcess, type LogLine, type ProcessExit } from './service.process';
export {
  assertConfigRejected,
  assertGracefulExit,
  assertJsonLogLines,
  assertLive,
  assertReadyMetrics,
  waitUntilReady,
  type ReadyBody,
} from './service.assertions';
export { distributedServiceEnv, DEPENDENCY_VARIABLES } from './service.env';
export { deleteTopicsWithPrefix } from './kafka-topics.cleanup';
export { httpGet, httpGetJson, type HttpAnswer } from './http.get';
export { freePortRange } from './free-port.range';

export type {
  AnsweringMachineAction,
  EngineAction,
  EngineContext,
  EngineEvent,
  EngineStep,
  HangUpReason,
  ToolOutcomeView,
  TurnEngine,
} from './turn-engine.contract';
export { DeterministicEngine } from './deterministic.engine';
export { EngineTemplateError } from './engine-template.error';
export { ENGINE_POLICY } from './engine.policy';
export { llmMayAnswer } from './llm-turn.policy';
export { FACT } from './engine-fact.names';

export type { ChatMessage, ChatModel, ChatTurnRequest, FinishReason, ModelEvent, ToolCallRequest, ToolSpec } from './chat.model';
export { OpenAiChatModel, type OpenAiChatModelOptions } from './openai-chat.model';
export { ChatModelChain, DEFAULT_LLM_STALL_TIMEOUT_MS, type ChainedModelEvent, type ChatModelChainOptions } from './chat-model.chain';
export { segmentSpeech, type SpeechEvent, type SpeechSegment } from './speech-segmenter';
export {
  chatModelChainFromConfig,
  chatModelsFromConfig,
  llmConfigShape,
  PRIMARY_LLM_NAME,
  SECONDARY_LLM_NAME,
  type LlmChainDeps,
  type LlmConfig,
} from './llm.config';

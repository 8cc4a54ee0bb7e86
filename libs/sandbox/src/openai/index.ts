export { OpenAiStandIn, type OpenAiStandInOptions } from './openai.stand-in';
export { ChatScript, DEFAULT_CHAT_REPLY, type ChatReply, type ChatReplySource, type ScriptedToolCall, type ScriptEntryOptions } from './chat.script';
export {
  allOf,
  always,
  lastMessageIsFromUser,
  lastMessageIsToolResult,
  lastUserMessageContains,
  lastUserMessageMatches,
  offersTool,
  type ChatMatcher,
} from './chat.matchers';
export { messageText, type ChatMessage, type ChatRequest, type ChatTool } from './chat-request.schema';
export type { OpenAiErrorBody } from './openai-error.body';
export type { TranscriptionRecord } from './transcriptions.route';

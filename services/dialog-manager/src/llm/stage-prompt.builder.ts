import type { StageDefinition } from '../flows';
import type { ChatMessage, ChatTurnRequest, ToolSpec } from './chat.model';

/** One line of the conversation as the caller heard it (agent) or said it (caller). */
export interface PromptLine {
  readonly role: 'caller' | 'agent';
  readonly text: string;
}

export interface StagePromptInput {
  readonly agentName: string;
  readonly tenantName: string;
  readonly stage: StageDefinition;
  /** Only the stage's prompt fields (stagePromptFacts): nothing else about the caller is sent. */
  readonly facts: Readonly<Record<string, string>>;
  /** The conversation since the stage began. */
  readonly conversation: readonly PromptLine[];
  readonly tools: readonly ToolSpec[];
}

const RULES = [
  'You are on a live phone call. Answer in one to three short spoken sentences: no lists, no markdown, no emojis.',
  'Use only the facts below and what tools return. If you do not know, say so and offer to have someone call back.',
  'Never give medical advice. Never promise a price: prices are ranges and a licensed broker confirms them.',
  'Never ask for, guess or repeat a date of birth, member ID or any other identity detail in this step.',
];

/** The system prompt and messages of one LLM turn in a conversational stage. */
export function buildStagePrompt(input: StagePromptInput): ChatTurnRequest {
  const facts = Object.entries(input.facts).map(([name, value]) => `- ${name}: ${value}`);
  const system = [
    `You are ${input.agentName}, the phone assistant of ${input.tenantName}.`,
    ...RULES,
    `This step's goal: ${input.stage.goal}`,
    facts.length === 0 ? 'No facts about the caller are needed in this step.' : `Facts for this step:\n${facts.join('\n')}`,
    `When the caller's answer settles this step, call finish_stage with one of: ${Object.keys(input.stage.next).join(', ')}.`,
  ].join('\n');
  const messages: ChatMessage[] = [
    { role: 'system', content: system },
    ...input.conversation.map((line): ChatMessage => (line.role === 'caller' ? { role: 'user', content: line.text } : { role: 'assistant', content: line.text })),
  ];
  return { messages, tools: input.tools };
}

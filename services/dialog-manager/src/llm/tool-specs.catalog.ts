import type { ToolSpec } from './chat.model';

/** A tool as the model is offered it, and the arguments the call fills in itself (never the model). */
export interface OfferedTool {
  readonly spec: ToolSpec;
  /** Arguments taken from the call (e.g. the client being called), added to what the model wrote. */
  readonly boundArguments: readonly BoundArgument[];
}

/** Call values a tool argument can be bound to. */
export type BoundArgument = 'clientId';

const COVERAGE = { type: 'string', enum: ['dental', 'vision', 'hearing', 'other'] } as const;
const HOUSEHOLD = { type: 'string', enum: ['individual', 'spouse', 'family'], description: 'Who the plan would cover.' } as const;

/**
 * The tools a conversational stage may offer the model, with JSON schemas that match the
 * tool-executor's argument checks. The executor validates again: a wrong argument comes back
 * as a structured error the model can act on.
 */
export const OFFERABLE_TOOLS: Readonly<Record<string, OfferedTool>> = {
  check_eligibility: {
    spec: {
      name: 'check_eligibility',
      description: 'Whether the client on this call is eligible for a coverage (or a product code), and which product fits.',
      parameters: { type: 'object', properties: { coverage: COVERAGE, productCode: { type: 'string' } }, additionalProperties: false },
    },
    boundArguments: ['clientId'],
  },
  get_product_pricing: {
    spec: {
      name: 'get_product_pricing',
      description: 'Monthly price range in dollars for a product code or a coverage, for a household. Quote it as an estimate, never a guarantee.',
      parameters: { type: 'object', properties: { productCode: { type: 'string' }, coverage: COVERAGE, household: HOUSEHOLD }, required: ['household'], additionalProperties: false },
    },
    boundArguments: [],
  },
  lookup_faq: {
    spec: {
      name: 'lookup_faq',
      description: "Search the office's knowledge base (hours, accepted insurance, locations, services, policies). Answer only from what it returns.",
      parameters: { type: 'object', properties: { question: { type: 'string', maxLength: 300 } }, required: ['question'], additionalProperties: false },
    },
    boundArguments: [],
  },
};

/** The stage's allowed tools that can be offered to the model, in the stage's order. */
export function offeredToolsOf(allowedTools: readonly string[]): OfferedTool[] {
  return allowedTools.flatMap((name) => {
    const offered = OFFERABLE_TOOLS[name];
    return offered === undefined ? [] : [offered];
  });
}

import { envVar } from '@va/config';
import { breakerConfigShape } from '@va/resilience';
import type { z } from 'zod';
import { llmConfigShape } from '../llm';

/** The dialog-manager's own variables: the tool timeout, the LLM chain and its breakers. */
export const dialogConfigShape = Object.freeze({
  /** How long a tool may take before the conversation goes on without it (offering a callback). */
  DIALOG_TOOL_TIMEOUT_MS: envVar.durationMs(8_000),
  ...llmConfigShape,
  ...breakerConfigShape,
});

export type DialogConfig = z.output<z.ZodObject<typeof dialogConfigShape>>;

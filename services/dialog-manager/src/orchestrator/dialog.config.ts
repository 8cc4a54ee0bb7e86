import { envVar } from '@va/config';

/** The dialog-manager's own variables. */
export const dialogConfigShape = Object.freeze({
  /** How long a tool may take before the conversation goes on without it (offering a callback). */
  DIALOG_TOOL_TIMEOUT_MS: envVar.durationMs(8_000),
});

export type DialogConfig = { readonly DIALOG_TOOL_TIMEOUT_MS: number };

/** One tool call as the executor receives it (from a tool.request message). */
export interface ToolRequestInput {
  readonly tenantId: string;
  readonly callId: string;
  readonly turnId: string;
  readonly toolName: string;
  readonly argumentsJson: string;
  /** Derived from call and turn by the dialog manager; repeated, it changes nothing twice. */
  readonly idempotencyKey: string;
}

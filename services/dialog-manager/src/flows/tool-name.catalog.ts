/**
 * The tools the agent may call (DOMAIN.md, "Tools the agent may call"). The tool-executor owns
 * their implementations; a flow names them here only, so a stage cannot offer a tool that
 * does not exist.
 */
export const TOOL_NAMES = [
  'get_client_profile',
  'check_eligibility',
  'get_product_pricing',
  'check_broker_availability',
  'schedule_appointment',
  'reschedule_appointment',
  'cancel_appointment',
  'record_consent',
  'add_to_dnc',
  'take_message',
  'request_callback',
  'lookup_faq',
  'save_intake',
  'transfer_to_human',
  'end_call',
] as const;

export type ToolName = (typeof TOOL_NAMES)[number];

/** The tools the cross-cutting handlers use at any stage; a stage need not list them. */
export const HANDLER_TOOL_NAMES: readonly ToolName[] = ['add_to_dnc', 'transfer_to_human', 'request_callback', 'end_call'];

const toolNames: ReadonlySet<string> = new Set(TOOL_NAMES);

export function isToolName(name: string): name is ToolName {
  return toolNames.has(name);
}

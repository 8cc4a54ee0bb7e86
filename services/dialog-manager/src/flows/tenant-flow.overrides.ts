import { z } from 'zod';
import type { FlowDefinition } from './flow.definition';

const text = z.string().trim().min(1).max(600);

/**
 * What a tenant may change in its flows, from `tenants.settings.flow`. A greeting replaces the
 * initial stage's `enter` text of the flow of that direction and must still say the disclosures.
 */
export const tenantFlowOverridesSchema = z.strictObject({
  agentName: z.string().trim().min(1).max(40).optional(),
  voiceId: z.string().trim().min(1).max(100).optional(),
  greeting: z.strictObject({ inbound: text.optional(), outbound: text.optional() }).optional(),
  disclosures: z.strictObject({ automated: text.optional(), recording: text.optional() }).optional(),
});

export type TenantFlowOverrides = z.infer<typeof tenantFlowOverridesSchema>;

/** The flow with the overrides merged in; the input is left untouched. The result still needs validating. */
export function applyTenantFlowOverrides(flow: FlowDefinition, overrides: TenantFlowOverrides): FlowDefinition {
  const merged = structuredClone(flow);
  if (overrides.agentName !== undefined) merged.agent.name = overrides.agentName;
  if (overrides.voiceId !== undefined) merged.agent.voiceId = overrides.voiceId;
  if (overrides.disclosures?.automated !== undefined) merged.disclosures.automated = overrides.disclosures.automated;
  if (overrides.disclosures?.recording !== undefined) merged.disclosures.recording = overrides.disclosures.recording;
  const greeting = overrides.greeting?.[flow.direction];
  const initial = merged.stages[merged.initialStage];
  if (greeting !== undefined && initial !== undefined) initial.say.enter = greeting;
  return merged;
}

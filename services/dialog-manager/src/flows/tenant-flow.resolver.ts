import type { z } from 'zod';
import { DEFAULT_FLOWS, type DefaultFlowCatalog, type TenantKind } from './default-flow.catalog';
import type { FlowDefinition, FlowDirection } from './flow.definition';
import { validateFlow } from './flow.validator';
import { applyTenantFlowOverrides, tenantFlowOverridesSchema } from './tenant-flow.overrides';

export interface TenantFlowRequest {
  readonly direction: FlowDirection;
  readonly tenantKind: TenantKind;
  /** `tenants.settings` as stored (any JSON); the overrides are read from its `flow` member. */
  readonly tenantSettings: unknown;
}

export type TenantFlowResolution =
  | {
      readonly ok: true;
      /** A fresh copy, safe to keep for the call. */
      readonly flow: FlowDefinition;
      readonly overridesApplied: boolean;
      /** Why the tenant's overrides were ignored (paths and rule names only; safe to log). Empty when they were applied or absent. */
      readonly problems: readonly string[];
    }
  | { readonly ok: false; readonly reason: 'no-flow-for-tenant-kind' };

function issuePath(issue: z.core.$ZodIssue): string {
  return ['settings', 'flow', ...issue.path.map(String)].join('.');
}

function flowSettings(tenantSettings: unknown): unknown {
  if (typeof tenantSettings !== 'object' || tenantSettings === null) return undefined;
  return (tenantSettings as Record<string, unknown>)['flow'];
}

function validDefault(flow: FlowDefinition): FlowDefinition {
  const validation = validateFlow(flow);
  if (!validation.ok) throw new Error(`default flow ${flow.id} is invalid: ${validation.problems.join('; ')}`);
  return validation.flow;
}

/**
 * The flow for a call: the default for its direction and tenant kind, with the tenant's overrides
 * merged and the result validated again. Bad overrides (wrong shape, or a merged flow that breaks
 * a rule, e.g. a greeting without the disclosures) are reported in `problems` and ignored as a
 * whole: the default flow is used. Throws only when a default flow itself is invalid (a bug).
 */
export function resolveTenantFlow(request: TenantFlowRequest, defaults: DefaultFlowCatalog = DEFAULT_FLOWS): TenantFlowResolution {
  const defaultFlow = defaults[request.direction][request.tenantKind];
  if (defaultFlow === undefined) return { ok: false, reason: 'no-flow-for-tenant-kind' };
  const base = validDefault(defaultFlow);
  const settings = flowSettings(request.tenantSettings);
  if (settings === undefined) return { ok: true, flow: base, overridesApplied: false, problems: [] };
  const overrides = tenantFlowOverridesSchema.safeParse(settings);
  if (!overrides.success) {
    return { ok: true, flow: base, overridesApplied: false, problems: overrides.error.issues.map((issue) => `${issuePath(issue)}: ${issue.message}`) };
  }
  const merged = validateFlow(applyTenantFlowOverrides(base, overrides.data));
  if (!merged.ok) {
    return { ok: true, flow: base, overridesApplied: false, problems: merged.problems.map((problem) => `flow with settings.flow applied: ${problem}`) };
  }
  return { ok: true, flow: merged.flow, overridesApplied: true, problems: [] };
}

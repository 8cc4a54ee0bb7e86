export {
  END_STAGE,
  SLOT_KINDS,
  flowDefinitionSchema,
  type FlowDefinition,
  type FlowDirection,
  type FlowHandlers,
  type SlotDefinition,
  type SlotKind,
  type StageDefinition,
  type StageLine,
  type StageSayings,
} from './flow.definition';
export { validateFlow, type FlowValidation } from './flow.validator';
export { OUTBOUND_CROSS_SELL_FLOW } from './outbound-cross-sell.flow';
export { INBOUND_RECEPTION_FLOW, INBOUND_BROKERAGE_RECEPTION_FLOW } from './inbound-reception.flow';
export { DEFAULT_FLOWS, type DefaultFlowCatalog, type TenantKind } from './default-flow.catalog';
export { resolveTenantFlow, type TenantFlowRequest, type TenantFlowResolution } from './tenant-flow.resolver';
export { tenantFlowOverridesSchema, type TenantFlowOverrides } from './tenant-flow.overrides';
export { renderTemplate, describeMissingPlaceholders, type TemplateRenderResult, type TemplateValues } from './template.renderer';
export { renderStageLine, renderHandlerLine } from './stage-line.renderer';
export { scanTemplate, type TemplateScan } from './template.placeholders';
export { TOOL_NAMES, HANDLER_TOOL_NAMES, isToolName, type ToolName } from './tool-name.catalog';
export { CLIENT_PROMPT_FIELDS, IDENTITY_PROMPT_FIELDS, IDENTITY_SLOT_KINDS } from './prompt-field.catalog';

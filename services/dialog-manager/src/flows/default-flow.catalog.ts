import type { FlowDefinition, FlowDirection } from './flow.definition';
import { INBOUND_BROKERAGE_RECEPTION_FLOW, INBOUND_RECEPTION_FLOW } from './inbound-reception.flow';
import { OUTBOUND_CROSS_SELL_FLOW } from './outbound-cross-sell.flow';

export type TenantKind = 'brokerage' | 'clinic';

/** The default flow per call direction and tenant kind; a missing entry means no such calls. */
export type DefaultFlowCatalog = Readonly<Record<FlowDirection, Readonly<Partial<Record<TenantKind, FlowDefinition>>>>>;

/** Clinics make no outbound calls yet: the cross-sell flow is a brokerage's. */
export const DEFAULT_FLOWS: DefaultFlowCatalog = {
  outbound: { brokerage: OUTBOUND_CROSS_SELL_FLOW },
  inbound: { brokerage: INBOUND_BROKERAGE_RECEPTION_FLOW, clinic: INBOUND_RECEPTION_FLOW },
};

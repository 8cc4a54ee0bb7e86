/** Placeholders any stage template may use; the engine fills them from the tenant, client and session. */
export const STAGE_PLACEHOLDERS = [
  'agentName',
  'tenantName',
  'clientFirstName',
  'brokerName',
  'productName',
  'coverageGap',
  'priceRange',
  'slotTime',
  /** The read-back of the values a read-back stage confirms, composed by the engine. */
  'readBackSummary',
  /** The flow's disclosure texts, rendered (see stage-line.renderer). */
  'automatedDisclosure',
  'recordingDisclosure',
] as const;

/**
 * Placeholders the disclosures and the cross-cutting handlers' texts may use: only what is
 * known before anyone is verified, so a handler never reveals anything about a client.
 */
export const FLOW_PLACEHOLDERS = ['agentName', 'tenantName'] as const;

/** Placeholders the initial stage's `enter` text must contain: the disclosures are said first thing. */
export const REQUIRED_INITIAL_PLACEHOLDERS = ['automatedDisclosure', 'recordingDisclosure'] as const;

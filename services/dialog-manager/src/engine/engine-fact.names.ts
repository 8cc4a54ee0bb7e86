/**
 * The names of the facts (CallSession.facts) the engine keeps. Facts under STAGE_FACT_PREFIX
 * belong to the current stage and are dropped when another stage is entered.
 */
export const STAGE_FACT_PREFIX = 'stage.';

export const FACT = Object.freeze({
  /** Per call. */
  toolCallSeq: 'toolCallSeq',
  awaitingCallKey: 'awaitingCallKey',
  awaitingPurpose: 'awaitingPurpose',
  callStarted: 'callStarted',
  callEnded: 'callEnded',
  clientId: 'clientId',
  clientFirstName: 'clientFirstName',
  currentPlan: 'currentPlan',
  coverageGap: 'coverageGap',
  clientTimeZone: 'clientTimeZone',
  brokerId: 'brokerId',
  brokerName: 'brokerName',
  productCode: 'productCode',
  productName: 'productName',
  priceRange: 'priceRange',
  callerName: 'callerName',
  appointmentId: 'appointmentId',
  appointmentStartsAt: 'appointmentStartsAt',
  slotTimeZone: 'slotTimeZone',
  verificationMismatches: 'verificationMismatches',
  /** A question said together with the intent, answered on entering FAQ. */
  faqQuestion: 'faqQuestion',
  /** Per stage. */
  readBackSlot: `${STAGE_FACT_PREFIX}readBackSlot`,
  keypadKeys: `${STAGE_FACT_PREFIX}keypadKeys`,
  confusions: `${STAGE_FACT_PREFIX}confusions`,
  callbackOffer: `${STAGE_FACT_PREFIX}callbackOffer`,
  offeredSlots: `${STAGE_FACT_PREFIX}offeredSlots`,
  skippedSlotPrefix: `${STAGE_FACT_PREFIX}skipped.`,
});

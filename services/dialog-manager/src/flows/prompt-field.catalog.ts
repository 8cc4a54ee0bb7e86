/**
 * The client and session fields a stage's LLM prompt may carry (besides the values its flow's
 * slots capture). A stage lists the ones it needs in `promptFields`; nothing else is sent.
 */
export const CLIENT_PROMPT_FIELDS = [
  'clientFirstName',
  'currentPlan',
  'coverageGaps',
  'eligibility',
  'productName',
  'priceRange',
  'brokerName',
  'freeSlots',
  'appointment',
  'clientTimeZone',
  'callerPhone',
  'dateOfBirth',
  'memberId',
] as const;

/**
 * Fields only a stage marked `handlesIdentity` (verification or read-back) may put in a prompt.
 * Slots of an identity kind (below) count as identity fields too, whatever their name.
 */
export const IDENTITY_PROMPT_FIELDS: readonly string[] = ['dateOfBirth', 'memberId'];

/** Slot kinds whose values are identity fields. */
export const IDENTITY_SLOT_KINDS: readonly string[] = ['date-of-birth', 'member-id'];

/** Slot kinds whose values are always read back and confirmed before use (DOMAIN.md, "Capturing values"). */
export const READ_BACK_SLOT_KINDS: readonly string[] = ['date-of-birth', 'member-id', 'phone'];

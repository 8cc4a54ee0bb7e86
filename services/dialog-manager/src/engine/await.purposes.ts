/** Why the engine waits for a tool's result: the step that goes on when it arrives. */
export const AWAIT_PURPOSES = [
  'intro-profile',
  'verify-profile',
  'identify-profile',
  'eligibility',
  'pricing',
  'availability',
  'booking',
  'cancel-booking',
  'faq',
  'intake-save',
  'message',
  'transfer',
  'human-transfer',
  'callback',
] as const;

export type AwaitPurpose = (typeof AWAIT_PURPOSES)[number];

const purposes: ReadonlySet<string> = new Set(AWAIT_PURPOSES);

export function isAwaitPurpose(value: string | undefined): value is AwaitPurpose {
  return value !== undefined && purposes.has(value);
}

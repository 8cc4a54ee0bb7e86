import { redactString } from '@va/observability';
import { FACT } from '../engine';
import { IDENTITY_PROMPT_FIELDS, IDENTITY_SLOT_KINDS, type FlowDefinition } from '../flows';
import { normalizeDateOfBirth } from '../language';
import type { PromptLine } from '../llm/stage-prompt.builder';
import { factOf, type CallSession } from '../session';

/** Where the current stage's conversation starts in the session history (set on every stage change). */
export const STAGE_HISTORY_START_FACT = 'orchestrator.stageHistoryStart';

/** Prompt fields read from the engine's facts. */
const FACT_FIELDS: Readonly<Record<string, string>> = {
  clientFirstName: FACT.clientFirstName,
  currentPlan: FACT.currentPlan,
  coverageGaps: FACT.coverageGap,
  productName: FACT.productName,
  priceRange: FACT.priceRange,
  brokerName: FACT.brokerName,
  clientTimeZone: FACT.clientTimeZone,
  callerName: FACT.callerName,
  appointment: FACT.appointmentStartsAt,
};

export interface PromptCallInfo {
  readonly remoteNumber: string;
}

/**
 * The values the stage's `promptFields` name, and nothing else. A date of birth, a member ID or
 * a slot of an identity kind is given only to a stage that handles identity (the flow validator
 * enforces the same; this is the second lock).
 */
export function stagePromptFacts(session: CallSession, flow: FlowDefinition, call: PromptCallInfo): Record<string, string> {
  const stage = flow.stages[session.stage];
  if (stage === undefined) return {};
  const identityAllowed = stage.handlesIdentity === true;
  const identitySlots = new Set(Object.values(flow.stages).flatMap((each) => each.slots.filter((slot) => IDENTITY_SLOT_KINDS.includes(slot.kind)).map((slot) => slot.name)));
  const facts: Record<string, string> = {};
  for (const field of stage.promptFields) {
    if (!identityAllowed && (IDENTITY_PROMPT_FIELDS.includes(field) || identitySlots.has(field))) continue;
    const value = valueOf(session, field, call);
    if (value !== undefined) facts[field] = value;
  }
  return facts;
}

function valueOf(session: CallSession, field: string, call: PromptCallInfo): string | undefined {
  if (field === 'callerPhone') return call.remoteNumber;
  if (field === 'eligibility') {
    const product = factOf(session, FACT.productName);
    return product === undefined ? undefined : `eligible for ${product}`;
  }
  const factName = FACT_FIELDS[field];
  if (factName !== undefined) return factOf(session, factName);
  const slot = session.slots[field];
  return slot?.confirmed === true && slot.value !== null ? slot.value : undefined;
}

/**
 * What was said since the stage began: agent lines as heard, caller lines as transcribed. In a
 * stage that does not handle identity, a caller line holding a date (spoken or written) or any
 * other pattern the PHI redactor knows is masked before it can reach a provider.
 */
export function stageConversation(session: CallSession, flow: FlowDefinition, today: string): PromptLine[] {
  const start = Number(factOf(session, STAGE_HISTORY_START_FACT) ?? '0');
  const identityAllowed = flow.stages[session.stage]?.handlesIdentity === true;
  return session.history
    .slice(Number.isInteger(start) && start >= 0 ? start : 0)
    .filter((entry) => entry.text.trim() !== '')
    .map((entry) => ({ role: entry.role, text: identityAllowed ? entry.text : maskIdentity(entry.text, today) }));
}

const MASKED_DATE = '[date withheld]';
/** Spoken dates run to at most this many words ("the third of march nineteen fifty two"). */
const MAX_DATE_WORDS = 8;
/** Longer lines are masked whole rather than scanned. */
const MAX_SCANNED_WORDS = 80;

function maskIdentity(text: string, today: string): string {
  return redactString(maskSpokenDates(text, today));
}

/** Replaces each run of words that reads as a date ("march third fifty two") with a marker. */
function maskSpokenDates(text: string, today: string): string {
  const words = text.split(/\s+/).filter((word) => word !== '');
  if (words.length > MAX_SCANNED_WORDS) return MASKED_DATE;
  const kept: string[] = [];
  for (let start = 0; start < words.length; ) {
    const length = longestDateAt(words, start, today);
    // A filler word the reader skips ("my birthday is march third...") stays: the date starts later.
    const startsLater = length > 1 && readsAsDate(words.slice(start + 1, start + length), today);
    if (length === 0 || startsLater) {
      kept.push(words[start] ?? '');
      start += 1;
    } else {
      kept.push(MASKED_DATE);
      start += length;
    }
  }
  return kept.join(' ');
}

function longestDateAt(words: readonly string[], start: number, today: string): number {
  for (let length = Math.min(MAX_DATE_WORDS, words.length - start); length >= 2; length -= 1) {
    if (readsAsDate(words.slice(start, start + length), today)) return length;
  }
  return 0;
}

function readsAsDate(words: readonly string[], today: string): boolean {
  return words.length >= 2 && normalizeDateOfBirth(words.join(' '), { today }) !== undefined;
}

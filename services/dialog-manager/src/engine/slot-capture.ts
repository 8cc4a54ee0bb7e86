import type { SlotDefinition, SlotKind } from '../flows';
import { classifyYesNo, readDtmfEntry, type DtmfValueKind } from '../language';
import { confirmSlot, proposeSlotValue, recordFailedCapture } from '../session';
import { ENGINE_POLICY } from './engine.policy';
import { ENGINE_PHRASES, SLOT_QUESTIONS } from './engine.phrases';
import { FACT } from './engine-fact.names';
import type { EngineTurn } from './engine.turn';
import { readSlotValue, type SlotReading } from './slot-value.reader';
import { sayValueBack } from './spoken-slot.read-back';

/**
 * Capturing a stage's slots from the caller's words or keys, one question at a time: a value is
 * normalised, read back when its slot asks for it, and filled only on a yes. An unreadable answer
 * counts a failed capture and asks again; after two, keypad-capable values offer the keypad.
 */
export type CaptureProgress = 'complete' | 'asked';

const KEYPAD_KINDS: Readonly<Partial<Record<SlotKind, DtmfValueKind>>> = {
  'date-of-birth': 'date-of-birth',
  'member-id': 'member-id',
  phone: 'phone-number',
};
const KEYPAD_OFFERS: Readonly<Record<DtmfValueKind, string>> = {
  'date-of-birth': ENGINE_PHRASES.keypadDateOfBirth,
  'member-id': ENGINE_PHRASES.keypadMemberId,
  'phone-number': ENGINE_PHRASES.keypadPhone,
};

/** Optional choices are only taken when said in passing; times are picked by the stage. */
function isAsked(slot: SlotDefinition): boolean {
  return slot.kind !== 'slot-time' && (slot.required || slot.kind !== 'choice');
}

function isPassing(slot: SlotDefinition): boolean {
  return !slot.required && slot.kind === 'choice';
}

export function isSkipped(turn: EngineTurn, slotName: string): boolean {
  return turn.fact(`${FACT.skippedSlotPrefix}${slotName}`) !== undefined;
}

function isSettled(turn: EngineTurn, slot: SlotDefinition): boolean {
  return turn.session.slots[slot.name]?.confirmed === true || isSkipped(turn, slot.name);
}

/** The slot the stage is asking for now, if any. */
export function currentSlot(turn: EngineTurn): SlotDefinition | undefined {
  return turn.stage.slots.find((slot) => isAsked(slot) && !isSettled(turn, slot));
}

function isSkippable(turn: EngineTurn, slot: SlotDefinition): boolean {
  return !slot.required || Object.hasOwn(turn.stage.next, 'declined');
}

function read(turn: EngineTurn, slot: SlotDefinition, text: string): SlotReading {
  return readSlotValue(slot, text, { today: turn.context.today, remoteNumber: turn.context.remoteNumber, skippable: isSkippable(turn, slot) });
}

function slotNamed(turn: EngineTurn, name: string): SlotDefinition | undefined {
  return turn.stage.slots.find((slot) => slot.name === name);
}

/** Asks for the next open slot, or reports that the stage has all it asks for. */
export function askNextSlot(turn: EngineTurn): CaptureProgress {
  const next = currentSlot(turn);
  if (next === undefined) return 'complete';
  const question = SLOT_QUESTIONS[next.name];
  if (question !== undefined) turn.sayTemplate(question);
  else turn.sayStageLine('reprompt');
  return 'asked';
}

function fill(turn: EngineTurn, slot: SlotDefinition, value: string): CaptureProgress {
  turn.update((session) => proposeSlotValue(session, slot.name, value));
  if (slot.readBack) {
    turn.remember({ [FACT.readBackSlot]: slot.name, [FACT.keypadKeys]: undefined });
    turn.sayTemplate(ENGINE_PHRASES.readBack, { value: sayValueBack(slot.kind, value) });
    return 'asked';
  }
  turn.update((session) => confirmSlot(session, slot.name));
  return askNextSlot(turn);
}

function failCapture(turn: EngineTurn, slot: SlotDefinition): CaptureProgress {
  turn.update((session) => recordFailedCapture(session, slot.name));
  const attempts = turn.session.slots[slot.name]?.attempts ?? 1;
  const keypad = KEYPAD_KINDS[slot.kind];
  if (attempts >= ENGINE_POLICY.keypadAfterFailedAttempts && keypad !== undefined) {
    turn.sayStageLine('reprompt');
    turn.sayTemplate(KEYPAD_OFFERS[keypad]);
  } else {
    turn.sayStageLine(attempts >= 2 ? 'simplify' : 'reprompt');
  }
  return 'asked';
}

/** Values said in passing for optional choices ("just me, and soon"). */
function takePassingValues(turn: EngineTurn, text: string, except: string): void {
  for (const slot of turn.stage.slots.filter((candidate) => isPassing(candidate) && candidate.name !== except && !isSettled(turn, candidate))) {
    const reading = read(turn, slot, text);
    if (reading.kind === 'value') turn.update((session) => confirmSlot(proposeSlotValue(session, slot.name, reading.value), slot.name));
  }
}

/** The caller answered the stage's current question. */
export function captureFromText(turn: EngineTurn, text: string): CaptureProgress {
  const slot = currentSlot(turn);
  if (slot === undefined) return 'complete';
  const reading = read(turn, slot, text);
  if (reading.kind === 'unreadable') return failCapture(turn, slot);
  takePassingValues(turn, text, slot.name);
  if (reading.kind === 'skipped') {
    turn.remember({ [`${FACT.skippedSlotPrefix}${slot.name}`]: '1' });
    return askNextSlot(turn);
  }
  return fill(turn, slot, reading.value);
}

/** Whether a value is waiting for the caller's yes to its read-back. */
export function readBackPending(turn: EngineTurn): boolean {
  return turn.fact(FACT.readBackSlot) !== undefined;
}

/** The caller answered a read-back ("I have March 3rd, 1952. Is that right?"). */
export function answerReadBack(turn: EngineTurn, text: string): CaptureProgress {
  const name = turn.fact(FACT.readBackSlot);
  const slot = name === undefined ? undefined : slotNamed(turn, name);
  const value = name === undefined ? null : (turn.session.slots[name]?.value ?? null);
  turn.remember({ [FACT.readBackSlot]: undefined });
  if (slot === undefined || value === null) return askNextSlot(turn);
  const answer = classifyYesNo(text);
  if (answer === 'yes') {
    turn.update((session) => confirmSlot(session, slot.name));
    return askNextSlot(turn);
  }
  const restated = read(turn, slot, text);
  if (restated.kind === 'value' && restated.value !== value) return fill(turn, slot, restated.value);
  if (answer === 'no') {
    turn.say(ENGINE_PHRASES.readBackDenied);
    return failCapture(turn, slot);
  }
  turn.remember({ [FACT.readBackSlot]: slot.name });
  turn.sayTemplate(ENGINE_PHRASES.readBackUnclear, { value: sayValueBack(slot.kind, value) });
  return 'asked';
}

/** Repeats the read-back question (after silence or confusion); false when none is pending. */
export function repeatReadBack(turn: EngineTurn): boolean {
  const name = turn.fact(FACT.readBackSlot);
  const slot = name === undefined ? undefined : slotNamed(turn, name);
  const value = name === undefined ? null : (turn.session.slots[name]?.value ?? null);
  if (slot === undefined || value === null) return false;
  turn.sayTemplate(ENGINE_PHRASES.readBackUnclear, { value: sayValueBack(slot.kind, value) });
  return true;
}

/** Keys pressed: the current keypad-capable value, typed. 'ignored' when the stage asks for none. */
export function captureFromKeypad(turn: EngineTurn, digits: string): CaptureProgress | 'ignored' {
  const pendingName = turn.fact(FACT.readBackSlot);
  if (pendingName !== undefined) {
    // Typing over a read-back replaces the value being confirmed.
    turn.remember({ [FACT.readBackSlot]: undefined });
  }
  const slot = (pendingName === undefined ? undefined : slotNamed(turn, pendingName)) ?? currentSlot(turn);
  const keypad = slot === undefined ? undefined : KEYPAD_KINDS[slot.kind];
  if (slot === undefined || keypad === undefined) return 'ignored';
  const keys = `${turn.fact(FACT.keypadKeys) ?? ''}${digits}`;
  const entry = readDtmfEntry(keypad, keys, { today: turn.context.today });
  switch (entry.status) {
    case 'pending':
      turn.remember({ [FACT.keypadKeys]: keys });
      return 'asked';
    case 'invalid':
      turn.remember({ [FACT.keypadKeys]: undefined });
      turn.say(ENGINE_PHRASES.keypadInvalid);
      return 'asked';
    case 'complete':
      turn.remember({ [FACT.keypadKeys]: undefined });
      return fill(turn, slot, entry.value);
  }
}

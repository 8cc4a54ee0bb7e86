import type { CallSession, SlotState } from './call-session';

/** Pure slot updates (see call-session.ts). A slot is never "filled" until confirmed after a read-back. */

/** A normalised candidate heard from the caller, to be read back; replaces any earlier unconfirmed value. */
export function proposeSlotValue(session: CallSession, slotName: string, value: string): CallSession {
  const previous = session.slots[slotName];
  if (previous?.value === value && !previous.confirmed) return session;
  const slot: SlotState = { value, confirmed: false, attempts: previous?.attempts ?? 0 };
  return { ...session, slots: { ...session.slots, [slotName]: slot } };
}

/** The caller said yes to the read-back. Confirming a slot with no value is a bug and throws. */
export function confirmSlot(session: CallSession, slotName: string): CallSession {
  const slot = session.slots[slotName];
  if (slot === undefined || slot.value === null) {
    throw new Error(`cannot confirm slot ${slotName}: it holds no value`);
  }
  if (slot.confirmed) return session;
  return { ...session, slots: { ...session.slots, [slotName]: { ...slot, confirmed: true } } };
}

/** A capture failed (unparseable, or the read-back was denied): the value is dropped, attempts grow. */
export function recordFailedCapture(session: CallSession, slotName: string): CallSession {
  const attempts = (session.slots[slotName]?.attempts ?? 0) + 1;
  return {
    ...session,
    slots: { ...session.slots, [slotName]: { value: null, confirmed: false, attempts } },
    counters: { ...session.counters, failedCaptures: session.counters.failedCaptures + 1 },
  };
}

/** The value, only once confirmed. */
export function confirmedSlotValue(session: CallSession, slotName: string): string | undefined {
  const slot = session.slots[slotName];
  return slot?.confirmed === true && slot.value !== null ? slot.value : undefined;
}

/** Forgets the named slots entirely (value and attempts), e.g. when a stage asks its questions again. */
export function clearSlots(session: CallSession, slotNames: readonly string[]): CallSession {
  const present = slotNames.filter((name) => Object.hasOwn(session.slots, name));
  if (present.length === 0) return session;
  const slots = Object.fromEntries(Object.entries(session.slots).filter(([name]) => !present.includes(name)));
  return { ...session, slots };
}

import { z } from 'zod';
import { factOf, type CallSession } from '../session';
import { FACT } from './engine-fact.names';

const offeredSchema = z.array(z.iso.datetime({ offset: true }));

/** The free times the current stage offered, oldest first (a stage fact, JSON in the session). */
export function offeredSlots(session: CallSession): string[] {
  const raw = factOf(session, FACT.offeredSlots);
  if (raw === undefined) return [];
  try {
    const parsed = offeredSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function encodeOfferedSlots(startsAt: readonly string[]): string {
  return JSON.stringify(startsAt);
}

/** Start times from a tool's slot list ({ startsAt }[]), ignoring entries of another shape. */
export function startTimesOf(slots: unknown): string[] {
  if (!Array.isArray(slots)) return [];
  return slots.flatMap((slot: unknown) => {
    if (typeof slot !== 'object' || slot === null) return [];
    const startsAt: unknown = (slot as Record<string, unknown>)['startsAt'];
    if (startsAt instanceof Date) return [startsAt.toISOString()];
    return typeof startsAt === 'string' && offeredSchema.element.safeParse(startsAt).success ? [startsAt] : [];
  });
}

import type { CallSession } from './call-session';

/** Pure updates of the engine's facts (see call-session.ts). */

/**
 * Sets each named fact to its string, and removes the ones given as undefined. Returns the very
 * same session when nothing changes.
 */
export function rememberFacts(session: CallSession, changes: Readonly<Record<string, string | undefined>>): CallSession {
  const facts: Record<string, string> = { ...session.facts };
  let changed = false;
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) {
      if (!Object.hasOwn(facts, name)) continue;
      delete facts[name];
    } else {
      if (facts[name] === value) continue;
      facts[name] = value;
    }
    changed = true;
  }
  return changed ? { ...session, facts } : session;
}

/** Removes every fact whose name starts with `prefix` (e.g. the per-stage facts on leaving a stage). */
export function forgetFactsWithPrefix(session: CallSession, prefix: string): CallSession {
  const names = Object.keys(session.facts).filter((name) => name.startsWith(prefix));
  return names.length === 0 ? session : rememberFacts(session, Object.fromEntries(names.map((name) => [name, undefined])));
}

export function factOf(session: CallSession, name: string): string | undefined {
  return Object.hasOwn(session.facts, name) ? session.facts[name] : undefined;
}

import { type CallSession, callSessionSchema } from './call-session';
import { SessionMalformedError } from './session-store.errors';

const MAX_REPORTED_PATHS = 5;

/** The stored form of a session: JSON. */
export function encodeSession(session: CallSession): string {
  return JSON.stringify(session);
}

/** Parses and validates a stored value; anything else is a `SessionMalformedError` naming only the call and field paths. */
export function decodeSession(callId: string, raw: string): CallSession {
  let document: unknown;
  try {
    document = JSON.parse(raw);
  } catch {
    throw new SessionMalformedError(callId, []);
  }
  const parsed = callSessionSchema.safeParse(document);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.map(String).join('.') || '(root)');
    throw new SessionMalformedError(callId, [...new Set(paths)].slice(0, MAX_REPORTED_PATHS));
  }
  if (parsed.data.callId !== callId) throw new SessionMalformedError(callId, ['callId']);
  return parsed.data;
}

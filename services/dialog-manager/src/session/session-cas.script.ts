/**
 * Atomic compare-and-set of a session document in Redis.
 * KEYS[1]: the session key. ARGV: expected version, new JSON document, time to live in ms.
 * Replies `{'ok'}`, `{'missing'}`, `{'malformed'}` or `{'conflict', '<stored version>'}`.
 * The stored document is decoded in a pcall so a corrupt value is reported, not raised.
 */
export const SESSION_CAS_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
if not raw then return {'missing'} end
local ok, doc = pcall(cjson.decode, raw)
if not ok or type(doc) ~= 'table' or type(doc.version) ~= 'number' then return {'malformed'} end
if doc.version ~= tonumber(ARGV[1]) then return {'conflict', tostring(doc.version)} end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return {'ok'}
`;

export type SessionCasReply =
  | { readonly status: 'ok' | 'missing' | 'malformed' }
  | { readonly status: 'conflict'; readonly storedVersion: number };

export function parseSessionCasReply(reply: unknown): SessionCasReply {
  if (!Array.isArray(reply)) throw new Error('unexpected reply from the session compare-and-set script');
  const [status, storedVersion] = reply as unknown[];
  if (status === 'ok' || status === 'missing' || status === 'malformed') return { status };
  if (status === 'conflict') return { status, storedVersion: Number(storedVersion) };
  throw new Error('unexpected reply from the session compare-and-set script');
}

/** SQLSTATE codes worth trying again: the same work may succeed in a moment. */
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000', '08003', '08006', '08001', '08004', // connection exceptions
]);

const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** True when the error is the database's momentary trouble, not a fault of the request. */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NODE_CODES.has(code));
}

/** True when a unique constraint refused the write (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (codeOf(error) !== '23505') return false;
  if (constraint === undefined) return true;
  return typeof error === 'object' && error !== null && 'constraint' in error && (error as { constraint: unknown }).constraint === constraint;
}

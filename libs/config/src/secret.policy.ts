/**
 * Decides how a rejected value may appear in a ConfigError. Secrets are never shown;
 * credentials inside URLs are masked; everything else is quoted and truncated.
 */
const SECRET_NAME_PARTS: readonly string[] = ['KEY', 'SECRET', 'TOKEN', 'PASSWORD'];
const MAX_SHOWN_CHARS = 80;
const MASK = '***';

/** True when a variable name suggests its value is a secret (e.g. OPENAI_API_KEY). */
export function isSecretName(variable: string): boolean {
  const upper = variable.toUpperCase();
  return SECRET_NAME_PARTS.some((part) => upper.includes(part));
}

/**
 * Masks the userinfo of a URL-like value: `postgres://va:pw@host` becomes
 * `postgres://va:***@host`, and a user-only part (often a token) is masked whole. Works on
 * values that are not valid URLs, since those are exactly the ones that end up in errors.
 */
export function maskCredentials(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 0) return value;
  const schemeEnd = value.indexOf('://');
  const start = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 3 : 0;
  const userinfo = value.slice(start, at);
  const colon = userinfo.indexOf(':');
  const masked = colon >= 0 ? `${userinfo.slice(0, colon)}:${MASK}` : MASK;
  return `${value.slice(0, start)}${masked}${value.slice(at)}`;
}

/** Schemas built by envVar.secret(); their values are never shown, whatever the name. */
const secretSchemas = new WeakSet<object>();

export function markSecret<S extends object>(schema: S): S {
  secretSchemas.add(schema);
  return schema;
}

export function isSecretSchema(schema: object): boolean {
  return secretSchemas.has(schema);
}

/** Appends the rejected value to a problem, or says it is hidden. */
export function withRejectedValue(problem: string, value: string, secret: boolean): string {
  if (secret) return `${problem} (value not shown: secret)`;
  const masked = maskCredentials(value);
  const shown = masked.length > MAX_SHOWN_CHARS ? `${masked.slice(0, MAX_SHOWN_CHARS)}...` : masked;
  return `${problem}, got ${JSON.stringify(shown)}`;
}

import { z } from 'zod';
import { markSecret } from './secret.policy';

/**
 * Schemas for the variables services share. Each takes the raw environment string and
 * yields a typed value; problem texts never contain the value (loadConfig appends it when
 * the variable is not secret).
 */

const MAX_PORT = 65_535;
const MAX_TOPIC_PREFIX_CHARS = 40;
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
const DEFAULT_LOG_LEVEL = 'info';

export type EnvLogLevel = (typeof LOG_LEVELS)[number];

const PROBLEM = {
  port: `expected an integer between 0 and ${MAX_PORT}`,
  brokers: 'expected a comma-separated list of host:port with at least one entry',
  postgresUrl: 'expected a postgres:// or postgresql:// URL with a host',
  redisUrl: 'expected a redis:// or rediss:// URL with a host',
  logLevel: `expected one of ${LOG_LEVELS.join(', ')}`,
  durationMs: 'expected a non-negative integer number of milliseconds',
  optionalUrl: 'expected an http:// or https:// URL',
  webSocketUrl: 'expected a ws:// or wss:// URL',
  topicPrefix: `expected at most ${MAX_TOPIC_PREFIX_CHARS} characters from a-z, 0-9, ".", "_", "-"`,
  secret: 'expected a non-empty value',
} as const;

/** A string schema that trims, parses, and reports `problem` when parse yields undefined. */
function parsedString<T>(problem: string, parse: (raw: string) => T | undefined) {
  return z.string().transform((raw, ctx): T => {
    const parsed = parse(raw.trim());
    if (parsed === undefined) {
      ctx.addIssue(problem);
      return z.NEVER;
    }
    return parsed;
  });
}

function parseBoundedInt(raw: string, max: number): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value <= max ? value : undefined;
}

const HOST_PATTERN = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?)$/;

function parseBroker(entry: string): string | undefined {
  const colon = entry.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const port = parseBoundedInt(entry.slice(colon + 1), MAX_PORT);
  const hostOk = HOST_PATTERN.test(entry.slice(0, colon));
  return hostOk && port !== undefined && port > 0 ? entry : undefined;
}

function parseBrokers(raw: string): string[] | undefined {
  const entries = raw.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => parseBroker(entry) === undefined)) return undefined;
  return entries;
}

function parseUrl(raw: string, protocols: readonly string[]): string | undefined {
  const url = URL.parse(raw);
  return url !== null && protocols.includes(url.protocol) && url.hostname !== '' ? raw : undefined;
}

function parseLogLevel(raw: string): EnvLogLevel | undefined {
  const lower = raw.toLowerCase();
  return LOG_LEVELS.find((level) => level === lower);
}

function assertDefault(ok: boolean, what: string, value: number | string): void {
  if (!ok) throw new RangeError(`invalid default for ${what}: ${value}`);
}

const portSchema = () => parsedString(PROBLEM.port, (raw) => parseBoundedInt(raw, MAX_PORT));
type PortSchema = ReturnType<typeof portSchema>;

/** TCP port 0..65535; 0 asks the OS for an ephemeral port. Required when no default is given. */
function port(): PortSchema;
function port(defaultPort: number): z.ZodDefault<PortSchema>;
function port(defaultPort?: number): PortSchema | z.ZodDefault<PortSchema> {
  if (defaultPort === undefined) return portSchema();
  assertDefault(Number.isInteger(defaultPort) && defaultPort >= 0 && defaultPort <= MAX_PORT, 'port', defaultPort);
  return portSchema().default(defaultPort);
}

const durationSchema = () =>
  parsedString(PROBLEM.durationMs, (raw) => parseBoundedInt(raw, Number.MAX_SAFE_INTEGER));
type DurationSchema = ReturnType<typeof durationSchema>;

/** Non-negative integer milliseconds. Required when no default is given. */
function durationMs(): DurationSchema;
function durationMs(defaultMs: number): z.ZodDefault<DurationSchema>;
function durationMs(defaultMs?: number): DurationSchema | z.ZodDefault<DurationSchema> {
  if (defaultMs === undefined) return durationSchema();
  assertDefault(Number.isSafeInteger(defaultMs) && defaultMs >= 0, 'durationMs', defaultMs);
  return durationSchema().default(defaultMs);
}

export const envVar = {
  port,
  durationMs,
  /** Comma-separated host:port list (at least one entry) → string[]. */
  brokers: () => parsedString(PROBLEM.brokers, parseBrokers),
  postgresUrl: () => parsedString(PROBLEM.postgresUrl, (raw) => parseUrl(raw, ['postgres:', 'postgresql:'])),
  redisUrl: () => parsedString(PROBLEM.redisUrl, (raw) => parseUrl(raw, ['redis:', 'rediss:'])),
  /** trace|debug|info|warn|error, case-insensitive; defaults to info. */
  logLevel: () => parsedString(PROBLEM.logLevel, parseLogLevel).default(DEFAULT_LOG_LEVEL),
  /** An http(s) URL, or undefined when unset. */
  optionalUrl: () => parsedString(PROBLEM.optionalUrl, (raw) => parseUrl(raw, ['http:', 'https:'])).optional(),
  /** Prefix for topic and group names (test isolation); defaults to ''. */
  topicPrefix: () =>
    parsedString(PROBLEM.topicPrefix, (raw) =>
      raw.length <= MAX_TOPIC_PREFIX_CHARS && /^[a-z0-9._-]*$/.test(raw) ? raw : undefined,
    ).default(''),
  /** An http(s) URL with a default (a vendor's public endpoint, pointed elsewhere in tests). */
  url: (defaultUrl: string) => {
    assertDefault(parseUrl(defaultUrl, ['http:', 'https:']) !== undefined, 'url', defaultUrl);
    return parsedString(PROBLEM.optionalUrl, (raw) => parseUrl(raw, ['http:', 'https:'])).default(defaultUrl);
  },
  /** A ws(s) URL with a default (a vendor's streaming endpoint, pointed elsewhere in tests). */
  webSocketUrl: (defaultUrl: string) => {
    assertDefault(parseUrl(defaultUrl, ['ws:', 'wss:']) !== undefined, 'webSocketUrl', defaultUrl);
    return parsedString(PROBLEM.webSocketUrl, (raw) => parseUrl(raw, ['ws:', 'wss:'])).default(defaultUrl);
  },
  /** Required non-empty string with no default; its value never appears in errors. */
  secret: () => markSecret(z.string().min(1, PROBLEM.secret)),
  /** A secret the service can do without (an optional vendor key); undefined when unset. */
  optionalSecret: () => markSecret(z.string().min(1, PROBLEM.secret).optional()),
} as const;

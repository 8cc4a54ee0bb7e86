import { createHash } from 'node:crypto';

export type DemoRole = 'admin' | 'broker' | 'auditor';

/** A demo user's REST API key. Sandbox only: the keys are in the source and printed by db:seed. */
export interface DemoApiKey {
  readonly role: DemoRole;
  readonly email: string;
  readonly key: string;
}

const PREFIX_CHARS = 8;

/** What the users table stores of a key: its SHA-256 (hex), never the key itself. */
export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The first characters of a key, stored so a user can tell their keys apart. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, PREFIX_CHARS);
}

import { createHash } from 'node:crypto';

/** The namespace of every demo-seed id (a fixed, random UUID). */
const SEED_NAMESPACE = Buffer.from('6f0c2f9a3b1e4d5c8a7e2b9f0d1c3e5a', 'hex');

/**
 * A name-based UUID (version 5: SHA-1 of namespace and name), so the same seed key gives the
 * same row id on every run and a second seeding finds its rows already present.
 */
export function seedId(key: string): string {
  const digest = createHash('sha1').update(SEED_NAMESPACE).update(key, 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

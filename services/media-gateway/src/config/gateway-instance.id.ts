import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export const GATEWAY_INSTANCE_ID = Symbol('va:gateway-instance-id');

const MAX_HOST_CHARS = 48;

/** The configured id, else hostname plus a random suffix (a restarted pod is a new instance). */
export function gatewayInstanceId(configured: string | undefined): string {
  if (configured !== undefined) return configured;
  const host = hostname().replace(/[^A-Za-z0-9.-]/g, '-').slice(0, MAX_HOST_CHARS) || 'gateway';
  return `${host}-${randomBytes(3).toString('hex')}`;
}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** This process's lease owner name: unique per start, so a restarted instance never mistakes old leases for its own. */
export function newDialerInstanceId(): string {
  return `${hostname().slice(0, 40)}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

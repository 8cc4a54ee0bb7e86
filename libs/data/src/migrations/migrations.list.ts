import type { Migration } from './migration';
import { initialSchema } from './0001-initial-schema.migration';
import { brokerApiSchema } from './0002-broker-api.migration';
import { dialerSchema } from './0003-dialer.migration';

/** Every migration, in order. Append only: an applied migration is never edited (its checksum is checked). */
export const MIGRATIONS: readonly Migration[] = Object.freeze([initialSchema, brokerApiSchema, dialerSchema]);

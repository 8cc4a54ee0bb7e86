import type { Migration } from './migration';
import { initialSchema } from './0001-initial-schema.migration';

/** Every migration, in order. Append only: an applied migration is never edited (its checksum is checked). */
export const MIGRATIONS: readonly Migration[] = Object.freeze([initialSchema]);

import type { FieldCipher } from '../crypto';
import type { SqlSession } from '../sql/sql.database';
import type { SeedRandom } from './seed.random';

/** What each tenant's seeding works with: one owner transaction, the field cipher, the time and the randomness. */
export interface SeedContext {
  readonly session: SqlSession;
  readonly cipher: FieldCipher;
  readonly now: Date;
  readonly random: SeedRandom;
  /** The Monday the calendars start, YYYY-MM-DD. */
  readonly monday: string;
}

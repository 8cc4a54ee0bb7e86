import type { SqlDatabase } from '@va/data';

/** The tenant facts a conversation needs: its name (said in the greeting), kind (which flow) and settings (overrides). */
export interface TenantProfile {
  readonly tenantId: string;
  readonly name: string;
  readonly kind: 'brokerage' | 'clinic';
  readonly timeZone: string;
  readonly settings: unknown;
}

const CACHE_TTL_MS = 60_000;

/** Reads tenants through row-level security (the tenant's own row only), cached for a minute. */
export class TenantDirectory {
  private readonly cache = new Map<string, { profile: TenantProfile; expiresAtMs: number }>();

  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async profile(tenantId: string): Promise<TenantProfile | undefined> {
    const cached = this.cache.get(tenantId);
    if (cached !== undefined && cached.expiresAtMs > this.now()) return cached.profile;
    const found = await this.db.inTenant(tenantId, (session) =>
      session.query<{ name: string; kind: 'brokerage' | 'clinic'; time_zone: string; settings: unknown }>('SELECT name, kind, time_zone, settings FROM tenants WHERE id = $1', [tenantId]),
    );
    const row = found.rows[0];
    if (row === undefined) return undefined;
    const profile: TenantProfile = { tenantId, name: row.name, kind: row.kind, timeZone: row.time_zone, settings: row.settings };
    this.cache.set(tenantId, { profile, expiresAtMs: this.now() + CACHE_TTL_MS });
    return profile;
  }
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function localDate(nowMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(nowMs));
  const part = (type: string) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

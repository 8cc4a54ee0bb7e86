/** Rows of one statement. */
export interface SqlRows<R> {
  readonly rows: R[];
  readonly rowCount: number;
}

/** One open transaction: statements with positional parameters ($1, $2, ...), never interpolated. */
export interface SqlSession {
  query<R extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlRows<R>>;
}

/**
 * The database port: every piece of work is one transaction, and the kind of transaction says
 * who runs it. The application's work runs as the role va_app with row-level security scoped
 * to one tenant, so a forgotten filter cannot reach another tenant's rows. Two backends:
 * Postgres (distributed mode) and embedded Postgres (PGlite), which run the same migrations.
 */
export interface SqlDatabase {
  readonly backend: 'postgres' | 'embedded';
  /** As the application role, seeing only `tenantId`'s rows. */
  inTenant<T>(tenantId: string, work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** As the application role before a tenant is known: no tenant rows, only definer functions. */
  withoutTenant<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** As the schema owner: migrations, seeding and cross-tenant maintenance only. */
  asOwner<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database role the application's transactions run as. */
export const APPLICATION_ROLE = 'va_app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown before any statement runs when a tenant id is not a UUID. */
export class InvalidTenantIdError extends Error {
  constructor() {
    super('tenant id must be a UUID');
    this.name = 'InvalidTenantIdError';
  }
}

/** The statements that open an application-role transaction, scoped to a tenant or to none. */
export async function enterApplicationScope(session: SqlSession, tenantId: string | null): Promise<void> {
  if (tenantId !== null && !UUID.test(tenantId)) throw new InvalidTenantIdError();
  await session.query(`SET LOCAL ROLE ${APPLICATION_ROLE}`);
  await session.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId ?? '']);
}

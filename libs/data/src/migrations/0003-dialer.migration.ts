import type { Migration } from './migration';

/**
 * What the outbound dialer needs beyond the initial schema: the provider's view of each call
 * (last status callback, who answered) so crash recovery can tell a call Twilio knows about
 * from one it never saw; an index for due attempts; and two definer functions, the only ways
 * the application role crosses tenants: the tenants the dialer has work in, and the tenant of
 * a call id (a status callback carries our call id, not the tenant).
 */
export const dialerSchema: Migration = {
  version: 3,
  name: 'dialer',
  sql: `
ALTER TABLE calls
  ADD COLUMN provider_status text,
  ADD COLUMN provider_status_at timestamptz,
  ADD COLUMN answered_by text;

CREATE INDEX call_attempts_due ON call_attempts (tenant_id, status, not_before);
CREATE INDEX calls_attempt ON calls (tenant_id, attempt_id);

CREATE FUNCTION dialer_tenants() RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public AS $$
    SELECT tenant_id FROM campaigns WHERE status = 'running'
    UNION
    SELECT tenant_id FROM call_attempts WHERE status IN ('leased', 'dialling')
  $$;

CREATE FUNCTION resolve_tenant_by_call(call text) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public AS $$ SELECT tenant_id FROM calls WHERE id = call $$;

GRANT EXECUTE ON FUNCTION dialer_tenants() TO va_app;
GRANT EXECUTE ON FUNCTION resolve_tenant_by_call(text) TO va_app;
`,
};

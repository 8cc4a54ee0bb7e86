import type { Migration } from './migration';

/**
 * The broker REST API's storage: API keys are resolved before the tenant is known, so a definer
 * function is the one way the application role can look a key up (by its SHA-256, never the key);
 * POST results are kept per tenant, user and Idempotency-Key so a repeat returns the first result.
 */
export const brokerApiSchema: Migration = {
  version: 2,
  name: 'broker api',
  sql: `
CREATE FUNCTION resolve_api_key(key_hash text)
  RETURNS TABLE (tenant_id uuid, user_id uuid, role text, broker_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.tenant_id, u.id, u.role,
         (SELECT b.id FROM brokers b WHERE b.user_id = u.id AND b.tenant_id = u.tenant_id ORDER BY b.id LIMIT 1)
    FROM users u
   WHERE u.api_key_hash = key_hash
$$;
GRANT EXECUTE ON FUNCTION resolve_api_key(text) TO va_app;

CREATE TABLE api_idempotency_keys (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  user_id uuid NOT NULL REFERENCES users (id),
  idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  request_hash text NOT NULL,
  -- Null while the first request is in flight (the row is claimed first, in the request's transaction).
  status_code integer CHECK (status_code BETWEEN 200 AND 499),
  -- json, not jsonb: a replayed body is byte-for-byte the first one.
  body json,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id, idempotency_key)
);
ALTER TABLE api_idempotency_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_idempotency_keys
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
GRANT SELECT, INSERT, UPDATE ON api_idempotency_keys TO va_app;
`,
};

import type { Migration } from './migration';

/**
 * The CRM, scheduling, campaign, call and audit schema. Every tenant-owned table carries
 * tenant_id and a row-level-security policy that admits only the tenant set for the
 * transaction (app_tenant_id()); the application runs as the role va_app, which is not the
 * owner, so the policies always apply to it. Dates of birth, member IDs and intake payloads
 * hold field envelopes (v1.<key>.<iv>.<tag>.<ciphertext>), never plaintext.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('brokerage', 'clinic')),
  time_zone text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  transcript_retention_days integer NOT NULL DEFAULT 90 CHECK (transcript_retention_days > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenant_phone_numbers (
  e164 text PRIMARY KEY CHECK (e164 ~ '^\\+[1-9][0-9]{6,14}$'),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  purpose text NOT NULL CHECK (purpose IN ('inbound', 'outbound', 'both'))
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('broker', 'admin', 'auditor')),
  api_key_prefix text NOT NULL,
  api_key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, email)
);

CREATE TABLE brokers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  user_id uuid REFERENCES users (id),
  name text NOT NULL,
  phone_e164 text CHECK (phone_e164 ~ '^\\+[1-9][0-9]{6,14}$'),
  time_zone text NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE TABLE clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  first_name text NOT NULL,
  last_name text NOT NULL,
  phone_e164 text NOT NULL CHECK (phone_e164 ~ '^\\+[1-9][0-9]{6,14}$'),
  date_of_birth_enc text CHECK (date_of_birth_enc LIKE 'v1.%'),
  member_id_enc text CHECK (member_id_enc LIKE 'v1.%'),
  time_zone text,
  current_plan text,
  coverage_gaps text[] NOT NULL DEFAULT '{}',
  assigned_broker_id uuid REFERENCES brokers (id),
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, phone_e164)
);

CREATE TABLE products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  code text NOT NULL,
  name text NOT NULL,
  coverage text NOT NULL CHECK (coverage IN ('dental', 'vision', 'hearing', 'other')),
  description text NOT NULL DEFAULT '',
  UNIQUE (tenant_id, code)
);

CREATE TABLE product_prices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  product_id uuid NOT NULL REFERENCES products (id),
  household text NOT NULL CHECK (household IN ('individual', 'spouse', 'family')),
  monthly_min_cents integer NOT NULL CHECK (monthly_min_cents >= 0),
  monthly_max_cents integer NOT NULL CHECK (monthly_max_cents >= monthly_min_cents),
  UNIQUE (tenant_id, product_id, household)
);

CREATE TABLE eligibility (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  client_id uuid NOT NULL REFERENCES clients (id),
  product_id uuid NOT NULL REFERENCES products (id),
  eligible boolean NOT NULL,
  reason text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, client_id, product_id)
);

CREATE TABLE broker_slots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  broker_id uuid NOT NULL REFERENCES brokers (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  UNIQUE (tenant_id, broker_id, starts_at)
);

CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  broker_id uuid NOT NULL REFERENCES brokers (id),
  client_id uuid REFERENCES clients (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  status text NOT NULL CHECK (status IN ('booked', 'cancelled')),
  purpose text NOT NULL DEFAULT '',
  call_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz
);
-- The database itself refuses a double-booked slot: one booked appointment per broker and start.
CREATE UNIQUE INDEX appointments_one_booking_per_slot ON appointments (tenant_id, broker_id, starts_at) WHERE status = 'booked';

CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  product_id uuid REFERENCES products (id),
  status text NOT NULL CHECK (status IN ('draft', 'running', 'paused', 'cancelled', 'completed')),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE call_attempts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  client_id uuid NOT NULL REFERENCES clients (id),
  attempt_number integer NOT NULL CHECK (attempt_number >= 1),
  status text NOT NULL CHECK (status IN ('pending', 'leased', 'dialling', 'completed', 'skipped', 'failed')),
  outcome text,
  not_before timestamptz NOT NULL DEFAULT now(),
  leased_until timestamptz,
  lease_owner text,
  call_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, campaign_id, client_id, attempt_number)
);

CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  client_id uuid NOT NULL REFERENCES clients (id),
  scope text NOT NULL,
  granted boolean NOT NULL,
  call_id text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dnc_entries (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  phone_e164 text NOT NULL CHECK (phone_e164 ~ '^\\+[1-9][0-9]{6,14}$'),
  source text NOT NULL,
  call_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, phone_e164)
);

CREATE TABLE calls (
  id text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  provider_call_id text,
  from_e164 text NOT NULL,
  to_e164 text NOT NULL,
  campaign_id uuid REFERENCES campaigns (id),
  attempt_id uuid REFERENCES call_attempts (id),
  client_id uuid REFERENCES clients (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  outcome text
);

CREATE TABLE call_turns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  call_id text NOT NULL REFERENCES calls (id),
  turn_index integer NOT NULL,
  speaker text NOT NULL CHECK (speaker IN ('caller', 'agent')),
  text text NOT NULL,
  voice_to_voice_ms integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, call_id, turn_index, speaker)
);

CREATE TABLE tool_invocations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  call_id text NOT NULL,
  tool_name text NOT NULL,
  idempotency_key text NOT NULL,
  arguments jsonb NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'error')),
  -- json, not jsonb: a replayed result is byte-for-byte the first one (jsonb reorders keys).
  result json NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, idempotency_key)
);

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  call_id text,
  client_id uuid REFERENCES clients (id),
  caller_name text NOT NULL,
  callback_phone_e164 text NOT NULL,
  body text NOT NULL,
  urgency text NOT NULL CHECK (urgency IN ('routine', 'urgent')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE callback_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  client_id uuid REFERENCES clients (id),
  phone_e164 text NOT NULL,
  not_before timestamptz NOT NULL,
  reason text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'scheduled', 'done', 'cancelled')),
  call_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE intake_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  call_id text,
  client_id uuid REFERENCES clients (id),
  payload_enc text NOT NULL CHECK (payload_enc LIKE 'v1.%'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kb_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  category text NOT NULL CHECK (category IN ('hours', 'insurers', 'locations', 'services', 'policies', 'other')),
  question text NOT NULL,
  answer text NOT NULL,
  search tsvector GENERATED ALWAYS AS (to_tsvector('english', question || ' ' || answer)) STORED
);
CREATE INDEX kb_entries_search ON kb_entries USING gin (search);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  subject text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- Append-only, for everyone: the application role has no UPDATE or DELETE grant, and this
-- trigger refuses them even to the owner.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Inbound calls arrive before their tenant is known: this definer function is the one way the
-- application role can look a tenant up by the dialled number.
CREATE FUNCTION resolve_tenant_by_number(dialled text) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public AS $$ SELECT tenant_id FROM tenant_phone_numbers WHERE e164 = dialled $$;

DO $$
DECLARE
  tenant_table text;
BEGIN
  FOREACH tenant_table IN ARRAY ARRAY[
    'tenant_phone_numbers', 'users', 'brokers', 'clients', 'products', 'product_prices', 'eligibility',
    'broker_slots', 'appointments', 'campaigns', 'call_attempts', 'consents', 'dnc_entries', 'calls',
    'call_turns', 'tool_invocations', 'messages', 'callback_requests', 'intake_records', 'kb_entries', 'audit_log'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())',
      tenant_table);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO va_app', tenant_table);
  END LOOP;
END $$;

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants USING (id = app_tenant_id());
GRANT SELECT ON tenants TO va_app;

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM va_app;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO va_app;
GRANT EXECUTE ON FUNCTION app_tenant_id() TO va_app;
GRANT EXECUTE ON FUNCTION resolve_tenant_by_number(text) TO va_app;
`,
};

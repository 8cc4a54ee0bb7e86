#!/usr/bin/env bash
# `npm run db:seed`: migrates DATABASE_URL (default: the local infrastructure's database) and
# loads the demo tenants, Harbor Health Brokers and Riverside Family Clinic. Safe to repeat.
# Prints the report, with the sandbox-only demo API keys, as JSON on stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/prepare-node.sh
source scripts/lib/prepare-node.sh
va_prepare_node db:seed
if [[ -z "${DATA_ENCRYPTION_KEYS:-}" && -z "${DATA_ENCRYPTION_ACTIVE_KEY_ID:-}" ]]; then
  # A fixed key so the local demo decrypts what it seeded on every run. DEV-ONLY: it is public.
  echo "db:seed: DATA_ENCRYPTION_KEYS is not set; encrypting with the fixed DEV-ONLY key 'dev1' (public, never for real data)" >&2
  export DATA_ENCRYPTION_KEYS='dev1:REVWLU9OTFkgZGVtbyBrZXksIG5vdCBhIHNlY3JldCE='
  export DATA_ENCRYPTION_ACTIVE_KEY_ID='dev1'
fi
npx tsc -b libs/data >&2
DATABASE_URL="${DATABASE_URL:-postgres://va:va@127.0.0.1:15432/va}" exec node libs/data/dist/seed/seed.main.js

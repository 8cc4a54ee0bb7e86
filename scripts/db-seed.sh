#!/usr/bin/env bash
# `npm run db:seed`: migrates DATABASE_URL (default: the local infrastructure's database) and
# loads the demo tenants, Harbor Health Brokers and Riverside Family Clinic. Safe to repeat.
# With DATA_ENCRYPTION_KEYS unset it encrypts under the public DEV-ONLY key (seed.main.ts).
# Prints the report, with the sandbox-only demo API keys, as JSON on stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/prepare-node.sh
source scripts/lib/prepare-node.sh
va_prepare_node db:seed
npx tsc -b libs/data >&2
DATABASE_URL="${DATABASE_URL:-postgres://va:va@127.0.0.1:15432/va}" exec node libs/data/dist/seed/seed.main.js --dev-only-keys-when-unset

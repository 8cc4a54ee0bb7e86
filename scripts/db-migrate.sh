#!/usr/bin/env bash
# `npm run db:migrate`: applies pending migrations to DATABASE_URL (default: the local
# infrastructure's database). Services also migrate at start; this is for operators and CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/prepare-node.sh
source scripts/lib/prepare-node.sh
va_prepare_node db:migrate
npx tsc -b libs/data >&2
DATABASE_URL="${DATABASE_URL:-postgres://va:va@127.0.0.1:15432/va}" exec node libs/data/dist/migrate.main.js

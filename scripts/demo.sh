#!/usr/bin/env bash
# The README's main command (`npm run demo -- [--exit] [--json] [--base-port N]`): the whole
# platform in embedded mode (one process, in-memory bus, embedded Postgres, in-memory sessions)
# with the sandbox vendors, the demo tenants, a small campaign over simulated callees driven
# through the REST API, one inbound call, live progress on stderr and a summary. With --exit
# --json the last stdout line is the summary as one JSON object. Needs no Kafka, Postgres,
# Redis or provider keys. Install and build progress goes to stderr.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/prepare-node.sh
source scripts/lib/prepare-node.sh
va_prepare_node demo

echo "demo: building (tsc -b services/platform)" >&2
npx tsc -b services/platform >&2

exec node services/platform/dist/demo/demo.main.js "$@"

#!/usr/bin/env bash
# The README's main command (`npm start`): runs all six services in one process (embedded
# mode: in-memory bus, no Kafka/Postgres/Redis needed), each on its own port from 8081.
# HTTP_BASE_PORT moves the range (0: ephemeral ports); LOG_LEVEL and SHUTDOWN_GRACE_MS apply.
# stdout carries only the platform's JSON log lines; install and build progress goes to stderr.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/prepare-node.sh
source scripts/lib/prepare-node.sh
va_prepare_node start

echo "start: building (tsc -b tsconfig.build.json)" >&2
npx tsc -b tsconfig.build.json >&2

exec node services/platform/dist/main.js "$@"

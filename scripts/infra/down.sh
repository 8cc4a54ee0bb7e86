#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Stops what scripts/infra/up.sh started (never a server it merely reused) and keeps the data,
# so the next infra:up is fast. `--purge` also deletes the data.
set -euo pipefail

# shellcheck source=lib/load.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/load.sh"
va_run_locked "${BASH_SOURCE[0]}" "$@"

purge=0
for arg in "$@"; do
  case "$arg" in
    --purge) purge=1 ;;
    *)
      echo "usage: npm run infra:down [-- --purge]" >&2
      exit 2
      ;;
  esac
done

if va_docker_usable; then
  va_docker_down "$purge"
  exit 0
fi

va_kafka_down
va_pg_down
va_redis_down
if ((purge)); then
  va_kafka_purge
  va_pg_purge
  va_redis_purge
fi

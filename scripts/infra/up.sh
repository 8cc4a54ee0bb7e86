#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Starts the local infrastructure (Kafka, Postgres, Redis) for development and tests, or
# reuses whatever already answers on the ports. Idempotent: a second run returns in seconds.
# Ports: VA_KAFKA_PORT (19092), VA_PG_PORT (15432), VA_REDIS_PORT (16379), all on 127.0.0.1.
set -euo pipefail

# shellcheck source=lib/load.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/load.sh"
va_run_locked "${BASH_SOURCE[0]}" "$@"

started_at=$SECONDS

if va_docker_usable; then
  va_docker_up
else
  # Package installs run one at a time; the three servers then start side by side.
  va_kafka_prepare
  va_pg_prepare
  va_redis_prepare
  va_kafka_up &
  kafka_job=$!
  va_pg_up &
  pg_job=$!
  va_redis_up &
  redis_job=$!
  failed=0
  wait "$kafka_job" || failed=1
  wait "$pg_job" || failed=1
  wait "$redis_job" || failed=1
  if ((failed)); then
    echo "infra: FAILED; components that did start keep running (stop them with npm run infra:down)" >&2
    exit 1
  fi
fi

echo "infra ready in $((SECONDS - started_at))s: KAFKA_BROKERS=${VA_KAFKA_URL} DATABASE_URL=${VA_PG_URL} REDIS_URL=${VA_REDIS_URL}"

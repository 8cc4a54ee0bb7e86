#!/usr/bin/env bash
# The README's test command (`npm test`): brings the local infrastructure up when it is absent,
# checks the contracts, builds with the production compiler settings, lints (module boundaries
# included), validates docker-compose.yml, runs every unit and integration test against the real
# Kafka, Postgres and Redis, and ends with one line: "summary: N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

# shellcheck source=scripts/lib/prepare-node.sh
source scripts/lib/prepare-node.sh
va_prepare_node test || exit 1
export NX_DAEMON=false NX_NO_CLOUD=true
# kafkajs 2.2.4 schedules one timer with a negative delay (Node clamps it to 1 ms); the
# warning it prints is noise, not a fault.
export NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=TimeoutNegativeWarning"

checks_passed=0
checks_failed=0
failed_names=()

step() {
  local name=$1
  shift
  echo "test: ${name}"
  if "$@"; then
    checks_passed=$((checks_passed + 1))
  else
    checks_failed=$((checks_failed + 1))
    failed_names+=("$name")
    echo "test: FAILED ${name}" >&2
  fi
}

echo "test: local infrastructure (npm run infra:up)"
if ! bash scripts/infra/up.sh; then
  echo "test: the local infrastructure did not come up; see the messages above (npm run infra:up)" >&2
  echo "summary: 0 passed, 1 failed"
  exit 1
fi

# The simulated caller speaks with espeak-ng; its tests fail (never skip) without it.
# shellcheck source=scripts/lib/debian-tool.sh
source scripts/lib/debian-tool.sh
step "tools: espeak-ng for the simulated caller" va_ensure_debian_tool espeak-ng espeak-ng
step "contracts: buf lint and generated code up to date" bash scripts/proto/check.sh
step "build: tsc -b (strict, production settings)" npx tsc -b tsconfig.build.json
if ((checks_failed > 0)); then
  echo "test: stopping before the test run: ${failed_names[*]}" >&2
  echo "summary: ${checks_passed} passed, ${checks_failed} failed"
  exit 1
fi
step "lint: eslint with Nx module boundaries" bash -c 'npx nx show projects >/dev/null && npx eslint --max-warnings 0 .'
step "compose: docker-compose config -q" bash scripts/check-compose.sh

results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "test: node --test (unit and integration, real Kafka, Postgres and Redis)"
node --test \
  --test-concurrency=2 \
  --test-timeout=180000 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results" \
  'libs/*/dist/**/*.test.js' 'services/*/dist/**/*.test.js'
runner_exit=$?

tests_passed=$(grep -E '^# pass ' "$results" | awk '{print $3}' | tail -n 1)
tests_failed=$(grep -E '^# fail ' "$results" | awk '{print $3}' | tail -n 1)
tests_cancelled=$(grep -E '^# cancelled ' "$results" | awk '{print $3}' | tail -n 1)
tests_passed=${tests_passed:-0}
tests_failed=$(( ${tests_failed:-0} + ${tests_cancelled:-0} ))
if ((runner_exit != 0 && tests_failed == 0)); then
  tests_failed=1
fi
if ((tests_passed == 0 && tests_failed == 0)); then
  echo "test: the runner executed no test" >&2
  tests_failed=1
fi

passed=$((checks_passed + tests_passed))
failed=$((checks_failed + tests_failed))
if ((checks_failed > 0)); then
  echo "test: failed checks: ${failed_names[*]}" >&2
fi
echo "test: ${tests_passed} tests and ${checks_passed} checks passed; ${tests_failed} tests and ${checks_failed} checks failed"
echo "summary: ${passed} passed, ${failed} failed"
((failed == 0))

#!/usr/bin/env bash
# `npm run bench:bus`: the platform's own share of latency on one bus hop (publish to handler),
# for 10, 50 and 100 concurrent calls streaming 20 ms audio chunks in real time, on the
# in-memory bus and on the real Kafka broker (started if absent). One JSON line per run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/prepare-node.sh
source scripts/lib/prepare-node.sh
va_prepare_node bench
bash scripts/infra/up.sh >&2
npx tsc -b libs/bus >&2
NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=TimeoutNegativeWarning" exec node libs/bus/dist/bench/hop-latency.bench.js

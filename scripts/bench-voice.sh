#!/usr/bin/env bash
# `npm run bench:voice -- --calls N [--gateways G] [--json]`: N concurrent simulated calls through
# the live voice path (media-gateway, stt and tts as processes on the real Kafka broker, the
# sandbox vendors with injected latencies). The last line of stdout is one JSON object: calls,
# turns, v2v_ms and overhead_ms {p50, p95, p99} at the caller, injected_ms, gaps_over_40ms.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/prepare-node.sh
source scripts/lib/prepare-node.sh
va_prepare_node bench:voice
bash scripts/infra/up.sh >&2
# The tts service's offline fallback voice.
# shellcheck source=scripts/lib/debian-tool.sh
source scripts/lib/debian-tool.sh
va_ensure_debian_tool espeak-ng espeak-ng >&2
npx tsc -b tsconfig.build.json >&2
NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=TimeoutNegativeWarning" exec node services/platform/dist/voice/voice.bench.js "$@"

#!/usr/bin/env bash
# `npm run sandbox`: the provider stand-ins (Twilio, Deepgram, OpenAI, ElevenLabs) as one
# standalone process. The first line on stdout is one JSON object with each stand-in's base
# URL; it serves until stopped. Build progress goes to stderr.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/prepare-node.sh
source scripts/lib/prepare-node.sh
va_prepare_node sandbox
npx tsc -b libs/sandbox >&2
exec node libs/sandbox/dist/sandbox.main.js "$@"

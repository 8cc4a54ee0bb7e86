#!/usr/bin/env bash
# Regenerates the TypeScript contracts from proto/ (the only source of Kafka message types).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
buf lint
buf generate

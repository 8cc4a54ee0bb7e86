#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (Debian's docker-compose v1 parses and
# validates offline).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/debian-tool.sh
source scripts/lib/debian-tool.sh
va_ensure_debian_tool docker-compose docker-compose
docker-compose -f docker-compose.yml config -q
echo "check-compose: docker-compose.yml is valid"

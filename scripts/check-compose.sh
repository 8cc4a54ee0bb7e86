#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (Debian's docker-compose v1 parses and
# validates offline). Installs it when missing and running as root; otherwise says how.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v docker-compose >/dev/null 2>&1; then
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose </dev/null >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose </dev/null >/dev/null; }
  else
    echo "check-compose: docker-compose is missing; install it with: sudo apt-get install docker-compose" >&2
    exit 1
  fi
fi
docker-compose -f docker-compose.yml config -q
echo "check-compose: docker-compose.yml is valid"

#!/usr/bin/env bash
# Fails when proto/ breaks lint or when regenerating would change the committed contracts.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
generated=libs/contracts/src/gen
buf lint
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
buf generate --template '{"version":"v2","plugins":[{"local":"protoc-gen-es","out":"'"$scratch"'","opt":["target=ts","import_extension=none"]}]}'
if ! diff -r "$scratch" "$generated" > "$scratch.diff" 2>&1; then
  echo "proto:check: generated contracts are stale; run 'npm run proto:gen' and commit the result:" >&2
  head -40 "$scratch.diff" >&2
  rm -f "$scratch.diff"
  exit 1
fi
rm -f "$scratch.diff"
echo "proto:check: buf lint clean, generated contracts up to date"

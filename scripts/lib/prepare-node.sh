# shellcheck shell=bash
# Sourced by the entry scripts (start, sandbox, test): puts Node.js 24 on PATH (installing it
# from the npm registry when the machine's node is older) and installs the dependencies when
# node_modules is missing. Progress goes to stderr, so stdout stays the caller's.

va_prepare_node() {
  local label=$1
  if [[ -f scripts/provision-node.sh ]]; then
    eval "$(bash scripts/provision-node.sh)" || { echo "${label}: Node.js 24 is required" >&2; return 1; }
  fi
  if [[ ! -d node_modules ]]; then
    echo "${label}: installing dependencies (npm ci)" >&2
    npm ci --no-audit --no-fund --loglevel=warn >&2 || return 1
  fi
}

#!/usr/bin/env bash
# Makes Node.js 24+ available. When `node` on PATH is already 24 or newer it does nothing.
# Otherwise it installs Node 24 from the npm registry's `node` package into
# ~/.cache/voice-agent/node24 (once) and puts it first on PATH.
#
#   eval "$(bash scripts/provision-node.sh)"   prints: export PATH="<bin dir>:$PATH"
#   source scripts/provision-node.sh           changes PATH of the calling shell
#
# Progress goes to stderr, so only the export line reaches `eval`.

VA_NODE_MIN_MAJOR=24
VA_NODE_VERSION=24.21.0
VA_NODE_PREFIX="${VA_NODE_PREFIX:-${HOME}/.cache/voice-agent/node24}"

va_node_major() {
  "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

# Prints the bin dir to put on PATH, or nothing when the current node is recent enough.
va_node_bin_dir() {
  local bin_dir="${VA_NODE_PREFIX}/node_modules/node/bin"
  if command -v node >/dev/null 2>&1 && (($(va_node_major) >= VA_NODE_MIN_MAJOR)); then
    return 0
  fi
  if [[ -x "${bin_dir}/node" ]] && (($(va_node_major "${bin_dir}/node") >= VA_NODE_MIN_MAJOR)); then
    echo "$bin_dir"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "provision-node: node ${VA_NODE_MIN_MAJOR}+ and npm are both missing; install Node.js ${VA_NODE_MIN_MAJOR} from https://nodejs.org" >&2
    return 1
  fi
  echo "provision-node: installing node@${VA_NODE_VERSION} into ${VA_NODE_PREFIX}" >&2
  mkdir -p "$VA_NODE_PREFIX"
  npm install --no-save --no-audit --no-fund --prefix "$VA_NODE_PREFIX" "node@${VA_NODE_VERSION}" >&2 || return 1
  if ! [[ -x "${bin_dir}/node" ]] || (($(va_node_major "${bin_dir}/node") < VA_NODE_MIN_MAJOR)); then
    echo "provision-node: ${bin_dir}/node is missing or older than ${VA_NODE_MIN_MAJOR} after npm install" >&2
    return 1
  fi
  echo "provision-node: node $("${bin_dir}/node" --version) ready in ${bin_dir}" >&2
  echo "$bin_dir"
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  # Sourced: change the caller's PATH without touching its shell options.
  if va_node_dir="$(va_node_bin_dir)"; then
    [[ -z "$va_node_dir" ]] || export PATH="${va_node_dir}:${PATH}"
    unset va_node_dir
  else
    unset va_node_dir
    return 1
  fi
else
  set -euo pipefail
  dir="$(va_node_bin_dir)"
  if [[ -n "$dir" ]]; then
    # shellcheck disable=SC2016  # $PATH is for the shell that evals this line
    printf 'export PATH=%q:"$PATH"\n' "$dir"
  fi
fi

# shellcheck shell=bash
# Sourced by scripts that need a command from a Debian package: installs it when missing and
# running as root, otherwise fails with the command to run.

va_ensure_debian_tool() {
  local command_name=$1 package=$2
  command -v "$command_name" >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian package ${package} (for ${command_name})" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" </dev/null >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" </dev/null >/dev/null; }
    command -v "$command_name" >/dev/null 2>&1 && return 0
  fi
  echo "${command_name} is missing; install it with: sudo apt-get install ${package}" >&2
  return 1
}

# shellcheck shell=bash disable=SC2034  # variables are used by the files sourcing this one
# Shared settings and helpers of scripts/infra/up.sh and down.sh. Sourced, not executed.

VA_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)"
VA_STATE_DIR="${VA_REPO_ROOT}/.infra"

VA_KAFKA_PORT="${VA_KAFKA_PORT:-19092}"
VA_KAFKA_CONTROLLER_PORT="${VA_KAFKA_CONTROLLER_PORT:-$((VA_KAFKA_PORT + 1))}"
VA_PG_PORT="${VA_PG_PORT:-15432}"
VA_REDIS_PORT="${VA_REDIS_PORT:-16379}"

VA_KAFKA_URL="127.0.0.1:${VA_KAFKA_PORT}"
VA_PG_URL="postgres://va:va@127.0.0.1:${VA_PG_PORT}/va"
VA_REDIS_URL="redis://127.0.0.1:${VA_REDIS_PORT}"

# One line per component and step: "infra <component>: <message>".
va_status() {
  printf 'infra %-10s %s\n' "$1:" "$2"
}

va_fail() {
  printf 'infra %-10s ERROR: %s\n' "$1:" "$2" >&2
  exit 1
}

va_is_root() {
  [[ "$(id -u)" -eq 0 ]]
}

# True when something accepts TCP connections on 127.0.0.1:<port>.
va_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# va_wait_until <timeout-seconds> <command...>: polls every 0.2 s until the command succeeds.
va_wait_until() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 0.2
  done
}

va_pid_dead() {
  ! kill -0 "$1" 2>/dev/null
}

# va_require_deb <component> <debian-package> <command-path>: makes the command available,
# installing the package when running as root, failing with the exact command otherwise.
va_require_deb() {
  local component="$1" package="$2" command_path="$3"
  if [[ -x "$command_path" ]] || command -v "$command_path" >/dev/null 2>&1; then
    return 0
  fi
  if ! va_is_root; then
    va_fail "$component" "${command_path} not found; run: sudo apt-get update && sudo apt-get install -y ${package}"
  fi
  va_status "$component" "installing Debian package ${package}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
}

# Major version of `java` on PATH, or 0 when there is none.
va_java_major() {
  local version
  command -v java >/dev/null 2>&1 || { echo 0; return; }
  version="$(java -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)"
  echo "${version:-0}"
}

# Prints the log's last lines to stderr, for a component that failed to start.
va_show_log_tail() {
  if [[ -f "$1" ]]; then
    echo "---- last lines of $1 ----" >&2
    tail -n 30 "$1" >&2
  fi
}

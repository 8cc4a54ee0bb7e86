# shellcheck shell=bash source-path=SCRIPTDIR
# Loaded by up.sh and down.sh: every component's functions, and the per-checkout lock.

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=kafka.sh
source "$(dirname "${BASH_SOURCE[0]}")/kafka.sh"
# shellcheck source=postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"
# shellcheck source=redis.sh
source "$(dirname "${BASH_SOURCE[0]}")/redis.sh"
# shellcheck source=docker.sh
source "$(dirname "${BASH_SOURCE[0]}")/docker.sh"

# One infra:up or infra:down at a time per checkout: re-executes the calling script under the
# lock. `flock -o` keeps the lock out of the servers started below, which would otherwise hold
# it for as long as they run.
va_run_locked() {
  local script=$1
  shift
  if [[ -z "${VA_INFRA_LOCKED:-}" ]]; then
    mkdir -p "$VA_STATE_DIR"
    VA_INFRA_LOCKED=1 exec flock -o "${VA_STATE_DIR}/.lock" bash "$script" "$@"
  fi
}

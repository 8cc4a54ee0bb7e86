# shellcheck shell=bash
# Local Redis from the Debian redis-server package, without persistence.
# Sourced by up.sh and down.sh after common.sh.

VA_REDIS_DIR="${VA_STATE_DIR}/redis"
VA_REDIS_PID="${VA_REDIS_DIR}/redis.pid"
VA_REDIS_LOG="${VA_REDIS_DIR}/redis.log"

va_redis_ping_ok() {
  [[ "$(redis-cli -h 127.0.0.1 -p "$VA_REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]
}

va_redis_prepare() {
  va_require_deb redis redis-tools redis-cli
  va_port_open "$VA_REDIS_PORT" || va_require_deb redis redis-server redis-server
}

va_redis_up() {
  if va_port_open "$VA_REDIS_PORT"; then
    if va_redis_ping_ok; then
      va_status redis "reusing the server already answering on ${VA_REDIS_URL}"
      return 0
    fi
    va_fail redis "port ${VA_REDIS_PORT} is open but does not answer PING"
  fi
  mkdir -p "$VA_REDIS_DIR"
  # Sessions are disposable: no RDB snapshots, no append-only file.
  if ! redis-server --bind 127.0.0.1 --port "$VA_REDIS_PORT" --protected-mode yes \
    --daemonize yes --pidfile "$VA_REDIS_PID" --logfile "$VA_REDIS_LOG" --dir "$VA_REDIS_DIR" \
    --save '' --appendonly no --loglevel warning; then
    va_fail redis "redis-server did not start"
  fi
  if ! va_wait_until 15 va_redis_ping_ok; then
    va_show_log_tail "$VA_REDIS_LOG"
    va_fail redis "no PONG on port ${VA_REDIS_PORT} after 15s (log: ${VA_REDIS_LOG})"
  fi
  va_status redis "started on ${VA_REDIS_URL} (pid $(cat "$VA_REDIS_PID"), log ${VA_REDIS_LOG})"
}

# Stops the server only when this repo's pid file names a live redis-server on our port.
va_redis_down() {
  local pid=""
  [[ -f "$VA_REDIS_PID" ]] && pid="$(cat "$VA_REDIS_PID")"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null ||
    ! tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q "redis-server.*:${VA_REDIS_PORT}"; then
    rm -f "$VA_REDIS_PID"
    va_status redis "not started by infra:up; nothing to stop"
    return 0
  fi
  redis-cli -h 127.0.0.1 -p "$VA_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  if ! va_wait_until 10 va_pid_dead "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
  fi
  rm -f "$VA_REDIS_PID"
  va_status redis "stopped (pid ${pid})"
}

va_redis_purge() {
  rm -rf "$VA_REDIS_DIR"
  va_status redis "removed data ${VA_REDIS_DIR}"
}

# shellcheck shell=bash
# Local PostgreSQL cluster from the Debian postgresql package.
# Sourced by up.sh and down.sh after common.sh.
#
# Postgres refuses to run as root. As root the cluster lives where the `postgres` OS user can
# write (/var/lib/voice-agent/<hash of this repo's path>) and every server binary runs through
# `runuser -u postgres`; otherwise it lives under .infra/postgres as the current user.

if va_is_root; then
  VA_PG_HOME="/var/lib/voice-agent/$(printf '%s' "$VA_REPO_ROOT" | sha256sum | cut -c1-12)"
else
  VA_PG_HOME="${VA_STATE_DIR}/postgres"
fi
VA_PG_DATA="${VA_PG_HOME}/data"
VA_PG_LOG="${VA_PG_HOME}/postgres.log"
VA_PG_SOCKET_DIR="${VA_PG_HOME}"

# Server binaries of the cluster's version, or of the newest installed one before initdb,
# e.g. /usr/lib/postgresql/15/bin.
va_pg_bindir() {
  local dir
  if [[ -f "${VA_PG_DATA}/PG_VERSION" ]]; then
    dir="/usr/lib/postgresql/$(cat "${VA_PG_DATA}/PG_VERSION")/bin"
  else
    dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -n 1 || true)"
  fi
  if [[ -n "$dir" && -x "${dir}/pg_ctl" ]]; then
    echo "$dir"
  fi
}

# Runs a server binary as the cluster's owner.
va_pg_as_owner() {
  if va_is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

va_pg_app_ok() {
  PGCONNECT_TIMEOUT=3 psql -X -q -t -A "$VA_PG_URL" -c 'select 1' 2>/dev/null | grep -qx 1
}

va_pg_admin_sql() {
  va_pg_as_owner psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$VA_PG_SOCKET_DIR" -p "$VA_PG_PORT" \
    -U postgres -d postgres -c "$1"
}

va_pg_require_server() {
  if [[ -n "$(va_pg_bindir)" ]]; then
    return 0
  fi
  if ! va_is_root; then
    va_fail postgres "PostgreSQL server not found; run: sudo apt-get update && sudo apt-get install -y postgresql"
  fi
  va_status postgres "installing Debian package postgresql"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  [[ -n "$(va_pg_bindir)" ]] || va_fail postgres "postgresql installed but no /usr/lib/postgresql/*/bin/pg_ctl"
}

va_pg_init() {
  local bindir="$1"
  if [[ -f "${VA_PG_DATA}/PG_VERSION" ]]; then
    return 0
  fi
  mkdir -p "$VA_PG_HOME"
  if va_is_root; then
    chown postgres:postgres "$VA_PG_HOME"
    chmod 700 "$VA_PG_HOME"
  fi
  # Local socket connections are trusted (admin tasks below); TCP needs the role's password.
  if ! va_pg_as_owner "${bindir}/initdb" -D "$VA_PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"${VA_PG_HOME}/initdb.log" 2>&1; then
    va_show_log_tail "${VA_PG_HOME}/initdb.log"
    va_fail postgres "initdb failed"
  fi
  va_pg_as_owner tee -a "${VA_PG_DATA}/postgresql.conf" >/dev/null <<'EOF'

# Local development cluster of the voice agent (scripts/infra/lib/postgres.sh).
# Port, listen address and socket directory are passed by pg_ctl on each start.
max_connections = 200
shared_buffers = 128MB
log_min_messages = warning
log_connections = off
EOF
  va_status postgres "initialized cluster in ${VA_PG_DATA}"
}

va_pg_start() {
  local bindir="$1"
  if ! va_pg_as_owner "${bindir}/pg_ctl" -D "$VA_PG_DATA" -l "$VA_PG_LOG" -w -t 60 \
    -o "-c port=${VA_PG_PORT} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${VA_PG_SOCKET_DIR}" \
    start >/dev/null; then
    va_show_log_tail "$VA_PG_LOG"
    va_fail postgres "pg_ctl start failed (log: ${VA_PG_LOG})"
  fi
}

# Role and database `va` (idempotent), and the role va_app that the application's
# transactions run as (row-level security applies to it), granted to va so va can SET ROLE.
va_pg_ensure_app_db() {
  va_pg_admin_sql "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'va') THEN
        CREATE ROLE va LOGIN CREATEDB PASSWORD 'va';
      END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'va_app') THEN
        CREATE ROLE va_app NOLOGIN;
      END IF;
    END \$\$;" >/dev/null
  va_pg_admin_sql "GRANT va_app TO va" >/dev/null
  if [[ "$(va_pg_admin_sql "SELECT 1 FROM pg_database WHERE datname = 'va'")" != "1" ]]; then
    va_pg_admin_sql "CREATE DATABASE va OWNER va" >/dev/null
  fi
}

# Installs the client, and the server unless one already answers on our port.
va_pg_prepare() {
  va_require_deb postgres postgresql-client psql
  va_port_open "$VA_PG_PORT" || va_pg_require_server
}

va_pg_up() {
  if va_port_open "$VA_PG_PORT"; then
    if va_pg_app_ok; then
      # Our own cluster from an earlier run: bring its roles up to date (quietly, best effort).
      if va_pg_running; then va_pg_ensure_app_db 2>/dev/null || true; fi
      va_status postgres "reusing the server already answering on 127.0.0.1:${VA_PG_PORT}"
      return 0
    fi
    va_fail postgres "port ${VA_PG_PORT} is open but ${VA_PG_URL} does not accept 'select 1'"
  fi
  local bindir
  bindir="$(va_pg_bindir)"
  va_pg_init "$bindir"
  va_pg_start "$bindir"
  va_pg_ensure_app_db
  va_pg_app_ok || va_fail postgres "server started but ${VA_PG_URL} does not accept 'select 1'"
  va_status postgres "started on 127.0.0.1:${VA_PG_PORT} (data ${VA_PG_DATA}, log ${VA_PG_LOG})"
}

va_pg_running() {
  [[ -f "${VA_PG_DATA}/postmaster.pid" ]] &&
    va_pg_as_owner "$(va_pg_bindir)/pg_ctl" -D "$VA_PG_DATA" status >/dev/null 2>&1
}

va_pg_down() {
  if [[ -z "$(va_pg_bindir)" ]] || ! va_pg_running; then
    va_status postgres "not started by infra:up; nothing to stop"
    return 0
  fi
  va_pg_as_owner "$(va_pg_bindir)/pg_ctl" -D "$VA_PG_DATA" -m fast -w -t 60 stop >/dev/null
  va_status postgres "stopped (data ${VA_PG_DATA})"
}

va_pg_purge() {
  rm -rf "$VA_PG_HOME"
  va_status postgres "removed data ${VA_PG_HOME}"
}

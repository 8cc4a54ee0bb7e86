# shellcheck shell=bash disable=SC2153  # VA_KAFKA_PORT comes from common.sh
# Local Apache Kafka broker (KRaft, single node) run from Maven Central jars.
# Sourced by up.sh and down.sh after common.sh.

VA_KAFKA_DIR="${VA_STATE_DIR}/kafka"
VA_KAFKA_LIBS="${VA_KAFKA_DIR}/libs"
VA_KAFKA_DATA="${VA_KAFKA_DIR}/data"
VA_KAFKA_CONFIG="${VA_KAFKA_DIR}/server.properties"
VA_KAFKA_PID="${VA_KAFKA_DIR}/kafka.pid"
VA_KAFKA_LOG="${VA_KAFKA_DIR}/kafka.log"
VA_KAFKA_POM="${VA_REPO_ROOT}/deploy/kafka/pom.xml"
VA_KAFKA_STARTUP_TIMEOUT_S=90

# Sends a Metadata v4 request (no topics) and checks the reply names at least one broker.
# Needs nothing but bash, so it also works before `npm ci`.
va_kafka_metadata_ok() {
  local reply
  reply="$(
    exec 2>/dev/null
    exec 3<>"/dev/tcp/127.0.0.1/${VA_KAFKA_PORT}" || exit 1
    # size=15 | api_key=3 (Metadata) | api_version=4 | correlation_id=42 | client_id=null
    # | topics=[] | allow_auto_topic_creation=false
    printf '\x00\x00\x00\x0f\x00\x03\x00\x04\x00\x00\x00\x2a\xff\xff\x00\x00\x00\x00\x00' >&3
    timeout 5 head -c 16 <&3 | od -An -v -tx1 | tr -d ' \n'
  )" || return 1
  # size(4) | correlation_id=42 | throttle_time_ms(4) | broker count >= 1
  [[ "$reply" =~ ^[0-9a-f]{8}0000002a[0-9a-f]{8}([0-9a-f]{8})$ ]] || return 1
  ((16#${BASH_REMATCH[1]} >= 1))
}

# True when the pid file names a live broker of this repo (not a recycled pid).
va_kafka_pid_alive() {
  local pid
  [[ -f "$VA_KAFKA_PID" ]] || return 1
  pid="$(cat "$VA_KAFKA_PID")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -qF "$VA_KAFKA_CONFIG"
}

va_kafka_require_java() {
  if (($(va_java_major) >= 17)); then
    return 0
  fi
  if ! va_is_root; then
    va_fail kafka "Java 17+ not found on PATH; run: sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless"
  fi
  va_status kafka "installing Debian package openjdk-17-jre-headless"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
}

va_kafka_pom_hash() {
  sha256sum "$VA_KAFKA_POM" | cut -d' ' -f1
}

va_kafka_libs_current() {
  [[ -f "${VA_KAFKA_LIBS}/.pom.sha256" && "$(cat "${VA_KAFKA_LIBS}/.pom.sha256")" == "$(va_kafka_pom_hash)" ]]
}

# Installs what starting a broker needs (Java 17+, and Maven until the jars are resolved).
# Runs before the components start in parallel, so apt-get never runs twice at once.
va_kafka_prepare() {
  if va_port_open "$VA_KAFKA_PORT"; then
    return 0
  fi
  va_kafka_require_java
  va_kafka_libs_current || va_require_deb kafka maven mvn
}

# Copies the broker's runtime jars into .infra/kafka/libs once per pom.xml content.
va_kafka_resolve_libs() {
  local pom_hash
  if va_kafka_libs_current; then
    return 0
  fi
  pom_hash="$(va_kafka_pom_hash)"
  va_status kafka "resolving Kafka jars from Maven Central into ${VA_KAFKA_LIBS}"
  rm -rf "${VA_KAFKA_LIBS}.tmp"
  if ! mvn -q -B -ntp -Dstyle.color=never -f "$VA_KAFKA_POM" dependency:copy-dependencies \
    -DoutputDirectory="${VA_KAFKA_LIBS}.tmp" -DincludeScope=runtime >"${VA_KAFKA_DIR}/mvn.log" 2>&1; then
    va_show_log_tail "${VA_KAFKA_DIR}/mvn.log"
    va_fail kafka "maven could not resolve deploy/kafka/pom.xml"
  fi
  echo "$pom_hash" >"${VA_KAFKA_LIBS}.tmp/.pom.sha256"
  rm -rf "$VA_KAFKA_LIBS"
  mv "${VA_KAFKA_LIBS}.tmp" "$VA_KAFKA_LIBS"
}

va_kafka_render_config() {
  sed -e "s|@KAFKA_PORT@|${VA_KAFKA_PORT}|g" \
    -e "s|@CONTROLLER_PORT@|${VA_KAFKA_CONTROLLER_PORT}|g" \
    -e "s|@LOG_DIRS@|${VA_KAFKA_DATA}|g" \
    "${VA_REPO_ROOT}/deploy/kafka/server.properties" >"$VA_KAFKA_CONFIG"
}

# Formats the storage once. The controller's address is written into the metadata log, so a
# data dir formatted for other ports is discarded (it only ever holds disposable dev data).
va_kafka_format() {
  local ports="${VA_KAFKA_PORT}/${VA_KAFKA_CONTROLLER_PORT}" ports_file="${VA_KAFKA_DIR}/data.ports"
  if [[ -f "${VA_KAFKA_DATA}/meta.properties" && -f "$ports_file" && "$(cat "$ports_file")" == "$ports" ]]; then
    return 0
  fi
  rm -rf "$VA_KAFKA_DATA" "$ports_file"
  local cluster_id
  cluster_id="$(java -cp "${VA_KAFKA_LIBS}/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  if ! java -cp "${VA_KAFKA_LIBS}/*" kafka.tools.StorageTool format -t "$cluster_id" \
    -c "$VA_KAFKA_CONFIG" --standalone >"${VA_KAFKA_DIR}/format.log" 2>&1; then
    va_show_log_tail "${VA_KAFKA_DIR}/format.log"
    va_fail kafka "storage format failed"
  fi
  echo "$ports" >"$ports_file"
  va_status kafka "formatted storage (cluster ${cluster_id})"
}

va_kafka_launch() {
  : >"$VA_KAFKA_LOG"
  # The inner shell records its own pid, then becomes the JVM; setsid detaches it from
  # this terminal so Ctrl-C on a later command does not stop the broker.
  # shellcheck disable=SC2016  # $$ and $1 belong to the inner shell
  setsid nohup bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$VA_KAFKA_PID" \
    java -Xms256m -Xmx768m -XX:+UseG1GC \
    -Dlog4j2.configurationFile="${VA_REPO_ROOT}/deploy/kafka/log4j2.yaml" \
    -cp "${VA_KAFKA_LIBS}/*" kafka.Kafka "$VA_KAFKA_CONFIG" \
    >>"$VA_KAFKA_LOG" 2>&1 </dev/null &
  va_wait_until 5 test -s "$VA_KAFKA_PID" || va_fail kafka "broker process did not start"
}

# Startup is over once the broker answers or its process is gone.
va_kafka_settled() {
  ! va_kafka_pid_alive || va_kafka_metadata_ok
}

va_kafka_up() {
  if va_port_open "$VA_KAFKA_PORT"; then
    if va_kafka_metadata_ok; then
      va_status kafka "reusing the broker already answering on ${VA_KAFKA_URL}"
      return 0
    fi
    va_fail kafka "port ${VA_KAFKA_PORT} is open but does not answer Kafka metadata requests"
  fi
  if va_kafka_pid_alive; then
    va_status kafka "our broker process runs but does not listen; restarting it"
    va_kafka_down
  fi
  mkdir -p "$VA_KAFKA_DIR"
  va_kafka_resolve_libs
  va_kafka_render_config
  va_kafka_format
  va_kafka_launch
  va_wait_until "$VA_KAFKA_STARTUP_TIMEOUT_S" va_kafka_settled || true
  if ! va_kafka_pid_alive; then
    va_show_log_tail "$VA_KAFKA_LOG"
    va_fail kafka "broker exited during startup (log: ${VA_KAFKA_LOG})"
  fi
  if ! va_kafka_metadata_ok; then
    va_show_log_tail "$VA_KAFKA_LOG"
    va_fail kafka "broker not answering metadata requests after ${VA_KAFKA_STARTUP_TIMEOUT_S}s (log: ${VA_KAFKA_LOG})"
  fi
  va_status kafka "started on ${VA_KAFKA_URL} (pid $(cat "$VA_KAFKA_PID"), log ${VA_KAFKA_LOG})"
}

# Stops the broker only when this repo's pid file names a live process.
va_kafka_down() {
  if ! va_kafka_pid_alive; then
    rm -f "$VA_KAFKA_PID"
    va_status kafka "not started by infra:up; nothing to stop"
    return 0
  fi
  local pid
  pid="$(cat "$VA_KAFKA_PID")"
  kill -TERM "$pid"
  if ! va_wait_until 30 va_pid_dead "$pid"; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$VA_KAFKA_PID"
  va_status kafka "stopped (pid ${pid})"
}

va_kafka_purge() {
  rm -rf "$VA_KAFKA_DATA" "${VA_KAFKA_DIR}/data.ports"
  va_status kafka "removed data ${VA_KAFKA_DATA}"
}

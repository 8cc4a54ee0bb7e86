# shellcheck shell=bash
# Infrastructure from docker-compose.yml, used instead of native processes when a Docker
# engine answers. Sourced by up.sh and down.sh after common.sh.

va_docker_usable() {
  command -v docker >/dev/null 2>&1 &&
    timeout 10 docker info >/dev/null 2>&1 &&
    docker compose version >/dev/null 2>&1
}

va_docker_up() {
  va_status docker "docker engine found; starting kafka postgres redis with docker compose"
  docker compose -f "${VA_REPO_ROOT}/docker-compose.yml" up -d --wait kafka postgres redis
}

va_docker_down() {
  local purge="$1"
  if ((purge)); then
    docker compose -f "${VA_REPO_ROOT}/docker-compose.yml" down --volumes
  else
    docker compose -f "${VA_REPO_ROOT}/docker-compose.yml" stop kafka postgres redis
  fi
}

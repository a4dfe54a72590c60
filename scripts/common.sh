# shellcheck shell=bash
# What the project's scripts share: installing a missing Debian package, loading dev.env, reading the suite's
# declaration (suite.conf), building an image from a context of only what it copies, and the machine's calibration.
# Sourced, not run: . "$ROOT/scripts/common.sh" with ROOT set to the repository.

# Installs Debian packages unless every given command is already there (root or sudo; one apt-get update first).
#   require_packages COMMAND... -- PACKAGE...
require_packages() {
  local commands=() missing=0
  while [[ $# -gt 0 && "$1" != "--" ]]; do commands+=("$1"); shift; done
  shift
  local c
  for c in "${commands[@]}"; do command -v "$c" >/dev/null 2>&1 || missing=1; done
  ((missing)) || return 0
  local sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q "$@"
}

# Exports each dev.env value whose variable is not set already; DEV_ENV_USED lists the ones taken.
load_dev_env() {
  local key value
  DEV_ENV_USED=()
  while IFS='=' read -r key value; do
    [[ -z "$key" || "$key" == \#* ]] && continue
    if [[ -z "${!key:-}" ]]; then
      export "$key=$value"
      DEV_ENV_USED+=("$key")
    fi
  done < "$ROOT/dev.env"
}

# suite.conf without comments and blank lines: name module port tier health database jvm public, one per line.
suite_rows() {
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$ROOT/suite.conf"
}

declared_port() { # name -> the port suite.conf gives that process
  suite_rows | awk -v name="$1" '$1 == name { print $3 }'
}

# Builds an image from a context holding only the given repository paths (hard links where the file system allows).
# A Docker engine without BuildKit (Debian's docker.io) is sent the whole context with every build, and the
# repository's, even through .dockerignore, holds every module's jar (about 900 MB).
#   build_image_from PATH... -- DOCKER_BUILD_ARG...   (-f with a path relative to ROOT, or absolute)
build_image_from() {
  local paths=() path context rc=0
  while [[ $# -gt 0 && "$1" != "--" ]]; do paths+=("$1"); shift; done
  shift
  mkdir -p "$ROOT/target"
  context=$(mktemp -d "$ROOT/target/image-context.XXXXXX")
  for path in "${paths[@]}"; do
    mkdir -p "$context/$(dirname "$path")"
    cp -al "$ROOT/$path" "$context/$path" 2>/dev/null || cp -a "$ROOT/$path" "$context/$path"
  done
  (cd "$ROOT" && docker build "$@" "$context") || rc=$?
  rm -rf "$context"
  return $rc
}

# Milliseconds that bench/Calibration.java's fixed piece of work takes on one core: bench/run and .ci/run print it so
# that figures from different machines, or one machine on a busy day, can be compared.
calibration_ms() {
  java -XX:+UseSerialGC -Xmx256m "$ROOT/bench/Calibration.java"
}

# shellcheck shell=bash
# What the project's scripts share: installing a missing Debian package, loading dev.env, and reading the suite's
# declaration (suite.conf). Sourced, not run: . "$ROOT/scripts/common.sh" with ROOT set to the repository.

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

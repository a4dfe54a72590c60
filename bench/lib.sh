# shellcheck shell=bash
# What bench/run and bench/server-ab share: JSON fields, logging in through the gateway, a process tree's CPU time.
# Sourced, not run; log_in reads the gateway's API address from $api.

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

log_in() { # email password -> an access token
  # shellcheck disable=SC2154 # $api: set by the script that sources this file
  curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$api/auth/token" \
    | json "['access_token']"
}

# CPU ticks (user + system) of a process and all its descendants: PostgreSQL's server processes are children of
# its launcher, and their time counts as the database's.
tree_ticks() {
  local pid=$1 total=0 child
  [[ -r /proc/$pid/stat ]] || { echo 0; return; }
  # Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  total=$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')
  for child in $(pgrep -P "$pid" || true); do
    total=$((total + $(tree_ticks "$child")))
  done
  echo "$total"
}

# shellcheck shell=bash
# What bench/run and bench/server-ab share: JSON fields, logging in through the gateway, a process tree's CPU time,
# starting the bare Zuul. Sourced, not run: it uses the sourcing script's die, $ROOT, $api and $PRODUCT_PORT.

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

await_ready() { # url pid [log]: returns once the URL answers; dies if the process exits (its log's tail) or 180 s pass
  local i
  for ((i = 0; i < 180; i++)); do
    curl -fs -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || die "the process behind $1 exited${3:+: $(tail -5 "$3")}"
    sleep 1
  done
  die "$1 not ready after 180 s"
}

# The bare Zuul (bench/zuul-floor) on a port, in front of product-service at $PRODUCT_PORT (host routing, or Ribbon's
# with --spring.profiles.active=ribbon), with the gateway's JVM options as suite-launcher gives them, without
# class-data sharing. Sets PID; returns once it answers.
start_floor() { # port jar log [argument...]
  local port=$1 jar=$2 log=$3 launch args=()
  shift 3
  launch=$(MSA_CDS=0 java -jar "$ROOT/suite-launcher/target/suite-launcher.jar" java-args "$ROOT" zuul-gateway \
    "zuul-floor-$port" "$jar") || die "suite-launcher could not give the gateway's JVM options"
  mapfile -t args <<< "$launch"
  # shellcheck disable=SC2153 # $PRODUCT_PORT: set by the script that sources this file
  PORT=$port FLOOR_TARGET="http://localhost:$PRODUCT_PORT" FLOOR_TARGET_SERVER="localhost:$PRODUCT_PORT" \
    java "${args[@]}" "$@" > "$log" 2>&1 &
  PID=$!
  await_ready "http://localhost:$port/actuator/health" "$PID" "$log"
}

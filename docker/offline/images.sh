#!/usr/bin/env bash
# The images a Docker engine without Docker Hub needs, built from Debian's packages and the project's own jars
# (build them first: ./mvnw package -DskipTests), each only when missing (--force rebuilds the stand-ins):
#   msa-kit/debian:bookworm       debootstrap --variant=minbase, imported (about 2 minutes, once)
#   msa-kit/jre:17                Debian's OpenJDK 17 JRE and curl: JRE_IMAGE=msa-kit/jre:17 ./msa images
#   msa-kit/standin-postgres:local, msa-kit/standin-kafka:local, msa-kit/standin-zipkin:local
#                                 for docker/offline/compose.offline.yml
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
# shellcheck source=scripts/common.sh
. "$ROOT/scripts/common.sh"

BASE_IMAGE=${BASE_IMAGE:-msa-kit/debian:bookworm}
JRE_IMAGE=${JRE_IMAGE:-msa-kit/jre:17}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
force=${1:-}

have() { docker image inspect "$1" >/dev/null 2>&1; }

if ! have "$BASE_IMAGE"; then
  require_packages debootstrap -- debootstrap
  rootfs=$(mktemp -d)
  echo "base image $BASE_IMAGE: debootstrap bookworm from $MIRROR"
  debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" > "$rootfs.log" 2>&1 \
    || { tail -20 "$rootfs.log"; exit 1; }
  tar -C "$rootfs" -c . | docker import - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs" "$rootfs.log"
fi
if ! have "$JRE_IMAGE"; then
  echo "JRE image $JRE_IMAGE"
  docker build -q -t "$JRE_IMAGE" --build-arg "BASE_IMAGE=$BASE_IMAGE" -f docker/offline/base.Dockerfile \
    docker/offline >/dev/null
fi
for standin in postgres kafka zipkin; do
  if [[ "$force" == --force ]] || ! have "msa-kit/standin-$standin:local"; then
    echo "stand-in msa-kit/standin-$standin:local"
    # Each Dockerfile's COPY sources, nothing else.
    mapfile -t sources < <(sed -n 's/^COPY \([^ ]*\) .*/\1/p' "docker/offline/$standin.Dockerfile")
    build_image_from "${sources[@]}" -- -q -t "msa-kit/standin-$standin:local" --build-arg "BASE_IMAGE=$BASE_IMAGE" \
      --build-arg "JRE_IMAGE=$JRE_IMAGE" -f "docker/offline/$standin.Dockerfile" >/dev/null
  fi
done

#!/usr/bin/env bash
# The images a Docker engine without Docker Hub needs, built from Debian's packages and the project's own jars
# (build them first: ./mvnw package -DskipTests), each only when missing; a stand-in also when its Dockerfile or
# what it copies changed (--force rebuilds the stand-ins anyway):
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
# A stand-in is built again when its Dockerfile or what it copies changed since the image was built (a label holds
# their digest): a machine that kept an older stand-in would otherwise check the compose file against it.
sources_digest() { # FILE...: one digest of the files' contents (folders: every file in them)
  find "$@" -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
}
for standin in postgres kafka zipkin; do
  image="msa-kit/standin-$standin:local"
  # Each Dockerfile's COPY sources, nothing else.
  mapfile -t sources < <(sed -n 's/^COPY \([^ ]*\) .*/\1/p' "docker/offline/$standin.Dockerfile")
  digest=$(sources_digest "docker/offline/$standin.Dockerfile" "${sources[@]}")
  built=$(docker image inspect -f '{{index .Config.Labels "msa-kit.sources"}}' "$image" 2>/dev/null || true)
  if [[ "$force" == --force || "$built" != "$digest" ]]; then
    echo "stand-in $image"
    build_image_from "${sources[@]}" -- -q -t "$image" --label "msa-kit.sources=$digest" \
      --build-arg "BASE_IMAGE=$BASE_IMAGE" --build-arg "JRE_IMAGE=$JRE_IMAGE" -f "docker/offline/$standin.Dockerfile" \
      >/dev/null
  fi
done

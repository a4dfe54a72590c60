# The JRE image the project's images build on when Docker Hub cannot be reached: Debian's own OpenJDK 17 (headless)
# and curl (the images' HEALTHCHECK), on the base image that images.sh imports from debootstrap.
#   JRE_IMAGE=msa-kit/jre:17 ./msa images
ARG BASE_IMAGE=msa-kit/debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless curl ca-certificates \
 && rm -rf /var/lib/apt/lists/*

#!/bin/sh
# The official image's variables, as kafka-broker's own: the advertised host from KAFKA_ADVERTISED_LISTENERS, the
# data folder from KAFKA_LOG_DIRS, partitions from KAFKA_NUM_PARTITIONS, the heap from KAFKA_HEAP_OPTS.
set -eu
advertised=${KAFKA_ADVERTISED_LISTENERS:-PLAINTEXT://localhost:9092}
host=${advertised#*://}
export KAFKA_ADVERTISED_HOST="${host%%:*}"
export KAFKA_BIND_ADDRESS=0.0.0.0 KAFKA_PORT=9092 KAFKA_CONTROLLER_PORT=9093 PORT=9094
export KAFKA_DATA_DIR="${KAFKA_LOG_DIRS:-/var/lib/kafka/data}"
export KAFKA_PARTITIONS="${KAFKA_NUM_PARTITIONS:-4}"
# shellcheck disable=SC2086 # the heap options are separate words
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} -jar /opt/kafka/kafka-broker.jar

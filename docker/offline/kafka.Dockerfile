# Stand-in for apache/kafka where Docker Hub cannot be reached: the project's kafka-broker (Apache Kafka in KRaft
# mode, as ./msa runs it), configured from the official image's KAFKA_* variables that the compose file sets. The
# compose healthcheck asks it over the Kafka protocol with bash and od, as it asks the official image.
ARG JRE_IMAGE=msa-kit/jre:17
FROM ${JRE_IMAGE}
COPY kafka-broker/target/lib/ /opt/kafka/lib/
COPY kafka-broker/target/kafka-broker.jar /opt/kafka/kafka-broker.jar
COPY docker/offline/kafka-entrypoint.sh /opt/kafka/entrypoint.sh
RUN mkdir -p /var/lib/kafka/data \
 && chown -R 10001:10001 /var/lib/kafka
USER 10001:10001
EXPOSE 9092
ENTRYPOINT ["/opt/kafka/entrypoint.sh"]

# Stand-in for openzipkin/zipkin where Docker Hub cannot be reached: the official server jar the build fetched
# (zipkin-server/target/zipkin-server.jar), which reads STORAGE_TYPE and MEM_MAX_SPANS itself.
ARG JRE_IMAGE=msa-kit/jre:17
FROM ${JRE_IMAGE}
COPY zipkin-server/target/zipkin-server.jar /zipkin/zipkin.jar
USER 10001:10001
EXPOSE 9411
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD curl -fsS http://localhost:9411/health >/dev/null
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/zipkin/zipkin.jar"]

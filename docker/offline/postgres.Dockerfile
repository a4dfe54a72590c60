# Stand-in for postgres:15-alpine where Docker Hub cannot be reached: Debian's PostgreSQL 15, honouring the official
# image's POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB, its data folder, and pg_isready for the healthcheck.
ARG BASE_IMAGE=msa-kit/debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/* \
 && ln -s /usr/lib/postgresql/15/bin/* /usr/local/bin/
COPY docker/offline/postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint.sh
ENV PGDATA=/var/lib/postgresql/data
EXPOSE 5432
STOPSIGNAL SIGINT
ENTRYPOINT ["/usr/local/bin/postgres-entrypoint.sh"]

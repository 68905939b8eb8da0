# schemac in a container, from the Debian package (cpack in build/ makes it):
#
#   (cd build && cpack) && cp build/schemac_*_amd64.deb .
#   docker build -t schemac .
#   docker run --rm -v "$PWD:/work" -w /work -e DATABASE_URL schemac plan
#
# The package depends on a PostgreSQL server, which the embedded shadow runs
# (as the postgres user when the container runs as root). Not built in this
# repository's CI: its machines have no Docker.
FROM debian:12-slim
COPY schemac_*_amd64.deb /tmp/
RUN apt-get update \
    && apt-get install -y --no-install-recommends /tmp/schemac_*_amd64.deb \
    && rm -rf /var/lib/apt/lists/* /tmp/schemac_*_amd64.deb
ENTRYPOINT ["schemac"]

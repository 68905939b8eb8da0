# The harness of the examples/ sessions, sourced by each `run`: a throwaway
# PostgreSQL server on a private socket (database `app`, $DATABASE_URL),
# `show` to print a command as typed with what it prints, and `schemac`.
#
# Timings and dates vary from run to run; they are printed as N ms and DATE.
# Needs $root (the repository) and $work (an empty directory).
set -euo pipefail
if [ -z "${SCHEMAC_BIN:-}" ]; then
    "$root/scripts/setup"
    SCHEMAC_BIN="$root/build/compiler/schemac"
fi
schemac_bin=$SCHEMAC_BIN
# No progress lines for slow stages: the session's output must not depend on
# the machine's speed.
export SCHEMAC_PROGRESS=0

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$work"
cleanup() {
    as_postgres "$pgbin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# The "production" database: a server of our own on a private socket.
as_postgres "$pgbin/initdb" -D "$work/data" -A trust -U postgres >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
    -o "-k $work -c listen_addresses=''" start >/dev/null
"$pgbin/createdb" -h "$work" -U postgres app
export DATABASE_URL="postgresql:///app?host=$work&user=postgres"

normalize() {
    sed -E -e "s#$work#/tmp/example#g" \
        -e 's/[0-9]+ ms/N ms/g' \
        -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} UTC/DATE/g'
}
# Shows a command as typed, then what it prints (stdout and stderr, in order)
# and its exit status when not 0.
show() {
    echo "\$ $1"
    set +e
    eval "$1" 2>&1 | normalize
    local status=${PIPESTATUS[0]}
    set -e
    [ "$status" = 0 ] || echo "[exit $status]"
    echo
}
schemac() { "$schemac_bin" "$@"; }
# psql on the database, unaligned, as a session shows a query.
sql() { PGTZ=UTC "$pgbin/psql" -X -q -A -h "$work" -U postgres -d app -c "$1"; }

#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the test suite (CI and
# developers alike): trust auth, no fsync (test data only), port $PGPORT (55432).
# Prints the URL to use as TEST_POSTGRES_URL. Needs Debian's postgresql package.
set -euo pipefail

PGPORT="${PGPORT:-55432}"
PGDATA="${PGDATA:-/tmp/gov-newsroom-pg}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi

as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

if ! "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
  rm -rf "$PGDATA"
  mkdir -p "$PGDATA"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$PGDATA"
  as_postgres "'$PGBIN/initdb' -D '$PGDATA' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null"
  as_postgres "'$PGBIN/pg_ctl' -D '$PGDATA' -l '$PGDATA/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start >/dev/null"
fi
echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"

#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the tests and prints its URL.
# Usage: scripts/ci/start-postgres.sh <work-dir> [port]
# Stop it with: scripts/ci/stop-postgres.sh <work-dir>
set -euo pipefail
dir=$(realpath -m "${1:?work directory}")
port=${2:-55432}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$bin/initdb" ] || { echo "PostgreSQL binaries not found in $bin (set PG_BIN)" >&2; exit 1; }

run_as=()
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root: use an unprivileged account.
  id caunoi-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin caunoi-pg
  run_as=(runuser -u caunoi-pg --)
fi

mkdir -p "$dir"
data="$dir/pgdata"
if [ ${#run_as[@]} -gt 0 ]; then chown -R caunoi-pg "$dir"; fi
if [ ! -f "$data/PG_VERSION" ]; then
  "${run_as[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
fi
"${run_as[@]}" "$bin/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
echo "postgres://postgres@127.0.0.1:$port/postgres"

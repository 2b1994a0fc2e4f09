#!/usr/bin/env bash
# Stops the server started by start-postgres.sh.
set -euo pipefail
dir=$(realpath -m "${1:?work directory}")
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
run_as=()
[ "$(id -u)" = "0" ] && run_as=(runuser -u caunoi-pg --)
[ -f "$dir/pgdata/postmaster.pid" ] && "${run_as[@]}" "$bin/pg_ctl" -D "$dir/pgdata" -m fast -w stop >/dev/null || true

#!/usr/bin/env bash
# The comparison in one command: builds Release, starts a private PostgreSQL (its own temp dir, a Unix
# socket only, PostgreSQL's default durability; as the postgres user when run as root), runs burst, spread
# and recovery on TimerGrid (SQLite, SQLite through an Orleans client, PostgreSQL), Hangfire and Quartz.NET
# (documented defaults, tuned), then stops the server. About 10 minutes on 2 cores. Markdown tables go to
# stdout, progress to stderr, each run's JSON to bench/results/. Extra arguments go to the bench, e.g.
# `bench/compare.sh --targets timergrid-sqlite,hangfire-tuned --jobs 500`.
set -euo pipefail
cd "$(dirname "$0")/.."

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || { echo "compare.sh: PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2; exit 2; }

[ -n "${BENCH_NO_BUILD:-}" ] || dotnet build TimerGrid.sln -c Release >&2

root=$(mktemp -d /tmp/timergrid-bench-pg-XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$root"
stop() { as_pg "$pgbin/pg_ctl" -D "$root/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$root"; }
trap stop EXIT
as_pg "$pgbin/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 >/dev/null
# pg_stat_statements (in the server package's contrib) lets the bench count statements per job.
preload=""
[ -f "$(dirname "$pgbin")/lib/pg_stat_statements.so" ] && preload="-c shared_preload_libraries=pg_stat_statements"
as_pg "$pgbin/pg_ctl" -D "$root/data" -l "$root/server.log" -w start \
  -o "-k $root -c listen_addresses='' -c max_connections=300 $preload" >/dev/null
echo "compare.sh: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on $root" >&2

dotnet run --no-build -c Release --project bench/TimerGrid.Bench -- compare --pg "Host=$root;Username=postgres;Database=postgres" "$@"

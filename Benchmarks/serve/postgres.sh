#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster (as the postgres user, listening on loopback) and makes sure the
# role and databases the tests and benchmarks use exist: role maturity (password maturity), databases
# maturity_test and maturity_bench. Usage: postgres.sh start
set -euo pipefail
[ "${1:-start}" = start ] || { echo "usage: $0 start" >&2; exit 64; }
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  as_postgres "pg_createcluster $version main"
  cluster="$version main"
fi
set -- $cluster
# The storage tests open many stores at once, each with a pool of its own and the audit trail's sealer beside it:
# PostgreSQL's default of 100 connections is too few for the whole suite running in parallel.
restart=
if [ "$(pg_conftool "$1" "$2" show max_connections 2>/dev/null | awk '{print $3}')" != 300 ]; then
  as_postgres "pg_conftool $1 $2 set max_connections 300"
  restart=1
fi
pg_ctlcluster "$1" "$2" start 2>/dev/null || true
if [ -n "$restart" ]; then pg_ctlcluster "$1" "$2" restart; fi
for _ in $(seq 1 30); do
  as_postgres "psql -qAtc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done
as_postgres "psql -qAtc \"SELECT 1 FROM pg_roles WHERE rolname = 'maturity'\"" | grep -q 1 ||
  as_postgres "psql -qc \"CREATE ROLE maturity LOGIN PASSWORD 'maturity' CREATEDB\""
# Benchmarks checkpoint after loading millions of rows, so the database's writing them out is not measured.
as_postgres "psql -qc 'GRANT pg_checkpoint TO maturity'" >/dev/null 2>&1 || true
for db in maturity_test maturity_bench; do
  as_postgres "psql -qAtc \"SELECT 1 FROM pg_database WHERE datname = '$db'\"" | grep -q 1 ||
    as_postgres "createdb -O maturity $db"
done
echo "PostgreSQL $1 ($2) running; databases maturity_test and maturity_bench for role maturity"

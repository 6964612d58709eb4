#!/usr/bin/env bash
# Reads of the register by two (or more) release binaries, alternated on the same data, so that a change is
# judged against the binary before it under the same load:
#   due     the due board for the next 30 days (GET /api/v1/register/due, first 500 certificates), 4 connections
#   verify  public verification (GET /certificates/{number}?format=json) of random numbers, 64 connections
# The register is generated once (generate.py): 10,000 certificates on SQLite, or 100,000 on PostgreSQL in the
# database MATURITY_BENCH_POSTGRES_URL names (its contents are replaced).
# Usage: Benchmarks/registry/compare.sh sqlite|postgres SECONDS ROUNDS BINARY…
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/server-port.sh
[ $# -ge 4 ] || { echo "usage: $0 sqlite|postgres SECONDS ROUNDS BINARY…" >&2; exit 64; }
kind=$1 seconds=$2 rounds=$3; shift 3
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet cryptography
py="$work/venv/bin/python"
if [ "$kind" = sqlite ]; then
  args=(--data "$work/data")
  MATURITY_PASSPHRASE=benchmark "$1" registry keys add --owner 郑雅琴 --role auditor --date 2025-01-01 --rounds 1024 \
    --output "$work/key.json" "${args[@]}" >/dev/null
  "$py" Benchmarks/registry/generate.py register sqlite "$work/data/maturity.sqlite" 10000
  "$py" -c 'import random, sqlite3, sys
numbers = [row[0] for row in sqlite3.connect(sys.argv[1]).execute("SELECT number FROM certificates ORDER BY number")]
random.Random(3).shuffle(numbers)
open(sys.argv[2], "w").write("\n".join(numbers[:20000]) + "\n")' "$work/data/maturity.sqlite" "$work/numbers.txt"
else
  url=${MATURITY_BENCH_POSTGRES_URL:?set MATURITY_BENCH_POSTGRES_URL (Benchmarks/serve/postgres.sh creates maturity_bench)}
  args=(--data "$work/pgdata" --database "$url")
  psql "$url" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' 2>/dev/null
  MATURITY_PASSPHRASE=benchmark "$1" registry keys add --owner 郑雅琴 --role auditor --date 2025-01-01 --rounds 1024 \
    --output "$work/key.json" "${args[@]}" >/dev/null
  "$py" Benchmarks/registry/generate.py register postgres "$url" 100000
  psql "$url" -qAtc "SELECT number FROM certificates ORDER BY md5(number) LIMIT 20000" >"$work/numbers.txt"
fi
for round in $(seq 1 "$rounds"); do
  for bin in "$@"; do
    MATURITY_LANG=en "$bin" serve --port 0 --verifications-per-minute 100000000 "${args[@]}" >"$work/server.log" 2>&1 &
    server=$!
    port=$(server_port "$work/server.log")
    base="http://127.0.0.1:$port"
    board="$base/api/v1/register/due?as_of=2026-12-01&within=30"
    curl -s -o /dev/null "$board"
    due=$(wrk -t2 -c4 -d"${seconds}s" --latency "$board" |
      awk '/^ +99%/ {p = $2} /Requests\/sec/ {r = $2} /Non-2xx|Socket errors/ {e = e " " $0} END {print r " /s, p99 " p e}')
    verify=$(NUMBERS="$work/numbers.txt" wrk -t2 -c64 -d"${seconds}s" --latency -s Benchmarks/registry/verify.lua "$base" |
      awk '/^ +99%/ {p = $2} /Requests\/sec/ {r = $2} /Non-2xx|Socket errors/ {e = e " " $0} END {print r " /s, p99 " p e}')
    echo "$kind, round $round, $bin: due board $due | verification $verify"
    kill "$server"; wait "$server" 2>/dev/null || true
  done
done

#!/usr/bin/env bash
# The server's own CPU time per criterion edit: 64 connections over 16 assessments (edit.lua), SQLite, the
# server's user + system time read from /proc before and after wrk. Unlike requests per second it hardly moves
# when other work shares the machine, so two binaries can be compared on a busy one.
# Usage: Benchmarks/serve/cpu-per-edit.sh BINARY [SECONDS]   (default 5; alternate two binaries to compare;
#        with MATURITY_BENCH_POSTGRES_URL set, on that PostgreSQL database, emptied first — the server's CPU only)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/server-port.sh
bin=${1:?usage: Benchmarks/serve/cpu-per-edit.sh BINARY [SECONDS]}
seconds=${2:-5}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd Examples/huadong-appliance && zip -qr "$work/huadong.zip" .)
store=(--data "$work/data")
if [ -n "${MATURITY_BENCH_POSTGRES_URL:-}" ]; then
  psql "$MATURITY_BENCH_POSTGRES_URL" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' 2>/dev/null
  store+=(--database "$MATURITY_BENCH_POSTGRES_URL")
fi
MATURITY_LANG=en "$bin" serve --port 0 "${store[@]}" >"$work/server.log" 2>&1 &
server=$!
base="http://127.0.0.1:$(server_port "$work/server.log")"
ids=""
for _ in $(seq 1 16); do
  ids="$ids $(curl -s --data-binary @"$work/huadong.zip" "$base/api/v1/import" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
done
ids=${ids# }
criteria=$(curl -s "$base/api/v1/assessments/${ids%% *}" | python3 -c 'import json,sys; print(" ".join(c["criterion"] for c in json.load(sys.stdin)["criteria"] if not c.get("na")))')
for a in $ids; do curl -s -o /dev/null "$base/api/v1/assessments/$a/result"; done
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
before=$(ticks)
THREADS=2 ASSESSMENTS="$ids" CRITERIA="$criteria" wrk -t2 -c64 -d"${seconds}s" --latency -s Benchmarks/serve/edit.lua "$base" >"$work/wrk.txt"
after=$(ticks)
edits=$(grep -o '[0-9]* requests in' "$work/wrk.txt" | grep -o '^[0-9]*')
python3 -c 'import sys
cpu = (int(sys.argv[2]) - int(sys.argv[1])) / int(sys.argv[4]); edits = int(sys.argv[3])
print(f"{edits} edits in {sys.argv[5]} s: server CPU {cpu:.2f} s, {1000 * cpu / edits:.1f} ms an edit")' \
  "$before" "$after" "$edits" "$(getconf CLK_TCK)" "$seconds"
awk '/^ +99%/ {printf "p99 %s  ", $2} /Requests\/sec/ {print "edits/s " $2} /Non-2xx|Socket errors/ {print $0}' "$work/wrk.txt"

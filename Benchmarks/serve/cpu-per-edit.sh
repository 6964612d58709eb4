#!/usr/bin/env bash
# The server's own CPU time per criterion edit: 64 connections over 16 assessments (edit.lua), SQLite, the
# server's user + system time read from /proc before and after wrk. Unlike requests per second it hardly moves
# when other work shares the machine, so two binaries can be compared on a busy one.
# Usage: Benchmarks/serve/cpu-per-edit.sh BINARY [SECONDS]   (default 5; alternate two binaries to compare;
#        with MATURITY_BENCH_POSTGRES_URL set, on that PostgreSQL database, emptied first, and PostgreSQL's CPU
#        too; CONNECTIONS=N instead of 64; ONE=1 puts every connection in one assessment). Also says wrk's CPU
#        and how much of the machine was idle: idle cores under load mean the edits wait on something else.
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
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Every process named postgres (the database's backends; on a machine that runs nothing else of PostgreSQL's).
postgres_ticks() {
  local total=0 stat
  for stat in /proc/[0-9]*/stat; do
    read -r line <"$stat" 2>/dev/null || continue
    [[ $line == *"(postgres) "* ]] || continue
    set -- ${line##*) }
    total=$((total + ${12} + ${13}))
  done
  echo "$total"
}
idle_ticks() { awk '/^cpu / {print $5 + $6}' /proc/stat; }
connections=${CONNECTIONS:-64}
selected=$ids
[ -n "${ONE:-}" ] && selected=${ids%% *}
threads=$((connections < 2 ? 1 : 2))
measured_postgres=${MATURITY_BENCH_POSTGRES_URL:+1}
pg_ticks() { if [ -n "$measured_postgres" ]; then postgres_ticks; else echo 0; fi; }
before=$(ticks "$server"); pg_before=$(pg_ticks); idle_before=$(idle_ticks)
THREADS=$threads ASSESSMENTS="$selected" CRITERIA="$criteria" wrk -t"$threads" -c"$connections" -d"${seconds}s" \
  --latency -s Benchmarks/serve/edit.lua "$base" >"$work/wrk.txt" &
load=$!
wrk_ticks=0
while kill -0 "$load" 2>/dev/null; do wrk_ticks=$(ticks "$load" 2>/dev/null || echo "$wrk_ticks"); sleep 0.5; done
wait "$load"
after=$(ticks "$server"); pg_after=$(pg_ticks); idle_after=$(idle_ticks)
edits=$(grep -o '[0-9]* requests in' "$work/wrk.txt" | grep -o '^[0-9]*')
python3 -c 'import sys
server, postgres, wrk, idle, edits, hz, seconds = (int(a) for a in sys.argv[1:8])
def line(name, ticks): return f"{name} {ticks / hz:.2f} s of CPU, {1000 * ticks / hz / edits:.3f} ms an edit, {ticks / hz / seconds:.2f} cores"
print(f"{edits} edits in {seconds} s")
print("  " + line("server", server))
if postgres: print("  " + line("PostgreSQL", postgres))
print("  " + line("wrk", wrk))
print(f"  idle {idle / hz / seconds:.2f} cores")' \
  "$((after - before))" "$((pg_after - pg_before))" "$wrk_ticks" "$((idle_after - idle_before))" "$edits" \
  "$(getconf CLK_TCK)" "$seconds"
awk '/^ +50%/ {printf "p50 %s  ", $2} /^ +99%/ {printf "p99 %s  ", $2} /Requests\/sec/ {print "edits/s " $2} /Non-2xx|Socket errors/ {print $0}' "$work/wrk.txt"

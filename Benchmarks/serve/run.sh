#!/usr/bin/env bash
# Load benchmarks of `maturity serve` with wrk on loopback (release build), on SQLite and, when
# MATURITY_BENCH_POSTGRES_URL is set (postgres.sh creates maturity_bench), on PostgreSQL:
#   edit   saving criterion edits (each checked through the engine's loader and re-scored): a team at work,
#          64 connections over 16 assessments (each connection edits a criterion of one assessment, then of
#          the next, with the right If-Match); the worst case, everyone in one assessment (one connection per
#          criterion, 45); and one edit at a time (1 connection: what a single save costs)
#   result reading a 45-criterion assessment's result JSON (scored through the engine, kept per revision)
#   pages  every page of the workspace (overview, criterion, evidence, KPIs, plan, review, downloads), 32
#          connections, then one request at a time (1 connection), and the size of the largest (the overview)
#   list   searching and paging organisations with 10,000 organisations and 60,000 assessments loaded
# Usage: Benchmarks/serve/run.sh [SECONDS]   (default 30; MATURITY=path/to/a/release/maturity skips the build;
#        ONLY=edit runs the edit benchmarks alone)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/server-port.sh
seconds=${1:-30}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
bin=${MATURITY:-}
if [ -z "$bin" ]; then
  swift build -c release --product maturity >/dev/null
  bin=$(swift build -c release --show-bin-path)/maturity
fi
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd Examples/huadong-appliance && zip -qr "$work/huadong.zip" .)

start() {  # start ARGS…: a server on a free port, its port in $port
  MATURITY_LANG=en "$bin" serve --port 0 "$@" >"$work/server.log" 2>&1 &
  server=$!
  port=$(server_port "$work/server.log")
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; }

p99() {  # wrk's latency distribution lines for 50% and 99%, requests/s, and the error counts
  awk '/^ +(50|99)%/ {printf "   p%s %s  ", substr($1, 1, length($1) - 1), $2} /Requests\/sec/ {print "req/s " $2}
    /Non-2xx|Socket errors/ {print "   " $0}' "$1"
}

copies() {  # copies N: N fresh copies of the example, their ids on one line
  local out=""
  for _ in $(seq 1 "$1"); do
    out="$out $(curl -s --data-binary @"$work/huadong.zip" "$base/api/v1/import" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  done
  echo "${out# }"
}

run() {  # run NAME ARGS…: one database's benchmarks
  local name=$1; shift
  start "$@"
  base="http://127.0.0.1:$port"
  ids=$(copies 16)
  id=${ids%% *}
  # The criteria a claim can be saved on (not those marked not applicable: a level there is refused).
  criteria=$(curl -s "$base/api/v1/assessments/$id" | python3 -c 'import json,sys; print(" ".join(c["criterion"] for c in json.load(sys.stdin)["criteria"] if not c.get("na")))')
  count=$(echo "$criteria" | wc -w)
  # Each assessment scored once before (its catalog loaded, its first revision kept), as after any first visit.
  for a in $ids; do curl -s -o /dev/null "$base/api/v1/assessments/$a/result"; done
  echo "== $name: criterion edits, 64 connections over 16 assessments, ${seconds}s"
  THREADS=2 ASSESSMENTS="$ids" CRITERIA="$criteria" wrk -t2 -c64 -d"${seconds}s" --latency -s Benchmarks/serve/edit.lua "$base" >"$work/edit.txt"
  p99 "$work/edit.txt"
  echo "== $name: criterion edits, worst case: everyone in one assessment ($count connections, one per editable criterion), ${seconds}s"
  one=$(copies 1); curl -s -o /dev/null "$base/api/v1/assessments/$one/result"
  THREADS=1 ASSESSMENTS="$one" CRITERIA="$criteria" wrk -t1 -c"$count" -d"${seconds}s" --latency -s Benchmarks/serve/edit.lua "$base" >"$work/edit.txt"
  p99 "$work/edit.txt"
  echo "== $name: criterion edits, one at a time (1 connection), ${seconds}s"
  one=$(copies 1); curl -s -o /dev/null "$base/api/v1/assessments/$one/result"
  THREADS=1 ASSESSMENTS="$one" CRITERIA="$criteria" wrk -t1 -c1 -d"${seconds}s" --latency -s Benchmarks/serve/edit.lua "$base" >"$work/edit.txt"
  p99 "$work/edit.txt"
  if [ "${ONLY:-}" = edit ]; then stop; return; fi
  echo "== $name: result JSON of a 45-criterion assessment, 64 connections, ${seconds}s"
  wrk -t2 -c64 -d"${seconds}s" --latency "$base/api/v1/assessments/$id/result" >"$work/result.txt"; p99 "$work/result.txt"
  curl -s -X POST -H 'If-Match: "0"' "$base/api/v1/assessments/$id/plan" >/dev/null
  for page in "" /c/SP-02 /evidence /kpis /plan /review /downloads; do
    echo "== $name: page /zh/a/ID$page, 32 connections, ${seconds}s ($(curl -s "$base/zh/a/$id$page" | wc -c) bytes)"
    wrk -t2 -c32 -d"${seconds}s" --latency "$base/zh/a/$id$page" >"$work/page.txt"; p99 "$work/page.txt"
    echo "   one at a time (1 connection, 5 s):"
    wrk -t1 -c1 -d5s --latency "$base/zh/a/$id$page" >"$work/page.txt"; p99 "$work/page.txt"
  done
  stop
  echo "== $name: seeding 10,000 organisations with 60,000 assessments"
  if [ "$name" = sqlite ]; then python3 Benchmarks/serve/seed.py sqlite "$2" 10000 6; else python3 Benchmarks/serve/seed.py postgres "$4" 10000 6; fi
  start "$@"
  base="http://127.0.0.1:$port"
  echo "== $name: list organisations (first page of 50), 64 connections, ${seconds}s"
  wrk -t2 -c64 -d"${seconds}s" --latency "$base/api/v1/organisations" >"$work/list.txt"; p99 "$work/list.txt"
  echo "== $name: search organisations (q=%E5%AE%B6%E7%94%B5, 家电), 64 connections, ${seconds}s"
  wrk -t2 -c64 -d"${seconds}s" --latency "$base/api/v1/organisations?q=%E5%AE%B6%E7%94%B5" >"$work/search.txt"; p99 "$work/search.txt"
  # The first visit scores the listed assessments (kept per revision afterwards): timed on its own.
  echo "== $name: home page, first visit: $(curl -s -o /dev/null -w '%{time_total}' "$base/zh/") s"
  echo "== $name: home page (first 20 organisations with their assessments), 32 connections, ${seconds}s"
  wrk -t2 -c32 -d"${seconds}s" --latency "$base/zh/" >"$work/home.txt"; p99 "$work/home.txt"
  stop
}

run sqlite --data "$work/data"
if [ -n "${MATURITY_BENCH_POSTGRES_URL:-}" ]; then
  psql "$MATURITY_BENCH_POSTGRES_URL" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
  # The last run's 60,000 assessments written out of the way first (as seed.py does after loading them), so that
  # the edits measure the edits, not the cleanup behind a dropped schema (p99 51 against 47 ms here, right after).
  psql "$MATURITY_BENCH_POSTGRES_URL" -qc 'CHECKPOINT' || true
  run postgres --data "$work/pgdata" --database "$MATURITY_BENCH_POSTGRES_URL"
fi

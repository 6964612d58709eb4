#!/usr/bin/env bash
# Times `maturity kpi` (release build) against polars and pandas computing the same KPIs on the
# same generated export, checks that all three agree, and prints a Markdown table: median wall
# time, rows per second, peak RSS (GNU time), and the time relative to polars.
# usage: Benchmarks/kpi/run.sh [ROWS ...]        (default: 1000000 4000000)
# env:   RUNS (default 5) timed runs per tool; PANDAS_RUNS (default 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(1000000 4000000); fi
runs=${RUNS:-5}
pandas_runs=${PANDAS_RUNS:-3}
out=Benchmarks/out/kpi
mkdir -p "$out"

swift build -c release --product maturity >/dev/null
bin=$(swift build -c release --show-bin-path)/maturity
if [ ! -x "$out/venv/bin/python" ]; then
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install -q --upgrade pip >/dev/null
  "$out/venv/bin/pip" install -q polars pandas
fi
py="$out/venv/bin/python"
zone=Asia/Shanghai

# Median wall seconds and the largest peak RSS (MB) of N runs of a command.
measure() {
  local n=$1; shift
  local times=() rss=0
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >/dev/null
    read -r t m <"$out/time.txt"
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  echo "$median $((rss / 1024))"
}

echo "machine: $(nproc) cores, $(uname -sr); $(swift --version 2>/dev/null | head -n 1)"
echo "polars $("$py" -c 'import polars; print(polars.__version__)'), pandas $("$py" -c 'import pandas; print(pandas.__version__)')"
echo
echo "| rows | file | tool | wall (s, median) | rows/s | peak RSS (MB) | × polars |"
echo "|---:|---:|---|---:|---:|---:|---:|"
for rows in "${sizes[@]}"; do
  csv="$out/tickets-$rows.csv"
  [ -f "$csv" ] || python3 Benchmarks/kpi/generate.py "$rows" "$csv" 2>"$csv.txt"
  size=$(( $(stat -c %s "$csv") / 1000000 ))
  # The three must agree before they are timed.
  "$bin" kpi "$csv" --mapping Benchmarks/kpi/mapping.yaml --format json | python3 -c '
import json, sys
print(json.dumps({k: v["value"] for k, v in json.load(sys.stdin)["kpis"].items()}, sort_keys=True))' >"$out/maturity.json"
  "$py" Benchmarks/kpi/polars_kpis.py "$csv" "$zone" >"$out/polars.json"
  "$py" Benchmarks/kpi/pandas_kpis.py "$csv" "$zone" >"$out/pandas.json"
  python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
ours = json.load(open(f"{out}/maturity.json"))
for other in ("polars", "pandas"):
    theirs = json.load(open(f"{out}/{other}.json"))
    diff = {k: (ours.get(k), v) for k, v in theirs.items() if abs((ours.get(k) or 0) - v) > 0.005}
    if diff:
        sys.exit(f"maturity and {other} disagree: {diff}")
PY
  read -r ours ours_rss < <(measure "$runs" "$bin" kpi "$csv" --mapping Benchmarks/kpi/mapping.yaml)
  read -r polars polars_rss < <(measure "$runs" "$py" Benchmarks/kpi/polars_kpis.py "$csv" "$zone")
  read -r pandas pandas_rss < <(measure "$pandas_runs" "$py" Benchmarks/kpi/pandas_kpis.py "$csv" "$zone")
  python3 - "$rows" "$size" "$ours" "$ours_rss" "$polars" "$polars_rss" "$pandas" "$pandas_rss" <<'PY'
import sys
rows, size = int(sys.argv[1]), int(sys.argv[2])
times = dict(zip(("maturity", "polars", "pandas"), map(float, sys.argv[3::2])))
rss = dict(zip(("maturity", "polars", "pandas"), map(int, sys.argv[4::2])))
for tool, t in times.items():
    print(f"| {rows:,} | {size} MB | {tool} | {t:.2f} | {rows / t:,.0f} | {rss[tool]} | {t / times['polars']:.2f} |")
PY
done

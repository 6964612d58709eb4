#!/usr/bin/env bash
# Whole-process timing of `maturity assess` (release build): the shipped catalog with an example,
# then synthetic catalogs of 1k, 5k and 20k criteria to show how time grows, then points catalogs of
# the same sizes against levels ones. Prints tables.
# usage: Benchmarks/scoring/run.sh [EXAMPLE_ASSESSMENT]   (MATURITY=path/to/a/release/maturity skips the build)
set -euo pipefail
cd "$(dirname "$0")/../.."
example=${1:-$(ls Examples/*/assessment.yaml | head -n 1)}
out=Benchmarks/out/scoring
mkdir -p "$out"
bin=${MATURITY:-}
if [ -z "$bin" ]; then
  swift build -c release --product maturity >/dev/null
  bin=$(swift build -c release --show-bin-path)/maturity
fi

# Median wall time of N runs, in milliseconds.
time_ms() {
  local runs=$1; shift
  python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1]); cmd = sys.argv[2:]
samples = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    samples.append((time.perf_counter() - t) * 1000)
print(f"{statistics.median(samples):.1f}")
PY
}

echo "| input | criteria | assess text (ms) | assess json (ms) |"
echo "|---|---:|---:|---:|"
count=$("$bin" assess "$example" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["criteria"]))')
echo "| $example | $count | $(time_ms 20 "$bin" assess "$example") | $(time_ms 20 "$bin" assess "$example" --format json) |"
for n in 1000 5000 20000; do
  python3 Benchmarks/scoring/generate.py "$n" "$out/$n" >/dev/null
  runs=$([ "$n" -ge 20000 ] && echo 5 || echo 11)
  echo "| synthetic | $n | $(time_ms "$runs" "$bin" assess "$out/$n/assessment.yaml" --catalog "$out/$n/catalog") | $(time_ms "$runs" "$bin" assess "$out/$n/assessment.yaml" --catalog "$out/$n/catalog" --format json) |"
done

# Points against levels: catalogs of the same number of criteria and about the same size (the points
# generator; see generate.py), the two commands run alternately so that a slow moment of a shared
# machine hits both. Medians of 11 runs (5 for 20k).
time_pair_ms() {
  local runs=$1; shift
  python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1]); args = sys.argv[2:]
split = args.index("--")
commands = [args[:split], args[split + 1:]]
samples = [[], []]
for _ in range(runs):
    for i, cmd in enumerate(commands):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples[i].append((time.perf_counter() - t) * 1000)
print(" | ".join(f"{statistics.median(s):.1f}" for s in samples))
PY
}

mb() { du -sb "$1" | python3 -c 'import sys; print(f"{int(sys.stdin.read().split()[0]) / 1e6:.1f}")'; }

echo
echo "| criteria | levels catalog (MB) | points catalog (MB) | levels assess (ms) | points assess (ms) | levels json (ms) | points json (ms) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in 1000 5000 20000; do
  python3 Benchmarks/scoring/generate.py "$n" "$out/$n" >/dev/null
  python3 Benchmarks/scoring/generate.py "$n" "$out/points-$n" points >/dev/null
  runs=$([ "$n" -ge 20000 ] && echo 5 || echo 11)
  levels=("$bin" assess "$out/$n/assessment.yaml" --catalog "$out/$n/catalog")
  points=("$bin" assess "$out/points-$n/assessment.yaml" --catalog "$out/points-$n/catalog")
  text=$(time_pair_ms "$runs" "${levels[@]}" -- "${points[@]}")
  json=$(time_pair_ms "$runs" "${levels[@]}" --format json -- "${points[@]}" --format json)
  echo "| $n | $(mb "$out/$n/catalog") | $(mb "$out/points-$n/catalog") | ${text% | *} | ${text#* | } | ${json% | *} | ${json#* | } |"
done
echo
echo "| Examples/hengxin-appliance-service/2026-01 (GB/T 27922, 16 clauses) | $(time_ms 20 "$bin" assess Examples/hengxin-appliance-service/2026-01/assessment.yaml) ms |"

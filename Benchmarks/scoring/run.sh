#!/usr/bin/env bash
# Whole-process timing of `maturity assess` (release build): the shipped catalog with an example,
# then synthetic catalogs of 1k, 5k and 20k criteria to show how time grows. Prints a table.
# usage: Benchmarks/scoring/run.sh [EXAMPLE_ASSESSMENT]
set -euo pipefail
cd "$(dirname "$0")/../.."
example=${1:-$(ls Examples/*/assessment.yaml | head -n 1)}
out=Benchmarks/out/scoring
mkdir -p "$out"
swift build -c release --product maturity >/dev/null
bin=$(swift build -c release --show-bin-path)/maturity

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

#!/usr/bin/env bash
# Time and peak memory of `maturity` (release build) on inputs at its limits, in the shapes that
# cost most (issue 23, item 9) and the did-you-mean worst cases (item 8). Prints a table.
# usage: Benchmarks/limits/run.sh [BIN] [YAML_MB] [JSON_MB]
#   BIN defaults to the release build; YAML_MB and JSON_MB to the limits this version enforces
#   (give 63 and 39 with an older build to repeat the probe's sizes).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -ge 1 ]; then bin=$1; else
  swift build -c release --product maturity >/dev/null
  bin=$(swift build -c release --show-bin-path)/maturity
fi
yaml_mb=${2:-12}
json_mb=${3:-48}
out=Benchmarks/out/limits
mkdir -p "$out"
python3 Benchmarks/limits/generate.py "$out" "$yaml_mb" "$json_mb" >/dev/null

# A signed audit resting on a 1.5 GB evidence file (sparse: reading it costs no disk).
audit=$out/audit
rm -rf "$audit" && mkdir -p "$audit/docs"
cp "$out/evidence/catalog.yaml" "$audit/catalog.yaml"
truncate -s 1500M "$audit/docs/video.bin"
cat >"$audit/assessment.yaml" <<'YAML'
schema: 1
catalog: big
organisation: X
kind: audit
auditor: A
date: 2026-11-01
evidence:
  - {id: E1, kind: statement, title: Recorded visit, date: 2026-10-01, file: docs/video.bin}
criteria:
  C000000: {claimed: 1, audited: 1, evidence: [E1]}
YAML

# Wall seconds and peak resident memory (MB) of one run.
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  local wall cpu rss
  wall=$(grep "Elapsed (wall clock)" "$log" | awk -F': ' '{print $2}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$log")
  rss=$(grep "Maximum resident set size" "$log" | awk -F': ' '{printf "%.0f", $2/1024}')
  rm -f "$log"
  echo "$wall | $cpu | $rss"
}

size() { du -m --apparent-size "$1" | cut -f1; }

echo "| case | input | wall (s) | CPU (s) | peak RSS (MB) |"
echo "|---|---|---:|---:|---:|"
echo "| densest YAML (\`[x,x,…]\`) | $(size "$out/catalog-dense.yaml") MB | $(measure "$bin" catalog lint "$out/catalog-dense.yaml") |"
echo "| realistic catalog YAML | $(size "$out/catalog-real.yaml") MB | $(measure "$bin" catalog lint "$out/catalog-real.yaml") |"
echo "| densest JSON (\`[0,0,…]\`) | $(size "$out/result-dense.json") MB | $(measure "$bin" verify "$out/result-dense.json") |"
echo "| signed audit, 1.5 GB evidence file | 1500 MB | $(measure "$bin" assess "$audit/assessment.yaml" --catalog "$audit/catalog.yaml" --format json --output "$audit/result.json") |"
echo "| 2,000 undeclared citations, 20,000 evidence items | | $(measure timeout 300 "$bin" assess "$out/evidence/assessment.yaml" --catalog "$out/evidence/catalog.yaml") |"
echo "| 500 unknown ids, 50,000 criteria | | $(measure timeout 300 "$bin" assess "$out/unknown/assessment.yaml" --catalog "$out/unknown/catalog.yaml") |"

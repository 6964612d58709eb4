#!/usr/bin/env bash
# Exports every example's improvement plan as ICS and validates it with validate.py (needs the
# Python package icalendar: .ci/run installs it). usage: Tests/ics/run.sh [MATURITY_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-$(swift build --show-bin-path)/maturity}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for assessment in Examples/*/assessment.yaml; do
  name=$(basename "$(dirname "$assessment")")
  for lang in zh en; do
    "$bin" plan "$assessment" --format ics --lang "$lang" --output "$out/$name.$lang.ics"
  done
done
python3 Tests/ics/validate.py "$out"/*.ics

#!/usr/bin/env bash
# Writes HTML reports of every example, with PNG screenshots and A4 PDFs, for people to look at.
# usage: Tests/browser/screenshots.sh [OUT_DIR]   (default: .build/screenshots; needs chromium)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-.build/screenshots}
mkdir -p "$out"
swift build --product maturity >/dev/null
bin=$(swift build --show-bin-path)/maturity
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
shoot() { # name
  local url="file://$(realpath "$out/$1.html")"
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1600 \
    --screenshot="$out/$1.png" "$url" 2>/dev/null
  "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/$1.pdf" "$url" 2>/dev/null
}
for assessment in Examples/*/assessment.yaml; do
  name=$(basename "$(dirname "$assessment")")
  for lang in zh en; do
    "$bin" assess "$assessment" --format html --lang "$lang" --output "$out/$name.$lang.html"
    shoot "$name.$lang"
    "$bin" plan "$assessment" --format html --lang "$lang" --output "$out/$name.plan.$lang.html"
    shoot "$name.plan.$lang"
  done
done
# The certificate cycle of Examples/xinghe-hvac: both surveillance reviews and the history.
x=Examples/xinghe-hvac
for lang in zh en; do
  "$bin" review "$x/2026-11/assessment.yaml" --previous "$x/2026-05/result.json" --plan "$x/2026-11/plan.yaml" \
    --format html --lang "$lang" --output "$out/xinghe-review-2026-11.$lang.html"
  shoot "xinghe-review-2026-11.$lang"
  "$bin" review "$x/2027-05/assessment.yaml" --previous "$x/2026-11/result.json" --plan "$x/plan.yaml" \
    --format html --lang "$lang" --output "$out/xinghe-review-2027-05.$lang.html"
  shoot "xinghe-review-2027-05.$lang"
  "$bin" history "$x/results" --format html --lang "$lang" --output "$out/xinghe-history.$lang.html"
  shoot "xinghe-history.$lang"
done
ls -1 "$out"

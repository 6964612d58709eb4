#!/usr/bin/env bash
# Builds 华信认证中心's register from the example audits: keys published, clients recorded, audit teams
# assigned (one refused for a conflict of interest), every result signed by its auditor and imported after
# verification, decisions taken by a reviewer outside the team (one differing from the recommendation,
# with its reason; the refusals on purpose are shown), the due board on 2027-09-01 with a late
# surveillance, and the certificate document of 江苏星河暖通 (open it in a browser, or print it to PDF).
# usage: Examples/certification-body/run.sh [OUT_DIR]   (default: .build/certification-body)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-.build/certification-body}
BODY=Examples/certification-body
maturity=${MATURITY:-}
if [ -z "$maturity" ]; then
  swift build --product maturity >/dev/null
  maturity=$(swift build --show-bin-path)/maturity
fi
# The example keys' passphrase: published here because these keys sign nothing real.
export MATURITY_PASSPHRASE=huaxin-example-2026
rm -rf "$OUT"
mkdir -p "$OUT/results"
while IFS= read -r line; do
  case "$line" in '' | '#'*) continue ;; esac
  refused=false
  if [ "${line:0:1}" = '!' ]; then refused=true; line=${line:1}; fi
  echo "\$ maturity $line"
  case "$line" in registry*) line="$line --data \"\$OUT/data\"" ;; esac
  # A redirection must stay last: put --data before it.
  line=$(printf '%s' "$line" | sed -E 's/ (> [^ ]+) (--data "\$OUT\/data")$/ \2 \1/')
  if $refused; then
    if eval "\"\$maturity\" $line"; then echo "expected a refusal" >&2; exit 1; fi
  else
    eval "\"\$maturity\" $line"
  fi
done < "$BODY/steps.txt"
if command -v chromium >/dev/null 2>&1; then
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$OUT/MSC-2026-00002.pdf" "file://$(realpath "$OUT/MSC-2026-00002.html")" 2>/dev/null
fi
ls -1 "$OUT"

#!/usr/bin/env bash
# The API against its OpenAPI document, with schemathesis (PyPI) in a throwaway virtual environment: a
# bounded number of generated requests per operation against `maturity serve` on 127.0.0.1 (an example
# assessment imported first, so that some ids exist). No answer may be a 5xx, and every answer must match
# the document (status code, content type, body schema).
# usage: Tests/api/schemathesis.sh [MATURITY_BINARY] [EXAMPLES_PER_OPERATION]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/server-port.sh
root=$(pwd)
bin=${1:-}
examples=${2:-15}
if [ -z "$bin" ]; then
  swift build --product maturity >/dev/null
  bin=$(swift build --show-bin-path)/maturity
fi
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; wait "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet schemathesis
MATURITY_LANG=en MATURITY_CRITERIA="$root/Criteria" "$bin" serve --port 0 --data "$work/data" >"$work/server.log" 2>&1 &
server=$!
port=$(server_port "$work/server.log")
base="http://127.0.0.1:$port"
(cd Examples/huadong-appliance-audit && python3 -c '
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for d, _, names in os.walk("."):
        for n in names: z.write(os.path.join(d, n))' "$work/example.zip")
curl -sf --data-binary @"$work/example.zip" "$base/api/v1/import" >/dev/null
# Run from the temporary folder: schemathesis keeps its example database in the current folder.
cd "$work"
PYTHONPATH="$root/Tests/api" SCHEMATHESIS_HOOKS=hooks "$work/venv/bin/schemathesis" run "$base/api/v1/openapi.json" --url "$base" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "$examples" --seed 20261201 --workers 2 --request-timeout 20 --no-shrink \
  --suppress-health-check all --warnings off
if grep -q 'Fatal\|panic\|Fatal error' "$work/server.log"; then cat "$work/server.log" >&2; exit 1; fi

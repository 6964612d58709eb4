#!/usr/bin/env bash
# End-to-end tests of the workspace pages in Debian's chromium, driven by Playwright for Python in a
# throwaway virtual environment (Playwright's own browser download is not used): a company team fills a
# self-assessment, an auditor scores the worksheet made from it, a surveillance review decides as the
# command line does; hostile text, stale saves, pages without script.
# usage: Tests/browser/run.sh [MATURITY_BINARY]   (needs chromium and python3-venv; PyPI reachable)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/server-port.sh
root=$(pwd)
bin=${1:-}
if [ -z "$bin" ]; then
  swift build --product maturity >/dev/null
  bin=$(swift build --show-bin-path)/maturity
fi
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; wait "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet playwright openpyxl
MATURITY_LANG=en MATURITY_CRITERIA="$root/Criteria" "$bin" serve --port 0 --data "$work/data" >"$work/server.log" 2>&1 &
server=$!
port=$(server_port "$work/server.log")
status=0
MATURITY_URL="http://127.0.0.1:$port" MATURITY_BIN="$bin" CRITERIA_DIR="$root/Criteria" CHROMIUM="$chromium" \
  "$work/venv/bin/python" Tests/browser/workspace_test.py || status=1
# The same pages with real accounts: a second server on a data folder where users exist.
MATURITY_CRITERIA="$root/Criteria" "$bin" users add admin --role cb-admin --language en --password-stdin \
  --data "$work/accounts" <<<"a passphrase long enough" >/dev/null
MATURITY_LANG=en MATURITY_CRITERIA="$root/Criteria" "$bin" serve --port 0 --data "$work/accounts" >"$work/accounts.log" 2>&1 &
accounts=$!
trap 'kill "${server:-0}" "${accounts:-0}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
accounts_port=$(server_port "$work/accounts.log")
MATURITY_URL="http://127.0.0.1:$accounts_port" MATURITY_BIN="$bin" CRITERIA_DIR="$root/Criteria" CHROMIUM="$chromium" \
  MATURITY_DATA="$work/accounts" PYTHONPATH=Tests/browser "$work/venv/bin/python" Tests/browser/accounts_test.py || status=1
# Hostile text written by every role, on every page each role can open (same server, its own users).
MATURITY_URL="http://127.0.0.1:$accounts_port" MATURITY_BIN="$bin" CRITERIA_DIR="$root/Criteria" CHROMIUM="$chromium" \
  MATURITY_DATA="$work/accounts" PYTHONPATH=Tests/browser "$work/venv/bin/python" Tests/browser/roles_hostile_test.py \
  || status=1
if [ "${SCREENSHOTS:-}" != "" ]; then
  MATURITY_URL="http://127.0.0.1:$port" CHROMIUM="$chromium" \
    "$work/venv/bin/python" Tests/browser/workspace_screenshots.py "$SCREENSHOTS"
fi
exit $status

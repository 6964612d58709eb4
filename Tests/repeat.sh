#!/usr/bin/env bash
# Runs the test suite N times in a row and stops at the first failing run.
# For each run: its wall time, whether it passed, and what it left in the temporary directory.
#
# usage: Tests/repeat.sh N [swift test options…]      e.g. Tests/repeat.sh 20 --skip Browser
#
# Builds once, then runs `swift test --skip-build` with TMPDIR pointing at a fresh folder per run,
# so anything a test forgets to remove is found there afterwards. SwiftPM itself leaves empty
# `TemporaryDirectory.*` folders (holding only `.keep-directory`) and its `_….lock` files per
# invocation: those are counted apart and are not a leak. Logs of failing runs are kept in Benchmarks/out/repeat/.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:?usage: Tests/repeat.sh N [swift test options…]}
shift
out=Benchmarks/out/repeat
mkdir -p "$out"
swift build --build-tests >/dev/null || { echo "build failed" >&2; exit 1; }

total=0
for i in $(seq 1 "$runs"); do
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/maturity-repeat.XXXXXX")
  log="$out/run-$i.log"
  start=$(date +%s.%N)
  TMPDIR="$tmp" swift test --skip-build "$@" >"$log" 2>&1
  status=$?
  seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.0f}')" "$start" "$(date +%s.%N)")
  total=$((total + seconds))
  swiftpm=0
  left=()
  for entry in "$tmp"/* "$tmp"/.[!.]*; do
    [ -e "$entry" ] || continue
    name=$(basename "$entry")
    if [[ $name == _*.lock && -f $entry ]] ||
      { [[ $name == TemporaryDirectory.* ]] && [ -z "$(ls -A "$entry" | grep -vx .keep-directory)" ]; }; then
      swiftpm=$((swiftpm + 1))
    else
      left+=("$name")
    fi
  done
  tests=$(grep -Eo 'Test run with [0-9]+ tests' "$log" | grep -Eo '[0-9]+' | head -n 1)
  echo "run $i: $([ $status -eq 0 ] && echo passed || echo FAILED), ${tests:-?} tests, ${seconds} s, left behind: ${#left[@]} (and $swiftpm of SwiftPM's own)"
  for name in "${left[@]}"; do echo "  left: $name"; done
  rm -rf "$tmp"
  if [ $status -ne 0 ]; then
    grep -E '✘|error:' "$log" | head -n 20
    echo "stopped at run $i; log: $log"
    exit 1
  fi
  [ ${#left[@]} -eq 0 ] || { echo "stopped at run $i: a test left files behind"; exit 1; }
  rm -f "$log"
done
echo "$runs runs passed in a row, $total s in all ($((total / runs)) s a run)"

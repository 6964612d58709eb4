#!/usr/bin/env bash
# Fuzzes every reader and the scorer with libFuzzer (coverage-guided, AddressSanitizer on), a time bound
# per target. A crash, a hang (-timeout) or memory beyond -rss_limit_mb stops the target and leaves the
# input under .build-fuzz/artifacts/TARGET/; copy it to Tests/Fuzz/Regressions/TARGET/ once fixed, and
# `swift test` replays it for good (FuzzRegressionTests).
#
# usage: Tests/Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(catalog assessment plan scorer mapping tickets workbook sheet); fi

swift build --scratch-path .build-fuzz --product maturity-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library -Xswiftc -use-ld=lld \
  2>&1 | grep -v "Cannot export local symbol" | tail -1
bin=.build-fuzz/debug/maturity-fuzz
# Leaks of the libraries themselves (FoundationXML's errors) are not findings.
export LSAN_OPTIONS="suppressions=$PWD/Tests/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
printf '%-12s %12s %10s %8s  %s\n' target executions exec/s corpus result
for target in "${targets[@]}"; do
  corpus=.build-fuzz/corpus/$target
  artifacts=.build-fuzz/artifacts/$target
  mkdir -p "$corpus" "$artifacts"
  cp -n Tests/Fuzz/Seeds/"$target"/* "$corpus"/ 2>/dev/null || true
  if [ -d Tests/Fuzz/Regressions/"$target" ]; then cp -n Tests/Fuzz/Regressions/"$target"/* "$corpus"/ 2>/dev/null || true; fi
  log=.build-fuzz/$target.log
  MATURITY_FUZZ_TARGET=$target "$bin" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  size=$(ls "$corpus" | wc -l)
  if [ $code -eq 0 ]; then result=ok; else result="FOUND (exit $code): $(ls -t "$artifacts" | head -1)"; status=1; fi
  printf '%-12s %12s %10s %8s  %s\n' "$target" "$runs" "$speed" "$size" "$result"
done
exit $status

#!/usr/bin/env bash
# Whole-process timing and peak memory of the xlsx commands (release build): the worksheet of the
# shipped catalog written and imported, an example's result round trip, a synthetic catalog of
# 20,000 criteria through `catalog show --format xlsx` and `catalog import`, and hostile files
# (a zip bomb of 1 GB, a million-row sheet, a billion-laughs shared-strings part), each of which must
# be refused with a located error. Prints a table. Needs GNU time (/usr/bin/time).
# usage: Benchmarks/sheets/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=Benchmarks/out/sheets
rm -rf "$out" && mkdir -p "$out"
swift build -c release --product maturity >/dev/null
bin=$(swift build -c release --show-bin-path)/maturity

# "wall-seconds cpu-seconds peak-MB exit" of one run; the command's output goes to $out/last.txt.
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$@" >"$out/last.txt" 2>&1 && status=0 || status=$?
  # GNU time prints "Command exited with non-zero status N" first when the command fails.
  read -r seconds user system kb < <(tail -n 1 "$out/time.txt")
  echo "$seconds $(python3 -c "print(round($user + $system, 2))") $((kb / 1024)) $status"
}

row() {
  local label=$1; shift
  read -r seconds cpu mb status < <(measure "$@")
  local first
  first=$(head -n 1 "$out/last.txt" | sed "s|$out/||g" | cut -c1-100)
  echo "| $label | $seconds | $cpu | $mb | $status | ${first//|/\\|} |"
}

python3 Benchmarks/sheets/hostile.py "$out/hostile"
python3 Benchmarks/scoring/generate.py 20000 "$out/20k" >/dev/null
mkdir -p "$out/import" "$out/example"
cp -r Examples/huadong-appliance/. "$out/example/" && rm "$out/example/assessment.yaml"

echo "| command | wall (s) | CPU (s) | peak RSS (MB) | exit | first line printed |"
echo "|---|---:|---:|---:|---:|---|"
row "maturity --help (the runtime alone)" "$bin" --help
row "init --format xlsx (40 criteria)" "$bin" init --organisation Org --format xlsx --output "$out/init"
row "import the blank worksheet" "$bin" import "$out/init/worksheet.xlsx" --output "$out/import"
row "assess --format xlsx (huadong)" "$bin" assess Examples/huadong-appliance/assessment.yaml --format xlsx --output "$out/example/result.xlsx"
row "import that result" "$bin" import "$out/example/result.xlsx" --output "$out/example"
row "catalog show --format xlsx (20,000 criteria)" "$bin" catalog show "$out/20k/catalog" --format xlsx --output "$out/20k.xlsx"
row "catalog import (20,000 criteria)" "$bin" catalog import "$out/20k.xlsx" --output "$out/20k-imported"
for name in zip-bomb million-rows billion-laughs; do
  row "import $name.xlsx ($(du -k "$out/hostile/$name.xlsx" | cut -f1) KB)" "$bin" import "$out/hostile/$name.xlsx" --output "$out/import" --catalog Criteria/after-sales-maturity
done
echo
echo "20k catalog workbook: $(du -k "$out/20k.xlsx" | cut -f1) KB; YAML catalog: $(du -sk "$out/20k/catalog" | cut -f1) KB"

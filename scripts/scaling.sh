#!/usr/bin/env bash
# The scaling curve of the importer: generated reports (bench/src/generate.rs) of
# 10 KB to 50 MB as text and HTML, and to 10 MB as Word files (2021 format), each
# imported once in a fresh process by the stage runner (bench/src/bin/xxgk-stage.rs):
# the time of the import itself (in process), its rate, and the peak resident memory
# of the whole process (the input, read once, included), beside the floors `cat`
# and `wc -l` on the same file. Prints a Markdown table.
#
#   scripts/scaling.sh [--no-build] [SIZE...]
#
# The files are written to a temporary folder (up to ~150 MB) and removed after.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == --no-build ]]; then
  shift
else
  cargo build --release --quiet -p xxgk-bench --bin xxgk-stage --bin xxgk-generate
fi
bin="${CARGO_TARGET_DIR:-target}/release"
sizes=("$@")
((${#sizes[@]})) || sizes=(10000 100000 1000000 10000000 50000000)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# Seconds and peak KB of a command, as "SECONDS KB" (GNU time).
timed() { /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >"$dir/out" 2>/dev/null; cat "$dir/time"; }
# Milliseconds of wall time of a command (the floors: a whole process each).
ms() {
  local start=$EPOCHREALTIME
  "$@" >/dev/null
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", (b - a) * 1000 }'
}

echo "| form | size | import | rate | peak RSS | RSS ÷ input | cat (process) | wc -l (process) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for form in txt html docx; do
  for size in "${sizes[@]}"; do
    [[ $form == docx ]] && ((size > 10000000)) && continue
    file="$dir/g.$form"
    "$bin/xxgk-generate" 2021 "$form" "$size" "$file"
    bytes=$(stat -c %s "$file")
    read -r _ kb < <(timed "$bin/xxgk-stage" import "$file" cold)
    us=$(sed -n 's/.*, \([0-9.]*\) µs each$/\1/p' "$dir/out")
    cat_ms=$(ms cat "$file")
    wc_ms=$(ms wc -l "$file")
    awk -v f="$form" -v b="$bytes" -v us="$us" -v kb="$kb" -v c="$cat_ms" -v w="$wc_ms" 'BEGIN {
      printf "| %s | %.2f MB | %.2f ms | %.1f MB/s | %.1f MiB | %.1f | %s ms | %s ms |\n",
        f, b / 1e6, us / 1e3, b / us, kb / 1024, kb * 1024 / b, c, w }'
    rm -f "$file"
  done
done

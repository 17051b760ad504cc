#!/usr/bin/env bash
# Instruction counts of each stage (decode, front end, interpreter, import, check,
# each renderer) on the importer's fixtures, the corpus reports (when XXGK_CORPUS
# names the corpus) and generated reports: counts, not seconds, so they are the same
# from run to run whatever else the machine does. valgrind's callgrind collects
# inside `xxgk_bench::stage::measured` only: reading the file, the stages before the
# one counted and a first uncounted run of the stage (what is built once per process)
# are left out. The last column, "import, cold", is a first import in a fresh
# process, what one `xxgk check FILE` pays. Prints a Markdown table; never fails on
# the counts.
#
#   scripts/callgrind.sh [--no-build] [INPUT...]
#
# INPUT is a report file or gen:VERSION:FORM:BYTES (a generated report,
# bench/src/generate.rs); without one, the fixtures, the corpus and three generated
# reports (XXGK_CALLGRIND_GEN_BYTES, default 1 MB; the Word file a fifth). Needs valgrind (Debian's package valgrind); the stage runner is built in
# the release profile (`cargo build --release -p xxgk-bench --bin xxgk-stage`: a binary, not an example, so that criterion, a dev-dependency, is not built with it).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == --no-build ]]; then
  shift
else
  cargo build --release --quiet -p xxgk-bench --bin xxgk-stage
fi
runner="${CARGO_TARGET_DIR:-target}/release/xxgk-stage"
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)" >&2; exit 1; }

inputs=("$@")
if ((${#inputs[@]} == 0)); then
  inputs=(crates/xxgk-import/tests/fixtures/clean-2025.txt
    crates/xxgk-import/tests/fixtures/space-aligned-2019.txt)
  if [[ -n "${XXGK_CORPUS:-}" ]]; then
    for f in "$XXGK_CORPUS"/*.txt "$XXGK_CORPUS"/*.html "$XXGK_CORPUS"/*.docx; do
      [[ -f "$f" ]] && inputs+=("$f")
    done
  fi
  # Generated under valgrind too (slowly): 1 MB in a full run; CI passes smaller.
  gen=${XXGK_CALLGRIND_GEN_BYTES:-1000000}
  inputs+=("gen:2021:txt:$gen" "gen:2021:html:$gen" "gen:2021:docx:$((gen / 5))")
fi

stages=(decode front interpret import check render-text render-md render-html render-docx)
dumps=$(mktemp -d)
trap 'rm -rf "$dumps"' EXIT
measured=xxgk_bench::stage::measured

# 1234567 → 1,234,567
grouped() { sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta' <<<"$1"; }

header="| input |"
rule="|---|"
for s in "${stages[@]}" "import, cold"; do header+=" $s |"; rule+="---:|"; done
echo "Instructions per stage and report (valgrind --tool=callgrind, inside the stage)"
echo
echo "$header"
echo "$rule"
for input in "${inputs[@]}"; do
  rm -f "$dumps"/*
  # Every stage in one process, one dump after each counted run (out.1 … out.9).
  valgrind --tool=callgrind --callgrind-out-file="$dumps/out" \
    --toggle-collect="$measured" --dump-after="$measured" \
    "$runner" all "$input" >"$dumps/stdout" 2>"$dumps/log" || true
  valgrind --tool=callgrind --callgrind-out-file="$dumps/cold" --toggle-collect="$measured" \
    "$runner" import "$input" cold >/dev/null 2>>"$dumps/log" || true
  row="| ${input##*/} |"
  for i in $(seq 1 ${#stages[@]}) cold; do
    file="$dumps/out.$i"
    [[ $i == cold ]] && file="$dumps/cold"
    n=$(sed -n 's/^totals: \([0-9]*\)$/\1/p' "$file" 2>/dev/null || true)
    # A stage the runner said does not apply to the input.
    [[ $i != cold ]] && grep -q "^${stages[i - 1]} .*: n/a" "$dumps/stdout" && n=""
    # No count: the stage does not apply (a Word file is not decoded as text).
    row+=" $(grouped "${n:-—}") |"
  done
  echo "$row"
done

#!/usr/bin/env bash
# Turns the corpus reports into the other forms users hand us, imports each with
# xxgk and compares its cells with the expected CSV. Nothing it makes is committed.
#
#   scripts/corpus-variants.sh [OUT_DIR]      (default: a temporary directory)
#
# Forms, each made only when its tool is installed (Debian packages in brackets):
#   <stem>.copied.txt   the page's text as a browser copies it: document.body.innerText
#                       in headless Chromium [chromium]
#   <stem>.printed.txt  the page printed to PDF by Chromium, then pdftotext -layout
#                       [chromium, poppler-utils]
#   <stem>.layout.txt   the published PDFs through pdftotext -layout [poppler-utils]
#   <stem>.lo.docx      the page converted to Word by LibreOffice [libreoffice-writer]
# Reports "same" or the number of differing cells for each file; exits 1 if any differ.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${XXGK_CORPUS:-../shared/corpus}"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
cargo build -q -p xxgk-cli
xxgk="$PWD/target/debug/xxgk"

have() { command -v "$1" >/dev/null; }

for page in "$corpus"/*.html; do
  stem=$(basename "$page" .html)
  if have chromium; then
    # innerText of the page's body, written into the DOM so that --dump-dom shows it.
    wrapped="$out/$stem.wrapped.html"
    cp "$page" "$wrapped"
    cat >> "$wrapped" <<'JS'
<script>
document.addEventListener('DOMContentLoaded', function () {
  var t = document.body.innerText;
  document.documentElement.innerHTML = '<body><pre id="copied"></pre></body>';
  document.getElementById('copied').textContent = t;
});
</script>
JS
    chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$(realpath "$wrapped")" 2>/dev/null \
      | python3 -c 'import sys,html,re; d=sys.stdin.read(); m=re.search(r"<pre id=\"copied\">(.*?)</pre>", d, re.S); sys.stdout.write(html.unescape(m.group(1)) if m else "")' \
      > "$out/$stem.copied.txt"
    rm -f "$wrapped"
    if have pdftotext; then
      chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$out/$stem.printed.pdf" "file://$(realpath "$page")" 2>/dev/null || true
      [ -s "$out/$stem.printed.pdf" ] && pdftotext -layout "$out/$stem.printed.pdf" "$out/$stem.printed.txt"
    fi
  fi
  if have soffice; then
    soffice --headless --convert-to docx --outdir "$out/lo" "$page" >/dev/null 2>&1 || true
    [ -f "$out/lo/$stem.docx" ] && mv "$out/lo/$stem.docx" "$out/$stem.lo.docx"
  fi
done
if have pdftotext; then
  for pdf in "$corpus"/pdf/*.pdf; do
    pdftotext -layout "$pdf" "$out/$(basename "$pdf" .pdf).layout.txt"
  done
fi

status=0
for f in "$out"/*.copied.txt "$out"/*.printed.txt "$out"/*.layout.txt "$out"/*.lo.docx; do
  [ -s "$f" ] || continue
  stem=$(basename "$f"); stem=${stem%%.*}
  got=$("$xxgk" export --csv "$f" 2>"$f.notes" || true)
  result=$(python3 - "$corpus/expected/$stem.csv" "$got" <<'PY'
import csv, io, sys
exp = {tuple(r[:3]): r[3:] for r in list(csv.reader(open(sys.argv[1], encoding="utf-8")))[1:]}
got = {tuple(r[:3]): r[3:] for r in list(csv.reader(io.StringIO(sys.argv[2])))[1:]}
bad = [k for k in exp if got.get(k) != exp[k]] + [k for k in got if k not in exp]
print("same" if not bad else f"{len(bad)} cells differ")
PY
)
  printf '%-40s %s (%s notes)\n' "$(basename "$f")" "$result" "$(wc -l < "$f.notes")"
  [ "$result" = same ] || status=1
done
echo "files in $out"
exit $status

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
#   <stem>.printed-raw.txt  the same PDF through pdftotext without -layout (one cell a line)
#   <stem>.layout.txt   the published PDFs through pdftotext -layout [poppler-utils]
#   <stem>.raw.txt      the published PDFs through pdftotext without -layout (one cell a
#                       line, some labels printed away from their numbers) [poppler-utils]
#   <stem>.lo.docx      the page converted to Word by LibreOffice [libreoffice-writer]
#   <stem>.lo-page.txt  the page as text by LibreOffice (one cell a line, blank cells as
#                       empty lines) [libreoffice-writer]
#   <stem>.lo-word.txt  the corpus Word file as text by LibreOffice [libreoffice-writer]
#   <stem>.pandoc.md, <stem>.pandoc-gfm.md, <stem>.pandoc.txt  the corpus Word file
#                       through pandoc to Markdown, GitHub Markdown and plain text [pandoc]
# Reports, for each file, the cells read right out of the expected ones, the cells not
# read (each table with such cells must say so in an import note) and the cells read
# wrong; exits 1 if any cell is read wrong or not expected at all.
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
    # An HTML page needs the Word filter named (the bare "docx" picks none for HTML).
    soffice --headless --convert-to "docx:MS Word 2007 XML" --outdir "$out/lo" "$page" >/dev/null 2>&1 || true
    [ -f "$out/lo/$stem.docx" ] && mv "$out/lo/$stem.docx" "$out/$stem.lo.docx"
    soffice --headless --convert-to "txt:Text (encoded):UTF8" --outdir "$out/lo" "$page" >/dev/null 2>&1 || true
    [ -f "$out/lo/$stem.txt" ] && mv "$out/lo/$stem.txt" "$out/$stem.lo-page.txt"
  fi
done
for word in "$corpus"/*.docx; do
  stem=$(basename "$word" .docx)
  if have soffice; then
    soffice --headless --convert-to "txt:Text (encoded):UTF8" --outdir "$out/lo" "$word" >/dev/null 2>&1 || true
    [ -f "$out/lo/$stem.txt" ] && mv "$out/lo/$stem.txt" "$out/$stem.lo-word.txt"
  fi
  if have pandoc; then
    pandoc -f docx -t markdown "$word" -o "$out/$stem.pandoc.md"
    pandoc -f docx -t gfm "$word" -o "$out/$stem.pandoc-gfm.md"
    pandoc -f docx -t plain "$word" -o "$out/$stem.pandoc.txt"
  fi
done
if have pdftotext; then
  for pdf in "$corpus"/pdf/*.pdf; do
    pdftotext -layout "$pdf" "$out/$(basename "$pdf" .pdf).layout.txt"
    pdftotext "$pdf" "$out/$(basename "$pdf" .pdf).raw.txt"
  done
  for pdf in "$out"/*.printed.pdf; do
    [ -s "$pdf" ] && pdftotext "$pdf" "$out/$(basename "$pdf" .printed.pdf).printed-raw.txt"
  done
fi

status=0
for f in "$out"/*.copied.txt "$out"/*.printed.txt "$out"/*.printed-raw.txt "$out"/*.layout.txt \
  "$out"/*.raw.txt "$out"/*.lo.docx "$out"/*.lo-page.txt "$out"/*.lo-word.txt \
  "$out"/*.pandoc.md "$out"/*.pandoc-gfm.md "$out"/*.pandoc.txt; do
  [ -s "$f" ] || continue
  stem=$(basename "$f"); stem=${stem%%.*}
  got=$("$xxgk" export --csv "$f" 2>"$f.notes" || true)
  result=$(python3 - "$corpus/expected/$stem.csv" "$got" <<'PY'
import csv, io, sys
exp = {tuple(r[:3]): r[3:] for r in list(csv.reader(open(sys.argv[1], encoding="utf-8")))[1:]}
got = {tuple(r[:3]): r[3:] for r in list(csv.reader(io.StringIO(sys.argv[2])))[1:]}
right = sum(1 for k in exp if got.get(k) == exp[k])
unread = sum(1 for k in exp if got.get(k) != exp[k] and not (got.get(k) or [""])[0])
wrong = len(exp) - right - unread + sum(1 for k in got if k not in exp)
print(f"{right}/{len(exp)} right, {unread} not read, {wrong} wrong")
PY
)
  printf '%-40s %s (%s notes)\n' "$(basename "$f")" "$result" "$(wc -l < "$f.notes")"
  case "$result" in *" 0 wrong") ;; *) status=1 ;; esac
done
echo "files in $out"
exit $status

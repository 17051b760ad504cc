#!/usr/bin/env bash
# Turns the corpus reports into the other forms users hand us, imports each with
# xxgk and compares its cells with the expected CSV. Nothing it makes is committed.
#
#   scripts/corpus-variants.sh [--make-only] [OUT_DIR]   (default: a temporary directory)
#
# --make-only makes the forms and stops (CI then reads them with the ignored test
# `generated_forms` of tests/e2e, XXGK_FORMS=OUT_DIR).
#
# Forms, each made only when its tool is installed (Debian packages in brackets). The
# HTML pages are the corpus pages and, for every corpus text report, the page
# `xxgk render --to html` makes of it (<stem>.rendered.html, scratch only; its forms are
# named <stem>.rendered-copied.txt, <stem>.rendered-printed.txt and so on):
#   <stem>.copied.txt   the page's text as a browser copies it: document.body.innerText
#                       in headless Chromium [chromium]
#   <stem>.printed.txt  the page printed to PDF by Chromium (A4, the page's fonts),
#                       then pdftotext -layout [chromium, poppler-utils]
#   <stem>.printed-wide.txt    the same on A4 landscape in WenQuanYi Zen Hei
#                       [fonts-wqy-zenhei]
#   <stem>.printed-narrow.txt  the same on B5 in AR PL UMing (narrow columns: labels
#                       wrapped over two and three lines) [fonts-arphic-uming]
#   <stem>.printed-raw.txt  the A4 PDF through pdftotext without -layout (one cell a line)
#   <stem>.layout.txt   the published PDFs through pdftotext -layout [poppler-utils]
#   <stem>.raw.txt      the published PDFs through pdftotext without -layout (one cell a
#                       line, some labels printed away from their numbers) [poppler-utils]
#   <stem>.lo.docx      the page converted to Word by LibreOffice [libreoffice-writer]
#   <stem>.lo-page.txt  the page as text by LibreOffice (one cell a line, blank cells as
#                       empty lines) [libreoffice-writer]
#   <stem>.lo-word.txt  the corpus Word file as text by LibreOffice [libreoffice-writer]
#   <stem>.pandoc.md, <stem>.pandoc-gfm.md, <stem>.pandoc.txt  the corpus Word file
#                       through pandoc to Markdown, GitHub Markdown and plain text [pandoc]
# and, made here from the corpus text reports and the pages' copied text (python3):
#   <stem>[.page].oneline.txt  what a crawler stores: a metadata line (`本地目录: …_<title>`),
#                       then the whole body on one line, every run of white space one space
#   <stem>[.page].runtogether.txt  each table row's values run together without separators
#                       after its label and one space (`一、本年新收… 520010154`), as some
#                       PDF viewers copy; header rows keep single spaces
# Reports, for each file, the cells read right out of the expected ones, the cells not
# read (each table with such cells must say so in an import note) and the cells read
# wrong; exits 1 if any cell is read wrong or not expected at all.
set -euo pipefail
cd "$(dirname "$0")/.."
make_only=false
if [ "${1:-}" = "--make-only" ]; then
  make_only=true
  shift
fi
corpus="${XXGK_CORPUS:-../shared/corpus}"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
out=$(realpath "$out")
cargo build -q -p xxgk-cli
xxgk="$PWD/target/debug/xxgk"

have() { command -v "$1" >/dev/null; }

# Headless Chromium, each run with a profile of its own (removed after).
chrome() {
  local profile
  profile=$(mktemp -d)
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" "$@" 2>/dev/null || true
  rm -rf "$profile"
}

# print PAGE PDF SIZE FONT: PAGE printed to PDF on paper SIZE (CSS), all text in FONT
# (the page's own fonts when empty).
print() {
  local page="$1" pdf="$2" size="$3" font="$4" styled
  styled=$(mktemp --suffix=.html)
  cp "$page" "$styled"
  {
    printf '<style>@page { size: %s !important; }' "$size"
    [ -n "$font" ] && printf ' * { font-family: "%s" !important; }' "$font"
    printf '</style>\n'
  } >> "$styled"
  chrome --no-pdf-header-footer --print-to-pdf="$pdf" "file://$styled"
  rm -f "$styled"
}

pages=("$corpus"/*.html)
for report in "$corpus"/*.txt; do
  stem=$(basename "$report" .txt)
  "$xxgk" render --to html --force -o "$out/$stem.rendered.html" "$report" 2>/dev/null || continue
  pages+=("$out/$stem.rendered.html")
done

for page in "${pages[@]}"; do
  stem=$(basename "$page"); stem=${stem%%.*}
  # A page rendered from a text report names its forms apart from the corpus page
  # of the same report (shuyang-fgj-2023 has both).
  tag=""
  case "$page" in "$out"/*) tag="rendered-" ;; esac
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
    chrome --dump-dom "file://$wrapped" \
      | python3 -c 'import sys,html,re; d=sys.stdin.read(); m=re.search(r"<pre id=\"copied\">(.*?)</pre>", d, re.S); sys.stdout.write(html.unescape(m.group(1)) if m else "")' \
      > "$out/$stem.${tag}copied.txt"
    rm -f "$wrapped"
    if have pdftotext; then
      print "$page" "$out/$stem.${tag}printed.pdf" "210mm 297mm" ""
      print "$page" "$out/$stem.${tag}printed-wide.pdf" "297mm 210mm" "WenQuanYi Zen Hei"
      print "$page" "$out/$stem.${tag}printed-narrow.pdf" "176mm 250mm" "AR PL UMing CN"
      for pdf in "$out/$stem.${tag}"printed*.pdf; do
        [ -s "$pdf" ] && pdftotext -layout "$pdf" "${pdf%.pdf}.txt"
      done
    fi
  fi
  case "$page" in "$out"/*) continue ;; esac
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
  for pdf in "$out"/*printed.pdf; do
    [ -s "$pdf" ] && pdftotext "$pdf" "${pdf%.pdf}-raw.txt"
  done
fi
rm -f "$out"/*.pdf "$out"/*.rendered.html
rm -rf "$out/lo"

# One-line and run-together text from the corpus text reports and, for the pages
# (whose corpus has no text report), from their copied text.
sources=("$corpus"/*.txt)
for page in "$corpus"/*.html; do
  copied="$out/$(basename "$page" .html).copied.txt"
  [ -s "$copied" ] && sources+=("$copied")
done
python3 - "$out" "${sources[@]}" <<'PY'
import os, re, sys

out = sys.argv[1]
NUMBER = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?(万元|万|元)?$")

def title_of(lines):
    for line in lines:
        if "报告" in line and re.search(r"(19|20)\d\d", line) and len(line.strip()) < 60:
            return re.sub(r"\s+", "", line)
    return "年度报告"

def runtogether(line):
    if "\t" not in line:
        return line
    fields = [f.strip() for f in line.split("\t")]
    fields = [f for f in fields if f]
    first = len(fields)
    while first > 0 and NUMBER.match(fields[first - 1]):
        first -= 1
    values = fields[first:]
    if len(values) < 2:
        return " ".join(fields)
    label = "".join(fields[:first])
    return (label + " " if label else "") + "".join(values)

for path in sys.argv[2:]:
    stem = os.path.basename(path).split(".")[0]
    if path.endswith(".copied.txt"):
        stem += ".page"
    text = open(path, encoding="utf-8").read().lstrip("\ufeff")
    lines = text.splitlines()
    title = title_of(lines)
    body = " ".join(text.split())
    with open(os.path.join(out, stem + ".oneline.txt"), "w", encoding="utf-8") as f:
        f.write(f"本地目录: D:\\采集\\xxgk\\{len(body) % 9973:04d}_{title}\n{body}\n")
    with open(os.path.join(out, stem + ".runtogether.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(runtogether(l) for l in lines) + "\n")
PY

$make_only && { echo "forms in $out"; exit 0; }

status=0
for f in "$out"/*.txt "$out"/*.md "$out"/*.docx; do
  [ -s "$f" ] || continue
  stem=$(basename "$f"); stem=${stem%%.*}
  [ -f "$corpus/expected/$stem.csv" ] || continue
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
  s1=$("$xxgk" check --format json "$f" 2>/dev/null | python3 -c 'import json,sys
try: d=json.load(sys.stdin)
except Exception: print("?"); sys.exit()
print(" ".join(x["code"]+x["location"]["pointer"] for x in d["diagnostics"] if x["code"] in ("S001","S002")))' || true)
  printf '%-44s %s (%s notes) %s\n' "$(basename "$f")" "$result" "$(wc -l < "$f.notes")" "$s1"
  case "$result" in *" 0 wrong") ;; *) status=1 ;; esac
done
echo "files in $out"
exit $status

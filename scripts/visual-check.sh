#!/usr/bin/env bash
# Renders the bundled examples (or the model files given) the way a person sees them:
# the HTML as a screenshot and as Chromium's print PDF, the Word file as LibreOffice's
# PDF, every PDF as PNG pages. Look at the PNGs; nothing here asserts anything, and CI
# does not run it.
#
#   scripts/visual-check.sh [OUT_DIR] [MODEL.toml ...]
#
# Needs: chromium, libreoffice (writer), poppler-utils, fonts-noto-cjk
#   apt-get install chromium libreoffice-writer-nogui poppler-utils fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-target/visual-check}"
shift || true
models=("$@")
if [ ${#models[@]} -eq 0 ]; then
  models=(examples/qinghe-gov-2025.toml examples/qinghe-water-2020.toml)
fi
for tool in chromium soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool not found (see the comment at the top)" >&2; exit 2; }
done

mkdir -p "$out"
out="$(cd "$out" && pwd)"
cargo build -q -p xxgk-cli
xxgk="$(pwd)/target/debug/xxgk"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chrome() {
  # The flags this machine needs: no sandbox as root, no network at start-up.
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-quic \
    --user-data-dir="$profile" "$@" 2>/dev/null
}

for model in "${models[@]}"; do
  stem="$(basename "$model" .toml)"
  "$xxgk" render "$model" --to html --force -o "$out/$stem.html" >/dev/null
  "$xxgk" render "$model" --to docx --force -o "$out/$stem.docx" >/dev/null
  chrome --hide-scrollbars --window-size=1240,1754 --screenshot="$out/$stem-screen.png" "file://$out/$stem.html"
  chrome --no-pdf-header-footer --print-to-pdf="$out/$stem-html.pdf" "file://$out/$stem.html"
  soffice --headless --convert-to pdf --outdir "$out" "$out/$stem.docx" >/dev/null 2>&1
  mv "$out/$stem.pdf" "$out/$stem-docx.pdf"
  for pdf in "$out/$stem-html.pdf" "$out/$stem-docx.pdf"; do
    pdftoppm -r 80 -png "$pdf" "${pdf%.pdf}"
    echo "$(basename "$pdf"): $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages"
  done
done
echo "PNG pages and screenshots in $out"

#!/usr/bin/env bash
# The browser tests of `xxgk serve` (crates/xxgk-web/browser): Debian's chromium
# driven by playwright-core. Builds the binary, installs the one npm package
# (npm ci, from the committed lock file), runs the tests; each run starts its own
# server on a free port and stops it. With --screenshots DIR, also photographs
# each page at 1366×768 and at a phone's width into DIR (docs/images/ for the
# guide).
set -euo pipefail
cd "$(dirname "$0")/.."
shots=""
if [[ "${1:-}" == "--screenshots" ]]; then
  shots="$(realpath "${2:?--screenshots needs a folder}")"
  mkdir -p "$shots"
fi
command -v chromium >/dev/null || { echo "chromium not found (apt-get install chromium)" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm not found (apt-get install npm)" >&2; exit 1; }
# The corpus as given (CI: ../shared/corpus from the repository's root), made
# absolute before leaving the root.
corpus="$(realpath -m "${XXGK_CORPUS:-../shared/corpus}")"
cargo build -q -p xxgk-cli
bin="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/xxgk"
cd crates/xxgk-web/browser
npm ci --no-audit --no-fund --silent
XXGK_BIN="$bin" XXGK_SCREENSHOTS="$shots" XXGK_CORPUS="$corpus" \
  node --test test.mjs

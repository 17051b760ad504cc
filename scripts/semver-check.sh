#!/usr/bin/env bash
# Compares the public API of each library crate with a baseline revision's (default
# HEAD^: on main, the state before the last merge) through cargo-semver-checks, and
# fails on a break that the versions do not announce (before 1.0: the minor version
# raised). A crate the baseline does not have is left out: there is nothing to
# compare it with.
#
#   scripts/semver-check.sh [BASELINE_REV]
#
# Needs cargo-semver-checks (`cargo install --locked cargo-semver-checks`).
set -euo pipefail
cd "$(dirname "$0")/.."
baseline="${1:-HEAD^}"

packages=()
for manifest in crates/*/Cargo.toml; do
  dir="${manifest%/Cargo.toml}"
  name="$(sed -n 's/^name = "\(.*\)"$/\1/p' "$manifest" | head -n 1)"
  if [[ ! -f "$dir/src/lib.rs" ]]; then
    continue # a program only: no public API
  fi
  if git cat-file -e "$baseline:$dir/src/lib.rs" 2>/dev/null; then
    packages+=(--package "$name")
  else
    echo "semver check: $name is new since $baseline, not compared"
  fi
done
if ((${#packages[@]} == 0)); then
  echo "semver check: no library of $baseline to compare with"
  exit 0
fi
cargo semver-checks "${packages[@]}" --baseline-rev "$baseline"

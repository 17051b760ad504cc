#!/usr/bin/env bash
# Packages every crate of the workspace as crates.io would receive it, unpacks each
# .crate into a folder of its own outside the repository, and runs the crate's tests
# there (`cargo test --all-features`), with the other xxgk crates patched to their
# unpacked packages: no crates.io copy and nothing of the repository outside the
# packages is used. What fails here fails for a user who runs a published crate's
# tests: a fixture left outside the crate, a dev-dependency that packaging strips.
#
#   scripts/package-check.sh [--verify] [CARGO_PACKAGE_ARGS...]
#
# `cargo package` runs with --no-verify unless --verify is given: its verification
# builds each crate's library, which the tests here build anyway (and more). And it
# can verify against stale siblings: it takes the unpublished xxgk crates it depends
# on from a local registry, and at an unchanged version cargo reuses the copy an
# earlier run extracted into CARGO_HOME (registry/src/-<hash>/) and the library it
# built into the target directory, as if they were published, so a crate is checked
# against a sibling as it was (seen here: `xxgk` against an `xxgk-import` without its
# PDF extractor). The tests here take the siblings by path, which cargo rebuilds when
# their files change. Other arguments go to `cargo package` (e.g. --allow-dirty for
# uncommitted work).
#
# The tests build in the workspace's own target directory, with the workspace's dev
# profile, so the dependencies built for the workspace's tests are reused and only the
# xxgk crates are compiled again.
set -euo pipefail
cd "$(dirname "$0")/.."

verify=(--no-verify)
if [[ "${1:-}" == --verify ]]; then
  verify=()
  shift
fi

target="$(realpath -m "${CARGO_TARGET_DIR:-target}")"
# Outside the repository: inside it, cargo would take each unpacked crate for a member
# of the repository's workspace.
unpacked="$(mktemp -d "${TMPDIR:-/tmp}/xxgk-packages.XXXXXX")"
trap 'rm -rf "$unpacked"' EXIT

# Only this run's packages: an older version's .crate may lie in target/package.
rm -f "$target"/package/*.crate
# xxgk-bench (bench/) is not published: measuring tools, outside crates/.
cargo package --workspace --exclude xxgk-bench "${verify[@]}" "$@"

# The workspace's run tries the property laws and the importer's fuzzing with many
# cases (CI: 1000 and 10000); here the point is that every test builds and runs from
# its package, so a few cases each.
export PROPTEST_CASES="${XXGK_PACKAGE_PROPTEST_CASES:-16}"
export XXGK_FUZZ_CASES="${XXGK_PACKAGE_FUZZ_CASES:-64}"

crates=()
patches=()
for file in "$target"/package/*.crate; do
  base="$(basename "$file" .crate)"
  name="${base%-*}"
  # Files dated now (-m): a package's files carry a fixed old date, and cargo would
  # take a test binary built from another run's folder for fresh, its
  # CARGO_MANIFEST_DIR pointing into a folder that is gone.
  tar -xzmf "$file" -C "$unpacked"
  crates+=("$base")
  patches+=(--config "patch.crates-io.$name.path=\"$unpacked/$base\"")
done
members=(crates/*/Cargo.toml)
((${#crates[@]} == ${#members[@]})) ||
  { echo "${#members[@]} crates but ${#crates[@]} packages" >&2; exit 1; }

for base in "${crates[@]}"; do
  echo "== tests of the package $base"
  # The packaged manifests carry no profile (it is the workspace's): the same dev
  # profile as the workspace's keeps the built dependencies shared.
  (cd "$unpacked/$base" &&
    CARGO_TARGET_DIR="$target" cargo test --all-features \
      --config 'profile.dev.debug="line-tables-only"' "${patches[@]}")
done
echo "package check: ${#crates[@]} packages, the tests of each passed"

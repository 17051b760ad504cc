//! End-to-end tests: drive the `xxgk` binary as a user runs it, over the bundled
//! examples and, with `XXGK_CORPUS` set, over real reports.
//!
//! These files live in the workspace's `tests/` directory and are built as the `e2e`
//! integration test of `xxgk-cli`, so that Cargo builds the binary first and tells the
//! tests where it is (`CARGO_BIN_EXE_xxgk`).

mod check;
mod init;
mod render;

use std::path::PathBuf;

use assert_cmd::Command;

/// The `xxgk` binary built for this test run.
pub(crate) fn xxgk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_xxgk"))
}

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

//! End-to-end tests: drive the `xxgk` binary as a user runs it, over the bundled
//! examples and, with `XXGK_CORPUS` set, over real reports.
//!
//! These files live in the workspace's `tests/` directory and are built as the `e2e`
//! integration test of `xxgk-cli`, so that Cargo builds the binary first and tells the
//! tests where it is (`CARGO_BIN_EXE_xxgk`).

mod batch;
mod check;
mod cli;
mod corpus_check;
mod export;
mod forms;
mod guide;
mod hostile;
mod house;
mod import;
mod init;
mod inputs;
mod library;
mod messages;
mod pdf;
mod positions;
mod render;
mod render_corpus;
mod serve;
mod sum;

use std::path::PathBuf;

use assert_cmd::Command;

/// The `xxgk` binary built for this test run.
pub(crate) fn xxgk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_xxgk"))
}

/// An import note's code as the CLI prints it: `[page-footer]`.
pub(crate) fn tag(code: xxgk_import::NoteCode) -> String {
    format!("[{code}]")
}

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fixture of the importer's tests.
pub(crate) fn fixture(name: &str) -> PathBuf {
    root().join("crates/xxgk-import/tests/fixtures").join(name)
}

/// The corpus files that have an expected CSV (`expected/<stem>.csv`).
pub(crate) const CORPUS: &[&str] = &[
    "bengbu-2020.txt",
    "hongze-2023.txt",
    "hongze-2024.txt",
    "huaian-gov-2024.txt",
    "pingtan-2023.txt",
    "pingtan-2024.txt",
    "shanghai-office-2019.txt",
    "shuyang-fgj-2023.txt",
    "pingtan-2019.html",
    "shuyang-fgj-2023.html",
    "pingtan-2019.docx",
    "shuyang-fgj-2023.docx",
];

/// A corpus file's name without its extension: the name of its expected CSV.
pub(crate) fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// The corpus of real reports (`XXGK_CORPUS`, relative to the workspace root).
pub(crate) fn corpus() -> PathBuf {
    let dir = PathBuf::from(std::env::var_os("XXGK_CORPUS").expect("set XXGK_CORPUS"));
    if dir.is_relative() {
        root().join(dir)
    } else {
        dir
    }
}

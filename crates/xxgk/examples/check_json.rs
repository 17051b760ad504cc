//! Checks report files through the library alone, and prints for each what
//! `xxgk check FILE --format json` prints:
//!
//! ```text
//! cargo run -p xxgk --example check_json -- 报告.pdf 报告.html 报告.toml
//! ```
//!
//! A PDF file is read through the text `pdftotext -layout` extracts (poppler-utils).
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "an example program prints what it finds"
)]

use std::path::Path;
use std::process::ExitCode;

/// What `xxgk check FILE --format json` prints for a file, or why the file could
/// not be checked.
pub(crate) fn check_json(path: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path)?;
    // Messages and the envelope name the file as it was given.
    let name = path.display().to_string();
    let checked = xxgk::Checker::new().check(&bytes, &name)?;
    Ok(format!("{}\n", checked.envelope().to_json()))
}

fn main() -> ExitCode {
    let mut failed = false;
    for arg in std::env::args_os().skip(1) {
        let path = Path::new(&arg);
        match check_json(path) {
            Ok(json) => print!("{json}"),
            Err(e) => {
                eprintln!("{}：{e}", path.display());
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

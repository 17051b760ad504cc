//! Writes a generated report to a file (`scripts/scaling.sh`):
//!
//! ```sh
//! xxgk-generate VERSION FORM BYTES OUT    # VERSION 2019|2021, FORM txt|html|docx
//! ```

#![allow(clippy::print_stderr)] // a tool reports on the terminal

use std::process::ExitCode;

use xxgk_bench::generate::{self, Form};
use xxgk_model::FormatVersion;

fn generate_main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [version, form, bytes, out] = &args[..] else {
        return Err("usage: xxgk-generate VERSION FORM BYTES OUT".to_owned());
    };
    let version = match version.as_str() {
        "2019" => FormatVersion::V2019,
        "2021" => FormatVersion::V2021,
        _ => return Err(format!("{version}: the version is 2019 or 2021")),
    };
    let form = Form::ALL
        .into_iter()
        .find(|f| f.extension() == form)
        .ok_or_else(|| format!("{form}: the form is txt, html or docx"))?;
    let size: usize = bytes
        .parse()
        .map_err(|_| format!("{bytes}: not a number of bytes"))?;
    let data = generate::bytes(version, form, size).map_err(|e| e.to_string())?;
    std::fs::write(out, data).map_err(|e| format!("{out}: {e}"))
}

fn main() -> ExitCode {
    match generate_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

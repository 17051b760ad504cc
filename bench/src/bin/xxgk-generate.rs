//! Writes a generated report to a file (`scripts/scaling.sh`):
//!
//! ```sh
//! xxgk-generate VERSION FORM BYTES OUT    # VERSION 2019|2021, FORM txt|html|docx
//! ```

#![allow(clippy::print_stderr)] // a tool reports on the terminal

use std::process::ExitCode;

use xxgk_bench::generate;

fn generate_main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [version, form, bytes, out] = &args[..] else {
        return Err("usage: xxgk-generate VERSION FORM BYTES OUT".to_owned());
    };
    let (version, form, size) = generate::parse_spec(version, form, bytes)?;
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

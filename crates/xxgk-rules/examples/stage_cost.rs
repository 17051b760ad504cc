//! Runs one stage `N` times over one input and prints the mean time per run, for
//! `valgrind --tool=callgrind` (instruction counts that do not depend on the
//! machine's load: count with N and with 0, divide the difference by N) and for
//! `perf record`. See docs/performance.md.
//!
//! `cargo run --release -p xxgk-rules --example stage_cost -- STAGE FILE N`, where
//! STAGE is `check` (FILE a model file, a published report, or `blank` for a
//! blank 2025 report), `html` (`read_html` of a decoded page), `docx`
//! (`read_docx`) or `import` (the whole import).

#![allow(clippy::print_stdout, clippy::print_stderr)] // an example prints

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use xxgk_import::ImportOptions;
use xxgk_model::{BodyKind, Report};

fn report(path: &str) -> Result<Report, String> {
    if path == "blank" {
        return Report::blank("某某县某某局", 2025, BodyKind::Government)
            .map_err(|e| e.to_string());
    }
    let is_toml = std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if is_toml {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        return toml::from_str(&text).map_err(|e| e.to_string());
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let options = ImportOptions::default().file_name(path);
    Ok(xxgk_import::import(&bytes, &options)
        .map_err(|e| e.to_string())?
        .report)
}

fn run(stage: &str, path: &str, n: u32) -> Result<(), String> {
    let bytes = || std::fs::read(path).map_err(|e| e.to_string());
    let start;
    match stage {
        "check" => {
            let report = report(path)?;
            start = Instant::now();
            for _ in 0..n {
                black_box(xxgk_rules::check(black_box(&report)));
            }
        }
        "html" => {
            let text = xxgk_import::decode(&bytes()?).text;
            start = Instant::now();
            for _ in 0..n {
                black_box(xxgk_import::read_html(black_box(&text)));
            }
        }
        "docx" => {
            let bytes = bytes()?;
            start = Instant::now();
            for _ in 0..n {
                black_box(xxgk_import::read_docx(black_box(&bytes)).map_err(|e| e.to_string())?);
            }
        }
        "import" => {
            let bytes = bytes()?;
            let options = ImportOptions::default().file_name(path);
            start = Instant::now();
            for _ in 0..n {
                black_box(
                    xxgk_import::import(black_box(&bytes), &options).map_err(|e| e.to_string())?,
                );
            }
        }
        other => return Err(format!("unknown stage {other}")),
    }
    println!("{:?} per run", start.elapsed() / n.max(1));
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [stage, path, n] = args.as_slice() else {
        eprintln!("usage: stage_cost STAGE FILE N");
        return ExitCode::FAILURE;
    };
    let Ok(n) = n.parse() else {
        eprintln!("N is a count");
        return ExitCode::FAILURE;
    };
    match run(stage, path, n) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

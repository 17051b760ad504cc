//! Renders a model file as a Word file `N` times and prints the mean time per
//! run, for `valgrind --tool=callgrind` and `perf record` (see
//! docs/performance.md): `cargo run --release -p xxgk-render --example docx_cost
//! -- FILE.toml N`.

#![allow(clippy::print_stdout, clippy::print_stderr)] // an example prints

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

fn run(path: &str, n: u32) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let report: xxgk_model::Report = toml::from_str(&text).map_err(|e| e.to_string())?;
    let start = Instant::now();
    for _ in 0..n {
        black_box(xxgk_render::to_docx(black_box(&report)).map_err(|e| e.to_string())?);
    }
    println!("{:?} per run", start.elapsed() / n.max(1));
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, n] = args.as_slice() else {
        eprintln!("usage: docx_cost FILE.toml N");
        return ExitCode::FAILURE;
    };
    let Ok(n) = n.parse() else {
        eprintln!("N is a count");
        return ExitCode::FAILURE;
    };
    match run(path, n) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

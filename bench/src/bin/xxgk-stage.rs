//! Runs one stage on one file, for an instruction count (`scripts/callgrind.sh`):
//!
//! ```sh
//! xxgk-stage STAGE FILE [TIMES]      # a stage over a report file, TIMES times
//! xxgk-stage STAGE gen:VERSION:FORM:BYTES [TIMES]   # over a generated report
//! xxgk-stage all FILE                 # every stage in turn, once each
//! xxgk-stage STAGE FILE cold          # once, without the uncounted run before
//! ```
//!
//! The work before the stage (reading the file, the earlier stages) is done first,
//! then the stage once uncounted (what is made once per process — tables built on
//! first use — is not a report's cost), then TIMES counted runs; valgrind collects
//! inside `xxgk_bench::stage::measured` only (and with `--dump-after`, writes one
//! count per stage of `all`).

// A measuring tool: reports on the terminal; a count of runs as a float divisor.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::cast_precision_loss
)]

use std::process::ExitCode;
use std::time::Instant;

use xxgk_bench::generate;
use xxgk_bench::stage::{Stage, measured, prepare_owned, run};

fn input(arg: &str) -> Result<(String, Vec<u8>), String> {
    if let Some(spec) = arg.strip_prefix("gen:") {
        let parts: Vec<&str> = spec.split(':').collect();
        let [version, form, bytes] = parts[..] else {
            return Err(format!("{arg}: expected gen:VERSION:FORM:BYTES"));
        };
        let (version, form, size) = generate::parse_spec(version, form, bytes)?;
        let data = generate::bytes(version, form, size).map_err(|e| e.to_string())?;
        return Ok((format!("generated.{}", form.extension()), data));
    }
    let data = std::fs::read(arg).map_err(|e| format!("{arg}: {e}"))?;
    Ok((arg.to_owned(), data))
}

fn stage_main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(stage), Some(file)) = (args.first(), args.get(1)) else {
        return Err("usage: xxgk-stage STAGE FILE|gen:VERSION:FORM:BYTES [TIMES]".to_owned());
    };
    let all = stage == "all";
    let stages = if all {
        Stage::ALL.to_vec()
    } else {
        vec![Stage::from_name(stage).ok_or_else(|| {
            let names: Vec<&str> = Stage::ALL.iter().map(|s| s.name()).collect();
            format!("{stage}: not a stage ({}, or all)", names.join(", "))
        })?]
    };
    let cold = args.get(2).is_some_and(|a| a == "cold");
    let times: usize = match args.get(2) {
        Some(n) if !cold => n.parse().map_err(|_| format!("{n}: not a count"))?,
        _ => 1,
    };
    let (name, bytes) = input(file)?;
    let len = bytes.len();
    let last = stages.len() - 1;
    let mut bytes = Some(bytes);
    for (i, stage) in stages.into_iter().enumerate() {
        // The last stage takes the bytes themselves: a single stage's process
        // holds its input once, for a measure of its peak memory.
        let data = if i == last {
            bytes.take().unwrap_or_default()
        } else {
            bytes.clone().unwrap_or_default()
        };
        let prepared = prepare_owned(stage, &name, data).map_err(|e| e.to_string())?;
        let warm = if cold {
            Ok(0)
        } else {
            run(stage, &prepared, &name)
        };
        let mut size = match warm {
            Ok(size) => size,
            // A stage that does not apply to the input (a Word file is not decoded
            // as text): said, and passed once through `measured` all the same, so
            // that `all` dumps one count per stage in order.
            Err(e) if all => {
                let _ = measured(stage, &prepared, &name);
                println!("{stage} {file}: n/a ({e})");
                continue;
            }
            Err(e) => return Err(e),
        };
        let start = Instant::now();
        for _ in 0..times {
            size = measured(stage, &prepared, &name)?;
        }
        let each = start.elapsed().as_secs_f64() / times.max(1) as f64;
        println!(
            "{stage} {file}: {len} bytes in, result size {size}, {:.1} µs each",
            each * 1e6
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    match stage_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

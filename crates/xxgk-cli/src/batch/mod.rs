//! Checking many files in one run (`xxgk check PATH…` with several files or a
//! folder): the files listed ([`walk`]), read and checked on every core
//! ([`run`]), each report's findings printed in the order of the files, then
//! a table of every file ([`table`]); the report file the office asked for
//! written as the outcomes come ([`report`]). A file that cannot be read is a
//! line of the table and never ends the run.

pub(crate) mod report;
pub(crate) mod run;
pub(crate) mod table;
pub(crate) mod walk;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use xxgk::{Checker, LastYear, Totals};

use report::{Counts, Report};
use run::{Keep, Outcome, Run};
use walk::Found;

/// What a batch is asked to do.
pub(crate) struct Batch<'a> {
    pub(crate) checker: Checker,
    pub(crate) paths: &'a [PathBuf],
    pub(crate) previous: &'a [PathBuf],
    pub(crate) report: Option<&'a Path>,
    pub(crate) force: bool,
    pub(crate) jobs: Option<usize>,
    pub(crate) json: bool,
    pub(crate) notes: bool,
}

/// Exit code when a report has errors or a file could not be read.
const EXIT_PROBLEMS: u8 = 1;

/// Runs a batch; `Err` only when the run cannot start (no file, a report file
/// that may not be written, no threads) or its output cannot be written.
pub(crate) fn check(batch: &Batch<'_>) -> Result<ExitCode> {
    let found = walk::list(batch.paths);
    if !found.iter().any(|f| matches!(f, Found::File(_)))
        && found.iter().all(|f| matches!(f, Found::Skipped(..)))
    {
        bail!(
            "没有可检查的文件：给出的目录中没有 xxgk 读取的文件（网页、文本、Word、PDF、模型文件或 CSV）"
        );
    }
    let mut inputs: Vec<&Path> = batch.paths.iter().map(PathBuf::as_path).collect();
    inputs.extend(found.iter().filter_map(|f| match f {
        Found::File(p) => Some(p.as_path()),
        _ => None,
    }));
    let mut report = batch
        .report
        .map(|path| Report::create(path, batch.force, &inputs))
        .transpose()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(batch.jobs.unwrap_or(0))
        .build()
        .context("无法启动检查线程")?;
    pool.install(|| run_all(batch, &found, report.as_mut()))
        .and_then(|(counts, totals)| {
            if let Some(report) = report {
                let path = batch
                    .report
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                report.finish(&counts, &totals)?;
                eprintln_escaped(&format!("已写出报告文件 {path}。"));
            }
            Ok(if counts.with_errors > 0 || counts.unreadable > 0 {
                ExitCode::from(EXIT_PROBLEMS)
            } else {
                ExitCode::SUCCESS
            })
        })
}

#[allow(clippy::print_stderr)]
fn eprintln_escaped(text: &str) {
    eprintln!("{}", crate::shown::escaped(text));
}

/// Reads, checks and prints every file; writes each to the report.
fn run_all(
    batch: &Batch<'_>,
    found: &[Found],
    mut report: Option<&mut Report>,
) -> Result<(Counts, Totals)> {
    let mut keep = report.as_ref().map_or_else(Keep::default, |r| r.keep());
    keep.text = !batch.json;
    keep.notes = batch.notes;
    keep.envelope |= batch.json;
    let last_year = (!batch.previous.is_empty()).then(|| last_year(batch));
    let run = Run {
        checker: &batch.checker,
        keep,
        last_year: last_year.as_ref(),
        previous: None,
    };
    let progress = run::progress(found.len());
    let mut counts = Counts::default();
    let mut totals = Totals::new();
    let mut lines = Vec::new();
    let mut first = true;
    run::run(&run, found, &progress, |outcome| {
        counts.files += 1;
        match &outcome {
            Outcome::Checked(done) => {
                counts.checked += 1;
                counts.with_errors += usize::from(done.has_errors);
                counts.errors += done.overview.summary.errors;
                counts.warnings += done.overview.summary.warnings;
                counts.infos += done.overview.summary.infos;
                if let Some(text) = &done.text {
                    let sep = if first { "" } else { "\n" };
                    progress.suspend(|| crate::out::print(&format!("{sep}{text}")))?;
                }
                if batch.json {
                    if let Some(envelope) = &done.envelope {
                        let open = if first { "[\n  " } else { ",\n  " };
                        let json = envelope.to_json().replace('\n', "\n  ");
                        progress.suspend(|| crate::out::print(&format!("{open}{json}")))?;
                    }
                }
            }
            Outcome::Unreadable { message, .. } => {
                counts.unreadable += 1;
                if batch.json {
                    progress.suspend(|| eprintln_escaped(&format!("无法读取：{message}")));
                } else {
                    let sep = if first { "" } else { "\n" };
                    let text = format!(
                        "{sep}{}：无法读取：{}\n",
                        name_of(&outcome),
                        crate::shown::escaped(message)
                    );
                    progress.suspend(|| crate::out::print(&text))?;
                }
            }
            Outcome::Skipped { .. } => counts.skipped += 1,
        }
        if matches!(outcome, Outcome::Checked(_))
            || !batch.json && matches!(outcome, Outcome::Unreadable { .. })
        {
            first = false;
        }
        if let Some(report) = report.as_deref_mut() {
            report.add(&outcome)?;
        }
        lines.push(table::Line::of(&outcome));
        if let Outcome::Checked(done) = outcome {
            if let Some(t) = done.totals {
                totals.merge(t);
            }
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    if batch.json {
        crate::out::println(if first { "[]" } else { "\n]" })?;
    } else {
        let closing = format!(
            "共 {} 个文件：检查 {} 份报告，其中 {} 份有错误；{} 个无法读取，{} 个跳过；共 {} 个错误，{} 个警告，{} 条提示",
            counts.files,
            counts.checked,
            counts.with_errors,
            counts.unreadable,
            counts.skipped,
            counts.errors,
            counts.warnings,
            counts.infos
        );
        let sep = if first { "" } else { "\n" };
        crate::out::print(&format!("{sep}{}", table::render(&lines, &closing)))?;
    }
    Ok((counts, totals))
}

/// Last year's files of `--previous`, read on the pool; those that cannot be
/// read, and a second file of a body and year, are said on standard error.
fn last_year(batch: &Batch<'_>) -> LastYear {
    let files: Vec<PathBuf> = walk::list(batch.previous)
        .into_iter()
        .filter_map(|f| match f {
            Found::File(p) => Some(p),
            _ => None,
        })
        .collect();
    let (read, failed) = run::read_previous(&batch.checker, &files);
    for outcome in &failed {
        if let Outcome::Unreadable { message, .. } = outcome {
            eprintln_escaped(&format!("上年报告无法读取：{message}"));
        }
    }
    let last_year = LastYear::new(read);
    for dup in last_year.duplicates() {
        eprintln_escaped(&format!(
            "上年报告 {} 与另一文件是同一机关同一年度的，未使用。",
            dup.name
        ));
    }
    last_year
}

fn name_of(outcome: &Outcome) -> &str {
    match outcome {
        Outcome::Checked(done) => &done.overview.file,
        Outcome::Unreadable { name, .. } | Outcome::Skipped { name, .. } => name,
    }
}

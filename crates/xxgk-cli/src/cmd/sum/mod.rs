//! `xxgk sum`: reports of one year (files and folders) → one model file whose
//! tables are the cell-by-cell sums, the way a city's report gets its whole-city
//! tables. The summing is the library's ([`xxgk_model::sum`]); this command finds
//! and reads the files, says what was summed and what was not, and writes.

mod print;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use xxgk_model::sum::{SumError, SumOptions, Summer};

use crate::batch::walk::{self, Found};
use crate::files::{ModelFormat, serialize_report, write_atomic};
use crate::input::{Kind, load};

/// Arguments of `xxgk sum`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 要汇总的年度报告：文件或文件夹（文件夹中的网页、文本、Word、PDF 文件、模型文件和 CSV，含子文件夹）；“-”为标准输入。
    #[arg(required = true, value_name = "文件或文件夹")]
    paths: Vec<PathBuf>,
    /// 输出的模型文件（.toml 或 .json）；不指定时把 TOML 写到标准输出。
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 汇总结果的发布机关，如“某某市人民政府”。
    #[arg(long, default_value = "合计")]
    agency: String,
    /// 汇总结果的机关类别。
    #[arg(long, value_enum, default_value = "government")]
    kind: Kind,
    /// 只汇总这一年度的报告，其他年度的列为未汇总；不指定时所有报告须是同一年度。
    #[arg(long)]
    year: Option<i32>,
    /// 覆盖已存在的输出文件。
    #[arg(long)]
    force: bool,
}

/// The most files summed in one run: a city has hundreds of bodies.
pub(crate) const MAX_FILES: usize = 100_000;

/// The files to sum: as `check` lists them (`batch::walk`), with a file named
/// twice (however its path is spelt) read once, and the output file never read.
fn files(paths: &[PathBuf], output: Option<&Path>) -> Result<Vec<Found>> {
    let output = output.and_then(|p| fs::canonicalize(p).ok());
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for f in walk::list(paths) {
        if let Found::File(path) = &f
            && let Ok(real) = fs::canonicalize(path)
        {
            if output.as_ref() == Some(&real) {
                let why = "这是本次的输出文件，不汇总".to_owned();
                found.push(Found::Skipped(path.clone(), why));
                continue;
            }
            if !seen.insert(real) {
                continue;
            }
        }
        found.push(f);
    }
    let files = found.iter().filter(|f| matches!(f, Found::File(_))).count();
    if files > MAX_FILES {
        bail!("要汇总的文件超过 {MAX_FILES} 个的上限；请分批汇总，或只给出报告所在的文件夹");
    }
    Ok(found)
}

/// Exit code when the result was written but is not the sum of everything given:
/// a file was left out, or a cell could not be summed.
const EXIT_INCOMPLETE: u8 = 1;

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let format = args
        .output
        .as_deref()
        .map(ModelFormat::for_output)
        .transpose()?;
    let agency = args.agency.trim();
    if agency.is_empty() {
        bail!("--agency 不能为空");
    }
    if let Some(path) = &args.output
        && !args.force
        && path.symlink_metadata().is_ok()
    {
        // Said before hundreds of files are read, not after.
        bail!("{} 已存在；如需覆盖请加 --force", path.display());
    }
    let found = files(&args.paths, args.output.as_deref())?;
    let mut options = SumOptions::new(agency).kind(args.kind.into());
    if let Some(year) = args.year {
        options = options.year(year);
    }
    let mut adder = Summer::new(options);
    let mut unread = print::Unread::default();
    let mut inputs: Vec<&Path> = Vec::new();
    for f in &found {
        match f {
            Found::File(path) => {
                inputs.push(path);
                // One file at a time: memory does not grow with the number of files.
                match load(path) {
                    Ok(file) => {
                        if !file.unread.is_empty() {
                            unread.tables.insert(file.name.clone(), file.unread.clone());
                        }
                        adder.add(&file.name, &file.report);
                    }
                    Err(e) => unread.files.push(crate::errors::message(&e)),
                }
            }
            Found::Failed(path, why) => unread
                .files
                .push(format!("{}：{why}", crate::files::name(path))),
            Found::Skipped(path, why) => unread
                .skipped
                .push(format!("{}：{why}", crate::files::name(path))),
        }
    }
    let summed = match adder.finish() {
        Ok(summed) => summed,
        Err(e) => {
            eprint!("{}", crate::shown::escaped(&unread.text()));
            if let SumError::NothingSummed(left) = &e {
                eprint!("{}", crate::shown::escaped(&print::left_out(left)));
            }
            if let SumError::SeveralYears(years) = &e {
                let latest = years.last().map_or(0, |(y, _)| *y);
                bail!("{e}（加 --year，如 --year {latest}）");
            }
            return Err(e.into());
        }
    };
    let listing = print::listing(&summed, &unread);
    eprint!("{}", crate::shown::escaped(&listing));
    let mut text = serialize_report(&summed.report, format.unwrap_or(ModelFormat::Toml))?;
    if format != Some(ModelFormat::Json) {
        text = print::toml_header(&summed, &unread) + &text;
    }
    match &args.output {
        Some(path) => {
            write_atomic(path, text.as_bytes(), args.force, &inputs)?;
            eprintln!(
                "{}",
                crate::shown::escaped(&print::done(&summed, &path.display().to_string()))
            );
        }
        None => crate::out::print(&text)?,
    }
    let complete = summed.left_out.is_empty() && summed.unsummed.is_empty() && unread.all_read();
    Ok(if complete {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_INCOMPLETE)
    })
}

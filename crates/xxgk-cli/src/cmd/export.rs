//! `xxgk export`: reports (any input the importer reads) → the long-format CSV of
//! docs/cells.md, one line per cell.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use xxgk::import::ImportNote;
use xxgk_model::long::{HEADER_WITH_SOURCE, to_csv, to_csv_with_source};

use crate::batch::run::{Outcome, read_file};
use crate::batch::walk::Found;
use crate::files::{Streamed, write_atomic};
use crate::input::load;

/// Arguments of `xxgk export`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 一个或多个年度报告（网页、文本、Word、PDF 文件、模型文件或 CSV）或目录；“-”为标准输入。多个文件时，无法读取的文件在标准错误中列出，其余照常导出（退出码为 1）。
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// 导出为长格式 CSV（每个单元格一行：table,row,column,value,unit；多个文件时首列为 source）。
    #[arg(long, required = true)]
    csv: bool,
    /// 输出文件；不指定时写到标准输出。写入文件时带 UTF-8 BOM，便于 Excel、WPS 正确识别中文。
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 覆盖已存在的输出文件。
    #[arg(long)]
    force: bool,
    /// 列出全部导入说明，包括确定无误的容错（如“1、”读作“1.”）；默认只列出读取时有所推测、舍弃或未能读出的。
    #[arg(long)]
    notes: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    if !args.csv {
        bail!("请用 --csv 指定导出格式");
    }
    // As check does: what was guessed, dropped or not read, not the tolerances
    // of form or the certain ones (there is no finding here for them to bear on).
    let shown = |n: &ImportNote| args.notes || xxgk::always_significant(n);
    if let [path] = args.files.as_slice() {
        if crate::files::is_stdin(path) || !path.is_dir() {
            let one = load(path)?;
            eprint!("{}", crate::shown::escaped(&one.notes_text(shown)));
            let hidden = one.notes.iter().filter(|n| !shown(n)).count();
            if hidden > 0 {
                eprintln!(
                    "另有 {hidden} 条导入说明（读取时确定无误的容错）未列出，加 --notes 显示。"
                );
            }
            let csv = to_csv(&one.report);
            let cells = csv.lines().count().saturating_sub(1);
            write(args, csv.as_bytes(), cells, 1)?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    several(args, &shown)
}

/// Several files (or a folder): read on every core in chunks, each file's
/// lines written as soon as the files before it are, so that memory does not
/// grow with the number of files; a file that cannot be read is said on
/// standard error and the others are exported (exit code 1).
fn several(args: &Args, shown: &(dyn Fn(&ImportNote) -> bool + Sync)) -> Result<ExitCode> {
    let found = crate::batch::walk::list(&args.files);
    let inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    let mut out = match &args.output {
        Some(path) => {
            let mut file = Streamed::create(path, args.force, &inputs)?;
            // Excel and WPS read a CSV without a byte order mark in the local code page.
            write_to(&mut file, "\u{feff}".as_bytes())?;
            Some(file)
        }
        None => None,
    };
    let mut header = String::from(HEADER_WITH_SOURCE);
    header.push('\n');
    emit(&mut out, header.as_bytes())?;
    let checker = xxgk::Checker::new();
    let (mut reports, mut cells, mut hidden, mut failed) = (0, 0, 0, 0);
    let chunk = rayon::current_num_threads() * 32;
    for part in found.chunks(chunk) {
        let done: Vec<Result<(String, usize, String), String>> = part
            .par_iter()
            .map(|f| match f {
                Found::File(path) => {
                    let name = crate::files::name(path);
                    match read_file(&checker, path, &name, false) {
                        Ok((file, _)) => {
                            let notes = crate::shown::escaped(&file.notes_text(shown)).into_owned();
                            let hidden = file.notes.iter().filter(|n| !shown(n)).count();
                            let csv = to_csv_with_source([(name.as_str(), &file.report)]);
                            let body = csv.split_once('\n').map_or("", |(_, b)| b).to_owned();
                            Ok((notes, hidden, body))
                        }
                        Err(Outcome::Unreadable { message, .. }) => Err(message),
                        Err(Outcome::Skipped { .. } | Outcome::Checked(_)) => {
                            Ok(Default::default())
                        }
                    }
                }
                Found::Skipped(..) => Ok(Default::default()),
                Found::Failed(path, why) => Err(format!("{}：{why}", path.display())),
            })
            .collect();
        for (f, d) in part.iter().zip(done) {
            match d {
                Ok((notes, h, body)) => {
                    if let Found::File(_) = f {
                        reports += 1;
                    }
                    eprint!("{notes}");
                    hidden += h;
                    cells += body.lines().count();
                    emit(&mut out, body.as_bytes())?;
                }
                Err(message) => {
                    failed += 1;
                    eprintln!("错误：{}", crate::shown::escaped(&message));
                }
            }
        }
    }
    if hidden > 0 {
        eprintln!("另有 {hidden} 条导入说明（读取时确定无误的容错）未列出，加 --notes 显示。");
    }
    if let (Some(file), Some(path)) = (out, &args.output) {
        file.finish()?;
        let done = format!(
            "已导出 {reports} 个报告的 {cells} 个单元格到 {}。",
            path.display()
        );
        eprintln!("{}", crate::shown::escaped(&done));
    }
    if failed > 0 {
        eprintln!("{failed} 个文件无法读取，未导出（见上）。");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes bytes to the output file, or to standard output.
fn emit(out: &mut Option<Streamed>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(file) => write_to(file, bytes),
        None => crate::out::write(bytes),
    }
}

fn write_to(file: &mut Streamed, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let path = file.path().display().to_string();
    file.file()?
        .write_all(bytes)
        .with_context(|| format!("无法写入 {path}"))
}

/// One report's CSV: to the output file (with a byte order mark) or to
/// standard output.
fn write(args: &Args, csv: &[u8], cells: usize, reports: usize) -> Result<()> {
    match &args.output {
        Some(path) => {
            // Excel and WPS read a CSV without a byte order mark in the local code page.
            let mut bytes = "\u{feff}".as_bytes().to_vec();
            bytes.extend_from_slice(csv);
            let inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
            write_atomic(path, &bytes, args.force, &inputs)?;
            let done = format!(
                "已导出 {reports} 个报告的 {cells} 个单元格到 {}。",
                path.display()
            );
            eprintln!("{}", crate::shown::escaped(&done));
            Ok(())
        }
        None => crate::out::write(csv),
    }
}

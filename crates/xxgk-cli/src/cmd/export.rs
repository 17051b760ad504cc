//! `xxgk export`: reports (any input the importer reads) → the long-format CSV of
//! docs/cells.md, one line per cell.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use xxgk_model::long::{to_csv, to_csv_with_source};

use xxgk_import::ImportNote;
use xxgk_rules::WhichReport;

use crate::files::write_atomic;
use crate::import_notes::Places;
use crate::input::{Loaded, load};

/// Arguments of `xxgk export`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 一个或多个年度报告（网页、文本、Word、PDF 文件、模型文件或 CSV）；“-”为标准输入。
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
    let mut loaded: Vec<Loaded> = Vec::new();
    let mut hidden = 0;
    // As check does: what was guessed, dropped or not read, not the tolerances
    // of form or the certain ones (there is no finding here for them to bear on).
    let places = Places::new(&[]);
    let shown = |n: &ImportNote| args.notes || places.significant(n, WhichReport::Current);
    for path in &args.files {
        let l = load(path)?;
        eprint!("{}", l.notes_text_where(shown));
        hidden += l.notes.iter().filter(|n| !shown(n)).count();
        loaded.push(l);
    }
    if hidden > 0 {
        eprintln!("另有 {hidden} 条导入说明（读取时确定无误的容错）未列出，加 --notes 显示。");
    }
    let csv = match loaded.as_slice() {
        [one] => to_csv(&one.report),
        many => {
            let names: Vec<String> = many.iter().map(Loaded::name).collect();
            to_csv_with_source(
                names
                    .iter()
                    .map(String::as_str)
                    .zip(many.iter().map(|l| &l.report)),
            )
        }
    };
    match &args.output {
        Some(path) => {
            // Excel and WPS read a CSV without a byte order mark in the local code page.
            let mut bytes = "\u{feff}".as_bytes().to_vec();
            bytes.extend_from_slice(csv.as_bytes());
            let inputs: Vec<&std::path::Path> = args.files.iter().map(PathBuf::as_path).collect();
            write_atomic(path, &bytes, args.force, &inputs)?;
            let done = format!(
                "已导出 {} 个报告的 {} 个单元格到 {}。",
                loaded.len(),
                csv.lines().count().saturating_sub(1),
                path.display()
            );
            eprintln!("{}", crate::shown::escaped(&done));
        }
        None => crate::out::print(&csv)?,
    }
    Ok(ExitCode::SUCCESS)
}

//! `xxgk import`: a published report (text, HTML page, Word file) → a model file.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use xxgk_import::ImportOptions;

use super::init::Kind;
use crate::files::{ModelFormat, serialize_report, write_atomic};
use crate::input::load_with;

/// Arguments of `xxgk import`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 要导入的年度报告：网页（HTML）、复制或从 PDF 提取的文本、Word 文件（.docx）。
    file: PathBuf,
    /// 输出的模型文件（.toml 或 .json）；不指定时把 TOML 写到标准输出。
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 报告年度，覆盖从标题读出的年度。
    #[arg(long)]
    year: Option<i32>,
    /// 机关类别，覆盖按机关名称推断的类别。
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// 发布机关，覆盖从标题读出的机关名称。
    #[arg(long)]
    agency: Option<String>,
    /// 覆盖已存在的输出文件。
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let options = ImportOptions {
        file_name: None,
        year: args.year,
        kind: args.kind.map(Into::into),
        agency: args.agency.clone(),
    };
    let loaded = load_with(&args.file, options)?;
    eprint!("{}", loaded.notes_text());
    let report = &loaded.report;
    match &args.output {
        Some(path) => {
            let text = serialize_report(report, ModelFormat::from_path(path))?;
            write_atomic(path, text.as_bytes(), args.force)?;
            eprintln!(
                "已导入 {}：{} {} 年度报告（{} 年格式），{} 个表格单元格，{} 条导入说明；已写入 {}。",
                args.file.display(),
                report.meta.agency,
                report.meta.year,
                report.meta.format,
                report.cells().count(),
                loaded.notes.len(),
                path.display()
            );
        }
        None => print!("{}", serialize_report(report, ModelFormat::Toml)?),
    }
    Ok(ExitCode::SUCCESS)
}

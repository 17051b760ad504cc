//! `xxgk import`: a published report (text, HTML page, Word or PDF file) → a model file.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::files::{ModelFormat, serialize_report, write_atomic};
use crate::input::{Overrides, load_with};
use crate::shown::escaped;
use anyhow::Result;

/// Arguments of `xxgk import`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 要导入的年度报告：网页（HTML）、复制或从 PDF 提取的文本、Word 文件（.docx）、PDF 文件（需 pdftotext），或 xxgk export 写出的 CSV；“-”为标准输入。
    file: PathBuf,
    /// 输出的模型文件（.toml 或 .json）；不指定时把 TOML 写到标准输出。
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    overrides: Overrides,
    /// 覆盖已存在的输出文件。
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let format = args
        .output
        .as_deref()
        .map(ModelFormat::for_output)
        .transpose()?;
    let loaded = load_with(&args.file, &args.overrides)?;
    eprint!("{}", escaped(&loaded.notes_text(|_| true)));
    let report = &loaded.report;
    match (&args.output, format) {
        (Some(path), Some(format)) => {
            let text = serialize_report(report, format)?;
            write_atomic(path, text.as_bytes(), args.force, &[&args.file])?;
            let done = format!(
                "已导入 {}：{}（{} 年格式），{} 个表格单元格，{} 条导入说明；已写入 {}。",
                args.file.display(),
                xxgk::text::report_name(&report.meta),
                report.meta.format,
                report.cells().count(),
                loaded.notes.len(),
                path.display()
            );
            eprintln!("{}", crate::shown::escaped(&done));
        }
        _ => crate::out::print(&serialize_report(report, ModelFormat::Toml)?)?,
    }
    Ok(ExitCode::SUCCESS)
}

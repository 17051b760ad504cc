//! `xxgk check`: checks a report — a published page, text, Word or PDF file, or a
//! model file — and prints what it finds, with the place of the user's file each
//! finding concerns and the import notes that bear on the findings. The check is
//! the library's ([`xxgk::Checker`]); this command reads the files and prints.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use xxgk::rules::Config;

use crate::files::read_text;
use crate::input::{Overrides, load, read_with};

/// Arguments of `xxgk check`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 要检查的年度报告：网页（HTML）、复制或从 PDF 提取的文本、Word 文件（.docx）、PDF 文件（需 pdftotext）、模型文件（.toml、.json），或 xxgk export 写出的 CSV；“-”为标准输入。可给出多个文件或目录（逐层读取其中上述类型的文件），最后列出每个文件的检查结果一览。
    #[arg(required = true, value_name = "FILE")]
    files: Vec<std::path::PathBuf>,
    #[command(flatten)]
    overrides: Overrides,
    /// 输出格式：text（按部分分组的文字）或 json（docs/diagnostics.md 所述的固定结构）。
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// 配置文件（TOML）：关闭规则、调整级别、设定本地公布期限，见 docs/rules.md。
    #[arg(long)]
    config: Option<std::path::PathBuf>,
    /// 同一机关上一年度的报告（可读的文件同上），用于跨年度核对；检查多个文件时可多次给出或给出目录，每份报告与同一机关（名称和类别相同）上一年度的报告配对。
    #[arg(long)]
    previous: Vec<std::path::PathBuf>,
    /// 把检查结果写入报告文件，按扩展名：.xlsx（工作簿：问题清单、报告一览、单元格、汇总）、.csv（问题清单）、.json、.sarif（SARIF 2.1.0）。
    #[arg(long, value_name = "FILE")]
    report: Option<std::path::PathBuf>,
    /// 覆盖已存在的报告文件。
    #[arg(long)]
    force: bool,
    /// 同时检查的文件数（线程数）；默认为处理器核数。
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// 列出全部导入说明，包括确定无误的容错（如“1、”读作“1.”）；默认只列出可能影响检查结果的。
    #[arg(long)]
    notes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Exit code when the report has errors.
const EXIT_ERRORS: u8 = 1;

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let config = match &args.config {
        Some(path) => read_config(path)?,
        None => Config::default(),
    };
    let check = args.overrides.checker().config(config);
    let one = |p: &[std::path::PathBuf]| match p {
        [one] => crate::files::is_stdin(one) || !one.is_dir(),
        _ => false,
    };
    let single = one(&args.files)
        && args.previous.len() <= 1
        && (args.previous.is_empty() || one(&args.previous));
    if !single || args.report.is_some() {
        return crate::batch::check(&crate::batch::Batch {
            checker: check,
            paths: &args.files,
            previous: &args.previous,
            report: args.report.as_deref(),
            force: args.force,
            jobs: args.jobs.map(usize::from),
            json: args.format == Format::Json,
            notes: args.notes,
        });
    }
    let current = read_with(&check, &args.files[0])?;
    let previous = args
        .previous
        .first()
        .map(|p| load(p).context("上年报告无法读取"))
        .transpose()?;
    let checked = check.check_read(Arc::new(current), previous.map(Arc::new));
    match args.format {
        Format::Text => crate::out::print(&crate::shown::escaped(&checked.text(args.notes)))?,
        Format::Json => crate::out::println(&checked.envelope().to_json())?,
    }
    Ok(if checked.has_errors() {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

/// The configuration file: its TOML errors with the line and the fix, then
/// what the rules say of its keys.
fn read_config(path: &Path) -> Result<Config> {
    let text = read_text(path)?;
    if let Err(e) = text.parse::<toml::Table>() {
        let e = xxgk::import::toml_error(&text, &e);
        bail!(crate::errors::model_file(
            path,
            text.as_bytes(),
            &e,
            "配置文件有误"
        ));
    }
    Config::from_toml(&text).with_context(|| format!("配置文件 {} 有误", path.display()))
}

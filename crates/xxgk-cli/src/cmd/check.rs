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
    /// 要检查的年度报告：网页（HTML）、复制或从 PDF 提取的文本、Word 文件（.docx）、PDF 文件（需 pdftotext）、模型文件（.toml、.json），或 xxgk export 写出的 CSV；“-”为标准输入。
    file: std::path::PathBuf,
    #[command(flatten)]
    overrides: Overrides,
    /// 输出格式：text（按部分分组的文字）或 json（docs/diagnostics.md 所述的固定结构）。
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// 配置文件（TOML）：关闭规则、调整级别、设定本地公布期限，见 docs/rules.md。
    #[arg(long)]
    config: Option<std::path::PathBuf>,
    /// 同一机关上一年度的报告（可读的文件同上），用于跨年度核对。
    #[arg(long)]
    previous: Option<std::path::PathBuf>,
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
    let current = read_with(&check, &args.file)?;
    let previous = args
        .previous
        .as_deref()
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

//! `xxgk check`: checks a report and prints what it finds.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::ValueEnum;
use xxgk_model::Report;
use xxgk_rules::{CheckOptions, Config, Findings, check_with};

use crate::files::{ModelFormat, parse_report, read_report, read_text};
use crate::{report_print, toml_source};

/// Arguments of `xxgk check`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 要检查的年度报告模型文件（.toml 或 .json）。
    file: PathBuf,
    /// 输出格式：text（按部分分组的文字）或 json（docs/diagnostics.md 所述的固定结构）。
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// 配置文件（TOML）：关闭规则、调整级别、设定本地公布期限，见 docs/rules.md。
    #[arg(long)]
    config: Option<PathBuf>,
    /// 同一机关上一年度的报告（模型文件），用于跨年度核对。
    #[arg(long)]
    previous: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The version of the JSON output's schema (docs/diagnostics.md); raised only on
/// changes that break readers.
const JSON_VERSION: u32 = 1;

/// Exit code when the report has errors.
const EXIT_ERRORS: u8 = 1;

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let config = match &args.config {
        Some(path) => Config::from_toml(&read_text(path)?)
            .with_context(|| format!("配置文件 {} 有误", path.display()))?,
        None => Config::default(),
    };
    let text = read_text(&args.file)?;
    let report = parse_report(&args.file, &text)?;
    let previous = args.previous.as_deref().map(read_report).transpose()?;
    // A TOML model file maps each key to its line, so diagnostics can show it.
    let source = match ModelFormat::from_path(&args.file) {
        ModelFormat::Toml => toml_source::source_map(&text),
        ModelFormat::Json => None,
    };
    let options = CheckOptions {
        previous: previous.as_ref(),
        config: &config,
        source: source.as_ref(),
    };
    let findings = check_with(&report, &options);
    let file = args.file.display().to_string();
    let shown = source.is_some().then_some(report_print::SourceText {
        path: &file,
        text: &text,
    });
    match args.format {
        Format::Text => print!("{}", report_print::render(&report, &findings, &file, shown)),
        Format::Json => println!("{}", json(&report, &findings, &file)?),
    }
    Ok(if findings.has_errors() {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

/// The JSON document of docs/diagnostics.md.
pub(crate) fn json(report: &Report, findings: &Findings, file: &str) -> Result<String> {
    let meta = &report.meta;
    let value = serde_json::json!({
        "version": JSON_VERSION,
        "file": file,
        "report": {
            "agency": meta.agency,
            "year": meta.year,
            "kind": meta.kind,
            "format": meta.format,
        },
        "summary": findings.summary,
        "diagnostics": findings.diagnostics,
    });
    serde_json::to_string_pretty(&value).context("无法生成 JSON")
}

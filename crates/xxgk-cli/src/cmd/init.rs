//! `xxgk init`: a blank report ready for a preparer to fill in.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use xxgk_model::{FormatVersion, Report, official_keys};

use crate::files::{ModelFormat, serialize_report, write_atomic};
use crate::input::Kind;

/// Arguments of `xxgk init`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 报告年度（所报告的年份，如 2025）。
    #[arg(long)]
    year: i32,
    /// 发布机关全称，如“某某县水利局”。
    #[arg(long)]
    agency: String,
    /// 机关类别。
    #[arg(long, value_enum)]
    kind: Kind,
    /// 输出文件（.toml 或 .json）；默认为“<机关>-<年度>.toml”。
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 覆盖已存在的文件。
    #[arg(long)]
    force: bool,
}

/// Filling-in notes put at the top of a new TOML report (TOML comments, so the file
/// still loads unchanged).
const GUIDE: &str = "\
# 政府信息公开工作年度报告（xxgk 模型文件）。填写说明：
# - 在原处修改：同一个表头（如 [meta]）在文件中只能出现一次，不要另写一个。
# - 表格单元格：把 \"\" 改为数字，如 \"自然人\" = 12，没有发生的填 0；金额写成带引号的
#   文字，如 \"1520.36\"（本年收费金额以万元计）；确实要印“/”“—”等占位符时照原样写在引号内。
# - 以 # 开头的行是注释。发布日期和正文的示例行删去行首的“# ”即可启用。
# - 正文：每段一个 [[sections.….body]] 块，写 paragraph = \"……\"；小标题单独成段时写
#   heading = \"（一）主动公开情况\"。块可以复制多个，按先后顺序排列。
# - 填写后运行 xxgk check 本文件，检查表格勾稽关系和结构。

";

/// The serialised blank report made ready to edit by hand: the comment block on
/// top, a commented `published` line in `[meta]`, and in each text section a
/// commented example block in place of `body = []` — a `[[…body]]` block written
/// under `body = []` would define `body` twice, which TOML refuses.
fn template(toml: &str, year: i32) -> String {
    let mut out = String::from(GUIDE);
    let mut table = "";
    let lines: Vec<&str> = toml.lines().collect();
    let mut dated = lines.iter().any(|l| l.starts_with("published ="));
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with('[') {
            table = line;
        }
        if *line == "body = []"
            && let Some(section) = table
                .strip_prefix("[sections.")
                .and_then(|t| t.strip_suffix(']'))
        {
            let _ = write!(
                out,
                "# 正文：删去下面两行行首的“# ”，改写引号内的文字；每段一个块，可复制多个。\n\
                 # [[sections.{section}.body]]\n\
                 # paragraph = \"……\"\n"
            );
            continue;
        }
        out.push_str(line);
        out.push('\n');
        let last_of_meta = table == "[meta]"
            && lines
                .get(i + 1)
                .is_none_or(|next| next.is_empty() || next.starts_with('['));
        if last_of_meta && !dated {
            dated = true;
            let _ = write!(
                out,
                "# 发布日期：删去下一行行首的“# ”，改为实际发布日期。\n# published = {}-01-20\n",
                year + 1
            );
        }
    }
    out
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    // A year without an official format is refused before anything else.
    FormatVersion::of_year(args.year)?;
    let agency = args.agency.trim();
    if agency.is_empty() {
        bail!("--agency 不能为空");
    }
    let report = Report::blank(agency, args.year, args.kind.into())?;
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}-{}.toml", file_stem(agency), args.year)));
    let format = ModelFormat::for_output(&path)?;
    let mut text = serialize_report(&report, format)?;
    if format == ModelFormat::Toml {
        text = template(&text, args.year);
    }
    write_atomic(&path, text.as_bytes(), args.force, &[])?;
    let done = format!(
        "已写入 {}：{} {} 年度报告，{} 年格式（{}），{} 个表格单元格待填写。",
        path.display(),
        report.meta.agency,
        report.meta.year,
        report.meta.format,
        report.spec().document,
        official_keys(report.meta.format).len()
    );
    eprintln!("{}", crate::shown::escaped(&done));
    Ok(ExitCode::SUCCESS)
}

/// The agency name made safe as a file name.
fn file_stem(agency: &str) -> String {
    agency
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect()
}

//! `xxgk init`: a blank report ready for a preparer to fill in.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::ValueEnum;
use xxgk_model::{BodyKind, Report, official_keys};

use crate::files::{ModelFormat, serialize_report, write_atomic};

/// Arguments of `xxgk init`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 报告年度（所报告的年份，如 2025）。
    #[arg(long)]
    year: i32,
    /// 发布机关全称，如“某某县水利局”。
    #[arg(long)]
    agency: String,
    /// 机关类别：government（人民政府，3月31日前公布）、department（政府部门，1月31日前公布）、other。
    #[arg(long, value_enum)]
    kind: Kind,
    /// 输出文件（.toml 或 .json）；默认为“<机关>-<年度>.toml”。
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 覆盖已存在的文件。
    #[arg(long)]
    force: bool,
}

/// The kind of body, as the command line names it.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Kind {
    Government,
    Department,
    Other,
}

impl From<Kind> for BodyKind {
    fn from(k: Kind) -> BodyKind {
        match k {
            Kind::Government => BodyKind::Government,
            Kind::Department => BodyKind::Department,
            Kind::Other => BodyKind::Other,
        }
    }
}

/// Filling-in notes put at the top of a new TOML report (TOML comments, so the file
/// still loads unchanged).
const GUIDE: &str = "\
# 政府信息公开工作年度报告（xxgk 模型文件）。填写说明：
# - 表格单元格：数字直接写，如 12；金额写成带引号的字符串，如 \"1520.36\"（本年收费金额以万元计）；
#   未填写的单元格为 \"\"；确实要印“/”“—”等占位符时照原样写在引号内。
# - 正文：每段写成一个块，如
#     [[sections.overview.body]]
#     paragraph = \"2025年，……\"
#   小标题单独成段时写 heading = \"（一）主动公开情况\"。
# - 发布日期写在 [meta] 中，如 published = 2026-01-20。
# - 填写后运行 xxgk check 本文件 检查表格勾稽关系和结构。

";

/// Years the official formats cover: the 2019 trial format is the first.
const FIRST_YEAR: i32 = 2019;

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    if args.year < FIRST_YEAR || args.year > 9999 {
        bail!(
            "报告年度 {} 不在统一格式适用范围内（{FIRST_YEAR} 年起的年度报告才有统一格式）",
            args.year
        );
    }
    let agency = args.agency.trim();
    if agency.is_empty() {
        bail!("--agency 不能为空");
    }
    let report = Report::blank(agency, args.year, args.kind.into());
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}-{}.toml", file_stem(agency), args.year)));
    let format = ModelFormat::from_path(&path);
    let mut text = serialize_report(&report, format)?;
    if format == ModelFormat::Toml {
        text.insert_str(0, GUIDE);
    }
    write_atomic(&path, text.as_bytes(), args.force, &[])?;
    crate::out::println(&format!(
        "已写入 {}：{} {} 年度报告，{} 年格式（{}），{} 个表格单元格待填写。",
        path.display(),
        report.meta.agency,
        report.meta.year,
        report.meta.format,
        report.spec().document,
        official_keys(report.meta.format).len()
    ))?;
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

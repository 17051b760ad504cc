//! S005 format-outdated: a report for 2021 or later whose tables follow the 2019
//! trial format.

use xxgk_model::{FormatVersion, MetaField, Pointer, Report};

use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S005",
    name: "format-outdated",
    severity: Severity::Error,
    summary: "2021 年度及以后的报告仍使用 2019 年试行格式的表格",
    explanation: include_str!("format_outdated.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    if cx.year().is_none() {
        return;
    }
    let meta = &report.meta;
    if meta.format != FormatVersion::V2019
        || FormatVersion::for_year(meta.year) != FormatVersion::V2021
    {
        return;
    }
    cx.report(
        Location::at(Pointer::meta(MetaField::Format)),
        format!(
            "{} 年度报告的表格仍使用 2019 年试行格式（{}）",
            meta.year,
            FormatVersion::V2019.spec().document
        ),
    )
    .help(format!(
        "2021 年度起应使用{}印发的格式：表二、表三的行列按新格式填写（如“本年制发件数”“本年废止件数”“现行有效件数”，（六）其他处理分三项）。",
        FormatVersion::V2021.spec().document
    ));
}

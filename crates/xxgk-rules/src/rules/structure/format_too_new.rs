//! S006 format-too-new: a report for 2019 or 2020 whose tables follow the 2021
//! format, which was issued after those reports were due.

use xxgk_model::{FormatVersion, MetaField, Pointer, Report};

use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S006",
    name: "format-too-new",
    severity: Severity::Warning,
    summary: "2019、2020 年度报告使用了 2021 年格式的表格",
    explanation: include_str!("format_too_new.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    if cx.year().is_none() {
        return;
    }
    let meta = &report.meta;
    if meta.format != FormatVersion::V2021
        || FormatVersion::for_year(meta.year) != FormatVersion::V2019
    {
        return;
    }
    cx.report(
        Location::at(Pointer::meta(MetaField::Format)),
        format!(
            "{} 年度报告的表格使用 2021 年格式（{}），该年度应使用 2019 年试行格式",
            meta.year,
            FormatVersion::V2021.spec().document
        ),
    )
    .help(format!(
        "2019、2020 年度报告适用{}的试行格式；如确为 2021 年度及以后的报告，请核对报告年度。",
        FormatVersion::V2019.spec().document
    ));
}

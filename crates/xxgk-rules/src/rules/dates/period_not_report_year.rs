//! D003 period-not-report-year: the stated statistical period (统计期限) is not
//! 1 January to 31 December of the report year.

use chrono::NaiveDate;
use xxgk_model::{MetaField, Pointer, Report};

use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "D003",
    name: "period-not-report-year",
    severity: Severity::Error,
    summary: "报告所述统计期限不是报告年度的1月1日至12月31日",
    explanation: include_str!("period_not_report_year.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    if cx.year().is_none() {
        return;
    }
    let meta = &report.meta;
    let Some(period) = meta.period else {
        return;
    };
    let (Some(start), Some(end)) = (
        NaiveDate::from_ymd_opt(meta.year, 1, 1),
        NaiveDate::from_ymd_opt(meta.year, 12, 31),
    ) else {
        return;
    };
    if period.start == start && period.end == end {
        return;
    }
    cx.report(
        Location::at(Pointer::meta(MetaField::Period)),
        format!(
            "统计期限为 {} 至 {}，不是报告年度 {} 年的1月1日至12月31日",
            period.start, period.end, meta.year
        ),
    )
    .help(format!(
        "统计期限应为 {start} 至 {end}；核对是否沿用了往年的报告模板。"
    ));
}

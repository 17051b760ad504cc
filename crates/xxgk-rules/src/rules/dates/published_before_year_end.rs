//! D002 published-before-year-end: a publication date on or before the last day of
//! the year reported on — usually a template carried over from an earlier year.

use chrono::NaiveDate;
use xxgk_model::{MetaField, Pointer, Report};

use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "D002",
    name: "published-before-year-end",
    severity: Severity::Error,
    summary: "发布日期不晚于所报告年度的12月31日",
    explanation: include_str!("published_before_year_end.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    if cx.year().is_none() {
        return;
    }
    let meta = &report.meta;
    let (Some(published), Some(year_end)) =
        (meta.published, NaiveDate::from_ymd_opt(meta.year, 12, 31))
    else {
        return;
    };
    if published > year_end {
        return;
    }
    cx.report(
        Location::at(Pointer::meta(MetaField::Published)),
        format!(
            "发布日期 {published} 不在所报告的 {} 年度结束之后",
            meta.year
        ),
    )
    .help(
        "核对报告年度和发布日期（是否沿用了往年的报告模板）：年度报告在报告年度结束后的次年公布。",
    );
}

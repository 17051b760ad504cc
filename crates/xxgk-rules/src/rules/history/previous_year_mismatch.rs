//! X001 previous-year-mismatch: the report given as last year's is not for the year
//! before, so the cross-year checks do not run.

use xxgk_model::{MetaField, Pointer, Report};

use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "X001",
    name: "previous-year-mismatch",
    severity: Severity::Warning,
    summary: "作为上年报告给出的报告不是上一年度的，跨年度核对未进行",
    explanation: include_str!("previous_year_mismatch.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    if cx.year().is_none() {
        return;
    }
    let Some(previous) = cx.previous else {
        return;
    };
    // Another body's report: X005 says so, and the years are no matter.
    if !super::previous_other_body::same_body(report, previous) {
        return;
    }
    let year = report.meta.year;
    if year.checked_sub(1) == Some(previous.meta.year) {
        return;
    }
    cx.report(
        Location::at(Pointer::meta(MetaField::Year)),
        format!(
            "给出的上年报告是 {} 年度的，不是 {year} 年度的上一年度，跨年度核对未进行",
            previous.meta.year
        ),
    )
    .related(
        format!("上年报告的年度：{}", previous.meta.year),
        Location::at(Pointer::meta(MetaField::Year)).in_previous(),
    )
    .help(format!(
        "跨年度核对请给出同一机关 {} 年度的报告。",
        i64::from(year) - 1
    ));
}

//! D001 published-late: published after the deadline for the kind of body
//! (1月31日 for departments, 3月31日 for governments, of the year after the report
//! year), or after the configured local deadline.

use xxgk_model::{MetaField, Pointer, Report};

use crate::context::Context;
use crate::deadlines::statutory_deadline;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "D001",
    name: "published-late",
    severity: Severity::Error,
    summary: "发布日期晚于公布期限（部门为次年1月31日，人民政府为次年3月31日，或本地规定的更早期限）",
    explanation: include_str!("published_late.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    if cx.year().is_none() {
        return;
    }
    let meta = &report.meta;
    let Some(published) = meta.published else {
        return;
    };
    let local = cx.deadlines.local(meta.kind);
    let day = local.unwrap_or_else(|| statutory_deadline(meta.kind));
    let Some(deadline) = meta.year.checked_add(1).and_then(|y| day.in_year(y)) else {
        return;
    };
    if published <= deadline {
        return;
    }
    let basis = if local.is_some() {
        "本地规定".to_owned()
    } else {
        format!("{}，条例第四十九条", meta.kind.label())
    };
    cx.report(
        Location::at(Pointer::meta(MetaField::Published)),
        format!("发布日期 {published} 晚于公布期限 {deadline}（{basis}）"),
    )
    .help(format!(
        "{} 年度报告应在 {deadline} 前向社会公布；如发布日期记录有误，请更正。",
        meta.year
    ));
}

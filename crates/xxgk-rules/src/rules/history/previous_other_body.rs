//! X005 previous-other-body: the report given as last year's is another body's
//! (another agency name, or another kind of body), so the cross-year checks do
//! not run.

use xxgk_model::agency::same_body as same_name;
use xxgk_model::{MetaField, Pointer, Report};

use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "X005",
    name: "previous-other-body",
    severity: Severity::Warning,
    summary: "作为上年报告给出的报告是另一机关的，跨年度核对未进行",
    explanation: include_str!("previous_other_body.md"),
    check,
};

/// Whether last year's report is of the same body as `report`: the agency
/// names the same (once normalised, with or without the place above it), and
/// the same kind of body.
pub(crate) fn same_body(report: &Report, previous: &Report) -> bool {
    report.meta.kind == previous.meta.kind && same_name(&report.meta.agency, &previous.meta.agency)
}

fn check(report: &Report, cx: &mut Context<'_>) {
    let Some(previous) = cx.previous else {
        return;
    };
    if same_body(report, previous) {
        return;
    }
    let (now, before) = (&report.meta, &previous.meta);
    let (field, what) = if same_name(&now.agency, &before.agency) {
        (
            MetaField::Kind,
            format!(
                "给出的上年报告是{}的，本报告是{}的，不是同一机关，跨年度核对未进行",
                before.kind.label(),
                now.kind.label()
            ),
        )
    } else {
        (
            MetaField::Agency,
            format!(
                "给出的上年报告是“{}”的，本报告是“{}”的，不是同一机关，跨年度核对未进行",
                before.agency, now.agency
            ),
        )
    };
    cx.report(Location::at(Pointer::meta(field)), what)
        .related(
            format!("上年报告的机关：{}（{}）", before.agency, before.kind.label()),
            Location::at(Pointer::meta(field)).in_previous(),
        )
        .help("给出同一机关上一年度的报告；机关名称写法不同的（如简称），可用 --agency 指定本年报告的机关名称。");
}

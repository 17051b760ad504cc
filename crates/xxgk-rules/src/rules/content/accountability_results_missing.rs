//! R002 accountability-results-missing: a people's government report without
//! 工作考核、社会评议和责任追究结果 (条例第五十条第四项).

use xxgk_model::{BodyKind, Report, SectionId};

use crate::context::Context;
use crate::labels::report_text;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "R002",
    name: "accountability-results-missing",
    severity: Severity::Warning,
    summary: "人民政府的年度报告没有说明工作考核、社会评议和责任追究结果情况",
    explanation: include_str!("accountability_results_missing.md"),
    check,
};

/// Each required item and the words reports use for it.
const ITEMS: [(&str, &[&str]); 3] = [
    ("工作考核", &["考核"]),
    ("社会评议", &["评议"]),
    ("责任追究", &["责任追究", "追责", "问责", "追究责任"]),
];

fn check(report: &Report, cx: &mut Context<'_>) {
    if report.meta.kind != BodyKind::Government {
        return;
    }
    let text = report_text(report);
    let missing: Vec<&str> = ITEMS
        .iter()
        .filter(|(_, words)| !words.iter().any(|w| text.contains(w)))
        .map(|(item, _)| *item)
        .collect();
    if missing.is_empty() {
        return;
    }
    cx.report(
        Location::section(SectionId::Overview),
        format!("人民政府的年度报告没有说明{}结果情况", missing.join("、")),
    )
    .help("在第一部分“监督保障”中说明工作考核、社会评议和责任追究结果情况（条例第五十条第四项）。");
}

//! R001 fee-statement-missing: section 六 of a 2021-or-later report says nothing of
//! 信息处理费.

use xxgk_model::{FormatVersion, Report, SectionId};

use crate::context::Context;
use crate::labels::section_text;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "R001",
    name: "fee-statement-missing",
    severity: Severity::Warning,
    summary: "2021 年度及以后的报告第六部分没有说明信息处理费的收取情况",
    explanation: include_str!("fee_statement_missing.md"),
    check,
};

/// Words by which reports state the fee, collected or not (“收取信息处理费 3940 元”,
/// “未收取信息处理费”, “未收取任何费用”).
const FEE_WORDS: [&str; 4] = ["信息处理费", "处理费", "收取费用", "收费"];

fn check(report: &Report, cx: &mut Context<'_>) {
    if cx.year().is_none() {
        return;
    }
    if FormatVersion::for_year(report.meta.year) != FormatVersion::V2021 {
        return;
    }
    // A missing section 六 is section-missing's.
    let Some(text) = report
        .sections
        .other
        .as_ref()
        .and_then(|_| section_text(report, SectionId::Other))
    else {
        return;
    };
    // An empty section 六 is section-empty's, whose help names the fee statement.
    if text.trim().is_empty() || FEE_WORDS.iter().any(|w| text.contains(w)) {
        return;
    }
    cx.report(
        Location::section(SectionId::Other),
        "第六部分“其他需要报告的事项”没有说明信息处理费的收取情况",
    )
    .help("在第六部分写明本年度依据《政府信息公开信息处理费管理办法》收取信息处理费的情况；未收取的，写明“未收取信息处理费”。");
}

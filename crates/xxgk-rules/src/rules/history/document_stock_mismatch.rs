//! X003 document-stock-mismatch (2021 format): 现行有效件数 does
//! not roll forward from last year's by this year's 制发 and 废止.

use xxgk_model::schema::TableId;
use xxgk_model::{CellKey, FormatVersion, Report};

use super::{previous, signed};
use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};
use xxgk_model::schema::leaf_label;

pub(crate) static RULE: Rule = Rule {
    code: "X003",
    name: "document-stock-mismatch",
    severity: Severity::Warning,
    summary: "表二“现行有效件数”不等于上年现行有效件数加本年制发件数减本年废止件数",
    explanation: include_str!("document_stock_mismatch.md"),
    check,
};

const ROWS: [&str; 2] = [
    "第二十条第（一）项/规章",
    "第二十条第（一）项/行政规范性文件",
];

fn check(report: &Report, cx: &mut Context<'_>) {
    let Some(prev) = previous(report, cx) else {
        return;
    };
    if report.meta.format != FormatVersion::V2021 || prev.meta.format != FormatVersion::V2021 {
        return;
    }
    for row in ROWS {
        let key = |c: &str| CellKey::new(TableId::Proactive, row, c);
        let (stock, issued, repealed) = (
            key("现行有效件数"),
            key("本年制发件数"),
            key("本年废止件数"),
        );
        let (Some(now), Some(before), Some(new), Some(gone)) = (
            signed(report, &stock),
            signed(prev, &stock),
            signed(report, &issued),
            signed(report, &repealed),
        ) else {
            continue;
        };
        let expected = before + new - gone;
        if now == expected {
            continue;
        }
        cx.report(
            Location::cell(&stock),
            format!(
                "表二“{}”：现行有效件数 {now}，但上年 {before} + 本年制发 {new} − 本年废止 {gone} = {expected}",
                leaf_label(row)
            ),
        )
        .related(
            format!("{} 年度报告现行有效件数：{before}", prev.meta.year),
            Location::cell(&stock).in_previous(),
        )
        .related(format!("本年制发件数：{new}"), Location::cell(&issued))
        .related(format!("本年废止件数：{gone}"), Location::cell(&repealed))
        .help("核对现行有效件数与本年制发、废止件数；因文件到期失效、修订或清理口径造成的差异，请在报告中说明。");
    }
}

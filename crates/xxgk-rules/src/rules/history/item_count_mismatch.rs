//! X004 item-count-mismatch (2019 trial format): this year's
//! 上一年项目数量 differs from last year's 上一年项目数量 plus 本年增/减.

use xxgk_model::schema::TableId;
use xxgk_model::{CellKey, FormatVersion, Report};

use super::{previous, signed};
use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};
use xxgk_model::schema::leaf_label;

pub(crate) static RULE: Rule = Rule {
    code: "X004",
    name: "item-count-mismatch",
    severity: Severity::Warning,
    summary: "2019 年试行格式表二“上一年项目数量”不等于上年报告的上一年项目数量加本年增/减",
    explanation: include_str!("item_count_mismatch.md"),
    check,
};

const BASE: &str = "上一年项目数量";
const CHANGE: &str = "本年增/减";

fn check(report: &Report, cx: &mut Context<'_>) {
    let Some(prev) = previous(report, cx) else {
        return;
    };
    if report.meta.format != FormatVersion::V2019 || prev.meta.format != FormatVersion::V2019 {
        return;
    }
    for row in FormatVersion::V2019.spec().table(TableId::Proactive).rows {
        if row.column(BASE).is_none() || row.column(CHANGE).is_none() {
            continue;
        }
        let base = CellKey::new(TableId::Proactive, row.label, BASE);
        let change = CellKey::new(TableId::Proactive, row.label, CHANGE);
        let (Some(now), Some(before), Some(delta)) = (
            signed(report, &base),
            signed(prev, &base),
            signed(prev, &change),
        ) else {
            continue;
        };
        let expected = before + delta;
        if now == expected {
            continue;
        }
        let year = prev.meta.year;
        cx.report(
            Location::cell(&base),
            format!(
                "表二“{}”：上一年项目数量 {now}，但 {year} 年度报告的上一年项目数量 {before} + 本年增/减 {delta} = {expected}",
                leaf_label(row.label)
            ),
        )
        .related(
            format!("{year} 年度报告上一年项目数量：{before}"),
            Location::cell(&base).in_previous(),
        )
        .related(
            format!("{year} 年度报告本年增/减：{delta}"),
            Location::cell(&change).in_previous(),
        )
        .help("核对上一年项目数量：应等于上年报告的上一年项目数量加上年的本年增/减。");
    }
}

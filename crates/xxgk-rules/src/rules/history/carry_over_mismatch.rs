//! X002 carry-over-mismatch: this year's 二、上年结转 differs from
//! last year's 四、结转下年度继续办理, column by column.

use xxgk_model::schema::TableId;
use xxgk_model::schema::applications::{CARRIED_IN, CARRIED_OUT, COLUMNS};
use xxgk_model::{CellKey, Report};

use super::previous;
use crate::context::Context;
use crate::labels::count;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "X002",
    name: "carry-over-mismatch",
    severity: Severity::Warning,
    summary: "表三“二、上年结转”与上年报告的“四、结转下年度继续办理”不一致",
    explanation: include_str!("carry_over_mismatch.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    let Some(prev) = previous(report, cx) else {
        return;
    };
    for column in COLUMNS {
        let now = CellKey::new(TableId::Applications, CARRIED_IN, column.label);
        let before = CellKey::new(TableId::Applications, CARRIED_OUT, column.label);
        let (Some(a), Some(b)) = (count(report.cell(&now)), count(prev.cell(&before))) else {
            continue;
        };
        if a == b {
            continue;
        }
        cx.report(
            Location::cell(&now),
            format!(
                "表三“{}”列：本年“二、上年结转” {a}，但 {} 年度报告“四、结转下年度继续办理”为 {b}",
                column.label, prev.meta.year
            ),
        )
        .related(
            format!("{} 年度报告“四、结转下年度继续办理”行“{}”列：{b}", prev.meta.year, column.label),
            Location::cell(&before).in_previous(),
        )
        .help("上年结转的申请数应与上年报告结转下年度继续办理的申请数一致；机构调整等原因造成的差异，请在报告中说明。");
    }
}

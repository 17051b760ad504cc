//! T202 amount-unit-missing: the 2019 procurement amount printed without a unit;
//! the 2019 column label states none, so the amount is ambiguous.

use xxgk_model::schema::TableId;
use xxgk_model::{CellKey, FormatVersion, Report};

use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "T202",
    name: "amount-unit-missing",
    severity: Severity::Info,
    summary: "2019 年试行格式表二“采购总金额”未注明单位（元或万元）",
    explanation: include_str!("amount_unit_missing.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    if report.meta.format != FormatVersion::V2019 {
        return;
    }
    let key = CellKey::new(
        TableId::Proactive,
        "第二十条第（九）项/政府集中采购",
        "采购总金额",
    );
    let Some(n) = report.cell(&key).and_then(|c| c.number()) else {
        return;
    };
    if n.unit.is_some() || n.value.is_zero() {
        return;
    }
    cx.report(
        Location::cell(&key),
        format!("表二“政府集中采购”采购总金额 {n} 没有注明单位，无法判断是元还是万元"),
    )
    .help("在金额后注明单位，如“34.5万元”或“251000元”。");
}

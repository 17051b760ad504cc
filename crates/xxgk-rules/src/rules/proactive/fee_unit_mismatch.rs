//! T201 fee-unit-mismatch: the 2021 fee amount printed in 元 under a column whose
//! label says 万元.

use xxgk_model::{MoneyUnit, Report};

use super::fee;
use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "T201",
    name: "fee-unit-mismatch",
    severity: Severity::Warning,
    summary: "表二“本年收费金额（单位：万元）”填的是以元为单位的金额",
    explanation: include_str!("fee_unit_mismatch.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    let Some((key, n)) = fee(report) else {
        return;
    };
    if n.unit != Some(MoneyUnit::Yuan) {
        return;
    }
    let wan = n.value / rust_decimal::Decimal::from(10_000);
    cx.report(
        Location::cell(&key),
        format!("表二“行政事业性收费”本年收费金额写作“{n}”，而该列以万元为单位"),
    )
    .help(format!("换算为万元填写：{}", wan.normalize()));
}

//! T203 fee-implausible: a 2021 fee amount in 万元 that no body collects, or that
//! is finer than one 分 — most often an amount in 元 entered under the 万元 label.

use rust_decimal::Decimal;
use xxgk_model::{BodyKind, MoneyUnit, Report};

use super::fee;
use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "T203",
    name: "fee-implausible",
    severity: Severity::Warning,
    summary: "表二“本年收费金额（单位：万元）”的数额不合常理（过大，或精确到不足 1 分）",
    explanation: include_str!("fee_implausible.md"),
    check,
};

/// Amounts in 万元 from which a fee is implausible: 100 亿元 for a department,
/// 1000 亿元 for a government or other body (a large city government reports
/// about 10 亿元).
fn ceiling(kind: BodyKind) -> Decimal {
    match kind {
        BodyKind::Department => Decimal::from(1_000_000),
        BodyKind::Government | BodyKind::Other => Decimal::from(10_000_000),
    }
}

/// 1 分 is 0.000001 万元.
const FINEST_SCALE: u32 = 6;

fn check(report: &Report, cx: &mut Context<'_>) {
    let Some((key, n)) = fee(report) else {
        return;
    };
    // An amount printed in 元 is fee-unit-mismatch's; here only 万元 amounts.
    if n.unit == Some(MoneyUnit::Yuan) {
        return;
    }
    let kind = report.meta.kind;
    let message = if n.value >= ceiling(kind) {
        format!(
            "表二“行政事业性收费”本年收费金额 {} 万元（即 {} 亿元），对{}而言不合常理",
            n.value,
            (n.value / Decimal::from(10_000)).round_dp(2).normalize(),
            kind.label()
        )
    } else if n.value.normalize().scale() > FINEST_SCALE {
        format!(
            "表二“行政事业性收费”本年收费金额 {} 万元精确到不足 1 分",
            n.value
        )
    } else {
        return;
    };
    cx.report(Location::cell(&key), message)
        .help("核对金额和单位：该列以万元为单位，以元为单位的金额应除以 10000 后填写。");
}

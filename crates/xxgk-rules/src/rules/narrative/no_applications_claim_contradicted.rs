//! N001 no-applications-claim-contradicted: the text says no application was
//! received while table 三 counts new applications.
//!
//! The first shape of the claim checker, kept under its code: a denial
//! (`未收到政府信息公开申请`) is a claim of 0 about table 三's 一; the other denials
//! and figures are N003/N004's.

use xxgk_model::schema::TableId;
use xxgk_model::schema::applications::{COLUMNS, NEW, TOTAL_COLUMN};
use xxgk_model::{CellKey, Pointer, Report};

use super::claim_location;
use crate::claims::Stated;
use crate::context::Context;
use crate::labels::count;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "N001",
    name: "no-applications-claim-contradicted",
    severity: Severity::Warning,
    summary: "正文称未收到政府信息公开申请，表三却有本年新收申请",
    explanation: include_str!("no_applications_claim_contradicted.md"),
    check,
};

/// Table 三's new applications: the 总计 if it is a count, else the largest count
/// of the other columns (any one above 0 contradicts the text).
fn new_applications(report: &Report) -> Option<(CellKey, u64)> {
    let key = |c: &str| CellKey::new(TableId::Applications, NEW, c);
    let total = key(TOTAL_COLUMN);
    if let Some(n) = count(report.cell(&total)) {
        return Some((total, n));
    }
    COLUMNS
        .iter()
        .filter_map(|c| count(report.cell(&key(c.label))).map(|n| (key(c.label), n)))
        .max_by_key(|(_, n)| *n)
}

fn check(report: &Report, cx: &mut Context<'_>) {
    let Some((key, n)) = new_applications(report).filter(|(_, n)| *n > 0) else {
        return;
    };
    let denials: Vec<_> = cx
        .claims()
        .iter()
        .filter(|c| {
            c.target.is_received() && c.scope.is_none() && matches!(c.stated, Stated::Nothing(_))
        })
        .collect();
    let mut seen: Vec<&Pointer> = Vec::new();
    for claim in denials {
        // One finding per paragraph, as before the claim checker.
        if seen.contains(&&claim.pointer) {
            continue;
        }
        seen.push(&claim.pointer);
        cx.report(
            claim_location(claim),
            format!(
                "第{}部分称“{}”，但表三“一、本年新收政府信息公开申请数量”“{}”列为 {n}",
                claim.section.numeral(),
                claim.quote,
                key.column
            ),
        )
        .related(format!("表三新收申请“{}”列：{n}", key.column), Location::cell(&key))
        .help("核对正文与表三：正文所述收到申请的情况应与表三“一、本年新收政府信息公开申请数量”一致。");
    }
}

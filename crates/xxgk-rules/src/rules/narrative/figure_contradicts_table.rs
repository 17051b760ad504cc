//! N003 figure-contradicts-table: the text states a figure of a table quantity, its
//! sentence names no other scope, and no legitimate reading of the table gives it.

use xxgk_model::Report;

use super::{claim_location, differs_message, hint, relate};
use crate::Severity;
use crate::claims::compare::Verdict;
use crate::claims::{Claim, Stated};
use crate::context::Context;
use crate::rule::Rule;

pub(crate) static RULE: Rule = Rule {
    code: "N003",
    name: "figure-contradicts-table",
    severity: Severity::Warning,
    summary: "正文所述数字与表格不符（所说的范围与表格相同）",
    explanation: include_str!("figure_contradicts_table.md"),
    check,
};

/// A denial of applications received is N001's.
pub(crate) fn is_n001(claim: &Claim) -> bool {
    claim.target.is_received() && matches!(claim.stated, Stated::Nothing(_))
}

fn check(report: &Report, cx: &mut Context<'_>) {
    for (claim, verdict) in cx.claims().iter().zip(cx.verdicts()) {
        if claim.scope.is_some() || is_n001(claim) {
            continue;
        }
        let Verdict::Differs(all) = verdict else {
            continue;
        };
        let mut help = "核对正文与表格：正文所述数字应与表格一致。正文说的如果是另一范围（某一部门、某一时段、另一类案件），请在句中写明。".to_owned();
        if let Some(h) = hint(report, claim, all) {
            help = format!("{h}{help}");
        }
        relate(
            cx,
            claim_location(claim),
            differs_message(claim, all),
            all,
            help,
        );
    }
}

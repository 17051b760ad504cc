//! N004 figure-scope-differs: the text states a figure of a table quantity that no
//! reading of the table gives, but its sentence says its scope may differ (a part
//! of the body, a part of the year, another unit, all cases rather than those of
//! information disclosure, a stock at some moment); or a stated share that no base
//! of table 三 gives.

use xxgk_model::Report;

use super::{claim_location, differs_message, hint, relate};
use crate::claims::compare::{Verdict, share_differs};
use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "N004",
    name: "figure-scope-differs",
    severity: Severity::Info,
    summary: "正文所述数字与表格不同，但句中表明所说的范围或基数可能与表格不同",
    explanation: include_str!("figure_scope_differs.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    for (claim, verdict) in cx.claims().iter().zip(cx.verdicts()) {
        match (&claim.scope, verdict) {
            (Some(scope), Verdict::Differs(all)) => {
                let message = format!("{}；{}", differs_message(claim, all), scope.reason());
                let mut help = "正文与表格说的可能不是同一范围：请核对。如果正文说的是本机关的一部分、某一时段或另一类数字，宜在句中写明，并同时写出与表格一致的全年数字。".to_owned();
                if let Some(h) = hint(report, claim, all) {
                    help = format!("{h}{help}");
                }
                relate(cx, claim_location(claim), message, all, help);
            }
            (None, Verdict::Fits) => {
                let Some(share) = &claim.share else {
                    continue;
                };
                let Some(computed) = share_differs(report, claim) else {
                    continue;
                };
                let shares: Vec<String> = computed
                    .iter()
                    .take(3)
                    .map(|(base, pct)| {
                        format!("以 {} 为基数计为 {}%", base.normalize(), pct.normalize())
                    })
                    .collect();
                cx.report(
                    Location::text(claim.pointer.clone(), share.span.0, share.span.1),
                    format!(
                        "第{}部分“{}”：正文占比 {}，按表三{}；占比的基数可能与表格不同",
                        claim.section.numeral(),
                        claim.quote,
                        share.text.trim(),
                        shares.join("，")
                    ),
                )
                .help("核对占比：通常以本年办结（表三“（七）总计”）或新收申请数为基数，并按四舍五入保留小数。");
            }
            _ => {}
        }
    }
}

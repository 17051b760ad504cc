//! T401 reviews-total-mismatch: identities I-4 (行政复议), I-5 (未经复议直接起诉)
//! and I-6 (复议后起诉).

use xxgk_model::Report;

use crate::Severity;
use crate::context::Context;
use crate::identity::Family;
use crate::rule::Rule;
use crate::rules::report_violations;

pub(crate) static RULE: Rule = Rule {
    code: "T401",
    name: "reviews-total-mismatch",
    severity: Severity::Error,
    summary: "表四行政复议或行政诉讼的“总计”不等于结果维持、结果纠正、其他结果、尚未审结之和",
    explanation: include_str!("reviews_total_mismatch.md"),
    check,
};

fn check(_: &Report, cx: &mut Context<'_>) {
    report_violations(
        cx,
        Family::Reviews,
        "“总计”应等于结果维持、结果纠正、其他结果、尚未审结四项之和（行政复议、未经复议直接起诉、复议后起诉各自计算）。",
    );
}

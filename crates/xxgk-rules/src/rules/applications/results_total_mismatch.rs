//! T302 results-total-mismatch: identity I-2 for the report's own format version.

use xxgk_model::Report;

use crate::Severity;
use crate::context::Context;
use crate::identity::Family;
use crate::rule::Rule;
use crate::rules::report_violations;

pub(crate) static RULE: Rule = Rule {
    code: "T302",
    name: "results-total-mismatch",
    severity: Severity::Error,
    summary: "表三某列“（七）总计”不等于（一）至（六）各项办理结果之和",
    explanation: include_str!("results_total_mismatch.md"),
    check,
};

fn check(_: &Report, cx: &mut Context<'_>) {
    report_violations(
        cx,
        Family::ResultsTotal,
        "“（七）总计”应等于（一）予以公开、（二）部分公开及（三）至（六）各小项之和；每件申请只计入一种办理结果（部分公开的只计入（二））。",
    );
}

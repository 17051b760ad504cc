//! T304 subtotal-mismatch: subtotal rows and columns that non-standard layouts
//! print (tables 三 and 四) must equal their parts.

use xxgk_model::Report;

use crate::Severity;
use crate::context::Context;
use crate::identity::Family;
use crate::rule::Rule;
use crate::rules::report_violations;

pub(crate) static RULE: Rule = Rule {
    code: "T304",
    name: "subtotal-mismatch",
    severity: Severity::Error,
    summary: "表三、表四中印出的小计行或小计列不等于其各项之和",
    explanation: include_str!("subtotal_mismatch.md"),
    check,
};

fn check(_: &Report, cx: &mut Context<'_>) {
    report_violations(
        cx,
        Family::Subtotal,
        "小计应等于其下各项之和。统一格式没有小计行、小计列，也可删去小计，只保留统一格式的各项。",
    );
}

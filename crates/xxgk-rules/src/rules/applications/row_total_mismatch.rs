//! T303 row-total-mismatch: identity I-3, each row's 总计.

use xxgk_model::Report;

use crate::Severity;
use crate::context::Context;
use crate::identity::Family;
use crate::rule::Rule;
use crate::rules::report_violations;

pub(crate) static RULE: Rule = Rule {
    code: "T303",
    name: "row-total-mismatch",
    severity: Severity::Error,
    summary: "表三某行“总计”不等于自然人与法人或其他组织各列之和",
    explanation: include_str!("row_total_mismatch.md"),
    check,
};

fn check(_: &Report, cx: &mut Context<'_>) {
    report_violations(
        cx,
        Family::RowTotal,
        "“总计”列应等于“自然人”与“法人或其他组织”下商业企业、科研机构、社会公益组织、法律服务机构、其他五列之和。",
    );
}

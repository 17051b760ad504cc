//! S007 other-handling-single-row: a 2021-format report prints （六）其他处理 as one
//! row, the 2019 layout, instead of its three sub-rows.

use xxgk_model::Report;

use super::Unofficial;
use crate::Severity;
use crate::context::Context;
use crate::rule::Rule;

pub(crate) static RULE: Rule = Rule {
    code: "S007",
    name: "other-handling-single-row",
    severity: Severity::Warning,
    summary: "2021 年格式的表三把“（六）其他处理”印成一行，没有分三项",
    explanation: include_str!("other_handling_single_row.md"),
    check,
};

fn check(_: &Report, cx: &mut Context<'_>) {
    for added in cx.unofficial_labels() {
        if added.kind != Unofficial::SingleOtherHandling {
            continue;
        }
        cx.report(
            added.location(),
            "表三“（六）其他处理”只印了一行（2019 年试行格式的样式），2021 年格式应分三项填写",
        )
        .help("分为“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”“3.其他”三行分别填写。");
    }
}

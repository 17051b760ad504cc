//! S010 label-not-in-format: rows and columns the official tables do not have
//! (subtotals, local rows). Kept as printed; this only says so.

use xxgk_model::Report;

use super::Unofficial;
use crate::Severity;
use crate::context::Context;
use crate::labels::{row_name, table_name};
use crate::rule::Rule;

pub(crate) static RULE: Rule = Rule {
    code: "S010",
    name: "label-not-in-format",
    severity: Severity::Info,
    summary: "表格中有统一格式没有的行或列（小计行、小计列、自加的行）",
    explanation: include_str!("label_not_in_format.md"),
    check,
};

fn check(_: &Report, cx: &mut Context<'_>) {
    for added in cx.unofficial_labels() {
        let what = match (&added.kind, &added.column) {
            (Unofficial::Subtotal, Some(c)) => format!("小计列“{c}”"),
            (Unofficial::Subtotal, None) => format!("小计行“{}”", row_name(&added.row)),
            (Unofficial::Unknown, Some(c)) => format!("列“{c}”"),
            (Unofficial::Unknown, None) => format!("行“{}”", row_name(&added.row)),
            _ => continue,
        };
        cx.report(
            added.location(),
            format!("{}印有统一格式没有的{what}", table_name(added.table)),
        )
        .help("统一格式的表格不设此行（列）；确需说明的内容可写在表格下方的文字中。");
    }
}

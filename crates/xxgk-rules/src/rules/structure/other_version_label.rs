//! S008 other-version-label: a row or column of the other format version's tables.

use xxgk_model::Report;

use super::{Unofficial, other_version};
use crate::Severity;
use crate::context::Context;
use crate::labels::{row_name, table_name};
use crate::rule::Rule;

pub(crate) static RULE: Rule = Rule {
    code: "S008",
    name: "other-version-label",
    severity: Severity::Warning,
    summary: "表格中有另一版本统一格式的行或列，与本报告所用格式不符",
    explanation: include_str!("other_version_label.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    let version = report.meta.format;
    let other = other_version(version);
    for added in cx.unofficial_labels() {
        if added.kind != Unofficial::OtherVersion {
            continue;
        }
        let what = match &added.column {
            Some(c) => format!("列“{c}”"),
            None => format!("行“{}”", row_name(&added.row)),
        };
        cx.report(
            added.location(),
            format!(
                "{}印有 {other} 年格式的{what}，本报告的表格按 {version} 年格式",
                table_name(added.table)
            ),
        )
        .help(format!(
            "按 {version} 年格式（{}）的行列填写。",
            version.spec().document
        ));
    }
}

//! C002 cell-placeholder: a placeholder such as “/” or “—” where a number belongs.

use xxgk_model::{Cell, Report};

use super::report_cells_per_table;
use crate::Severity;
use crate::context::Context;
use crate::rule::Rule;

pub(crate) static RULE: Rule = Rule {
    code: "C002",
    name: "cell-placeholder",
    severity: Severity::Warning,
    summary: "表格中应填数字的单元格填的是“/”“—”“无”等符号或文字",
    explanation: include_str!("cell_placeholder.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    report_cells_per_table(
        report,
        cx,
        |c| matches!(c, Cell::Placeholder(_)),
        "填的是符号或文字而不是数字",
        "统一格式表格的每个单元格都应填写数字，没有发生的填 0，不用“/”“—”“无”等符号。",
    );
}

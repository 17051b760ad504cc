//! C001 cell-blank: a blank where a number belongs.

use xxgk_model::{Cell, Report};

use super::report_cells_per_table;
use crate::Severity;
use crate::context::Context;
use crate::rule::Rule;

pub(crate) static RULE: Rule = Rule {
    code: "C001",
    name: "cell-blank",
    severity: Severity::Warning,
    summary: "表格中应填数字的单元格为空白",
    explanation: include_str!("cell_blank.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    report_cells_per_table(
        report,
        cx,
        Cell::is_blank,
        "为空白，未填数字",
        "统一格式表格的每个单元格都应填写数字，没有发生的填 0；空白与 0 无法区分，相关勾稽关系也无法核对。",
    );
}

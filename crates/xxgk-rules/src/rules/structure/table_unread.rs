//! S011 table-unread: a table the file prints that its reader could not read in
//! full. Its gaps are the reading's, not the report's: this rule says so in place
//! of table-missing and cells-missing, and the identities over the unread cells are
//! left unverified (identity-unverifiable).

use xxgk_model::{Pointer, Report};

use crate::context::Context;
use crate::labels::table_name;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S011",
    name: "table-unread",
    severity: Severity::Warning,
    summary: "文件中印出的表格未能完整读出，本表的核对不完整",
    explanation: include_str!("table_unread.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    let version = report.meta.format;
    for &id in cx.unread {
        if report.sections.table_section(id).is_none() {
            continue;
        }
        let table = report.table(id);
        let missing = version
            .spec()
            .table(id)
            .rows
            .iter()
            .flat_map(|row| row.columns.iter().map(move |c| (row.label, c.label)))
            .filter(|(row, column)| {
                table
                    .and_then(|t| t.row(row))
                    .and_then(|r| r.get(column))
                    .is_none()
            })
            .count();
        let name = table_name(id);
        let message = if table.is_none_or(xxgk_model::Table::is_empty) {
            format!("{name}印在文件中，但未能从文件读出任何数据（见导入说明），本表没有核对")
        } else if missing > 0 {
            format!(
                "{name}有 {missing} 个单元格未能从文件读出（见导入说明），涉及这些单元格的勾稽关系没有核对"
            )
        } else {
            format!("{name}中有印出的数值未能读入（见导入说明），本表的读取可能不完整")
        };
        cx.report(
            Location::at(Pointer::table(id)),
            message,
        )
        .help(
            "这是读取文件时的缺漏，不一定是报告的问题：请对照原文件核对本表，或改用网页原文（HTML）、Word 文件重新检查。",
        );
    }
}

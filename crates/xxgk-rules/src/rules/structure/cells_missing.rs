//! S009 cells-missing: official rows or cells that a printed table leaves out.

use xxgk_model::schema::applications::OTHER_HANDLING;
use xxgk_model::schema::{TableId, parent_label};
use xxgk_model::{CellKey, FormatVersion, Pointer, Report};

use crate::context::Context;
use crate::labels::{row_name, table_name};
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S009",
    name: "cells-missing",
    severity: Severity::Warning,
    summary: "表格缺少统一格式中的行或单元格",
    explanation: include_str!("cells_missing.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    let version = report.meta.format;
    for id in TableId::ALL {
        let Some(table) = report.table(id).filter(|t| !t.is_empty()) else {
            continue;
        };
        // Cells the reader could not read are table-unread's.
        if cx.unread.contains(&id) {
            continue;
        }
        // The three （六） sub-rows of a 2021 report that prints the single row are
        // reported by other-handling-single-row.
        let single_other = version == FormatVersion::V2021
            && id == TableId::Applications
            && table.row(OTHER_HANDLING).is_some();
        let mut rows = Vec::new();
        let mut cells = Vec::new();
        for spec_row in version.spec().table(id).rows {
            let Some(row) = table.row(spec_row.label) else {
                if !(single_other && parent_label(spec_row.label) == Some(OTHER_HANDLING)) {
                    rows.push(spec_row.label);
                }
                continue;
            };
            for column in spec_row.columns {
                if row.get(column.label).is_none() {
                    cells.push(CellKey::new(id, spec_row.label, column.label));
                }
            }
        }
        if rows.is_empty() && cells.is_empty() {
            continue;
        }
        let mut parts = Vec::new();
        if let Some(first) = rows.first() {
            parts.push(format!("{} 行（如“{}”）", rows.len(), row_name(first)));
        }
        if let Some(first) = cells.first() {
            parts.push(format!(
                "{} 个单元格（如“{}”行“{}”列）",
                cells.len(),
                row_name(&first.row),
                first.column
            ));
        }
        let finding = cx.report(
            Location::at(Pointer::table(id)),
            format!("{}缺少统一格式中的 {}", table_name(id), parts.join("、")),
        );
        finding.help("按统一格式印出全部行列，没有发生的填 0。");
        for row in rows {
            finding.related(
                format!("缺少行“{}”", row_name(row)),
                Location::at(Pointer::row(id, row)),
            );
        }
        for key in cells {
            finding.related(
                format!("缺少“{}”行“{}”列", row_name(&key.row), key.column),
                Location::cell(&key),
            );
        }
    }
}

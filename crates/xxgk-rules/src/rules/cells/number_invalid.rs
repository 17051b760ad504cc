//! C003 number-invalid: a number that cannot be what its column holds — a negative,
//! fractional or unit-bearing count, a fractional change, a negative amount.

use rust_decimal::Decimal;
use xxgk_model::schema::{TableId, ValueKind};
use xxgk_model::{CellKey, FormatVersion, Number, Report};

use crate::context::Context;
use crate::labels::{row_name, table_name};
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "C003",
    name: "number-invalid",
    severity: Severity::Error,
    summary: "表格中的数字不可能成立：件数为负数、小数或带单位，增减数为小数，金额为负数",
    explanation: include_str!("number_invalid.md"),
    check,
};

/// What a cell holds: its official kind, the kind of an official column of the same
/// label (added rows of table 二), or a count (every cell of tables 三 and 四).
fn kind(version: FormatVersion, key: &CellKey) -> Option<ValueKind> {
    if let Some((_, column)) = key.official(version) {
        return Some(column.kind);
    }
    match key.table {
        TableId::Applications | TableId::Reviews => Some(ValueKind::Count),
        TableId::Proactive => version
            .spec()
            .table(TableId::Proactive)
            .rows
            .iter()
            .find_map(|r| r.column(&key.column))
            .map(|c| c.kind),
    }
}

/// Why a number cannot stand in a column of this kind, if it cannot.
fn problem(kind: ValueKind, n: &Number) -> Option<&'static str> {
    let negative = n.value < Decimal::ZERO;
    let fractional = !n.value.fract().is_zero();
    match kind {
        ValueKind::Count if n.unit.is_some() => Some("带有金额单位，此处应为件数"),
        ValueKind::Count if negative => Some("为负数，件数不能为负"),
        ValueKind::Count | ValueKind::SignedCount if fractional => Some("不是整数，件数应为整数"),
        ValueKind::SignedCount if n.unit.is_some() => Some("带有金额单位，此处应为增减的件数"),
        ValueKind::Amount { .. } if negative => Some("为负数，金额不能为负"),
        _ => None,
    }
}

fn check(report: &Report, cx: &mut Context<'_>) {
    let version = report.meta.format;
    for (key, cell) in report.cells() {
        // A whole, non-negative number without a unit is valid in every cell: the
        // cell's kind is looked up only for the others.
        let Some(n) = cell
            .number()
            .filter(|n| n.unit.is_some() || n.value < Decimal::ZERO || !n.value.fract().is_zero())
        else {
            continue;
        };
        let Some(kind) = kind(version, &key) else {
            continue;
        };
        let Some(problem) = problem(kind, n) else {
            continue;
        };
        cx.report(
            Location::cell(&key),
            format!(
                "{}“{}”行“{}”列的数字 {n} {problem}",
                table_name(key.table),
                row_name(&key.row),
                key.column
            ),
        )
        .help("按所发生的实际件数（非负整数）或金额填写；无法确定的核实原始台账后填写。");
    }
}

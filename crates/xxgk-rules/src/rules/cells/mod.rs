//! Single cells: blanks, placeholders, numbers that cannot be what the column
//! holds, and identities that blank cells leave open.

pub(crate) mod cell_blank;
pub(crate) mod cell_placeholder;
pub(crate) mod identity_unverifiable;
pub(crate) mod number_invalid;

use xxgk_model::schema::TableId;
use xxgk_model::{Cell, CellKey, Report};

use crate::Location;
use crate::context::Context;
use crate::labels::{row_name, table_name};

/// Reports, once per table, the cells `select` picks: the message names the cell
/// when there is one and counts them otherwise; every cell is a related location.
pub(crate) fn report_cells_per_table(
    report: &Report,
    cx: &mut Context<'_>,
    select: impl Fn(&Cell) -> bool,
    what: &str,
    help: &str,
) {
    for id in TableId::ALL {
        let Some(table) = report.table(id) else {
            continue;
        };
        let keys: Vec<CellKey> = table
            .cells()
            .filter(|(_, _, cell)| select(cell))
            .map(|(r, c, _)| CellKey::new(id, r, c))
            .collect();
        let Some(first) = keys.first() else {
            continue;
        };
        let name = |k: &CellKey| format!("“{}”行“{}”列", row_name(&k.row), k.column);
        let message = match keys.as_slice() {
            [one] => format!("{}{}{what}", table_name(id), name(one)),
            many => format!(
                "{}有 {} 个单元格{what}（第一处：{}）",
                table_name(id),
                many.len(),
                name(first)
            ),
        };
        let finding = cx.report(Location::cell(first), message);
        finding.help(help);
        for k in &keys {
            let text = crate::labels::cell_text(report.cell(k));
            finding.related(format!("{}：{text}", name(k)), Location::cell(k));
        }
    }
}

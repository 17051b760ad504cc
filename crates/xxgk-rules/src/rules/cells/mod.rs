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
        let cells: Vec<(&str, &str, &Cell)> =
            table.cells().filter(|(_, _, cell)| select(cell)).collect();
        let Some(&(row, column, _)) = cells.first() else {
            continue;
        };
        let name = |row: &str, column: &str| format!("“{}”行“{column}”列", row_name(row));
        let message = match cells.as_slice() {
            [_] => format!("{}{}{what}", table_name(id), name(row, column)),
            many => format!(
                "{}有 {} 个单元格{what}（第一处：{}）",
                table_name(id),
                many.len(),
                name(row, column)
            ),
        };
        let finding = cx.report(Location::cell(&CellKey::new(id, row, column)), message);
        finding.help(help);
        for &(row, column, cell) in &cells {
            let text = crate::labels::cell_text(Some(cell));
            finding.related(
                format!("{}：{text}", name(row, column)),
                Location::cell(&CellKey::new(id, row, column)),
            );
        }
    }
}

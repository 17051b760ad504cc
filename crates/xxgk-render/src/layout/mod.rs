//! The printed shape of the three tables: which cell sits where and what it spans.
//!
//! Every output format draws its tables from one [`TableGrid`], so text, HTML and
//! Word show the same merged cells. The grid follows the official template
//! (国办公开办函〔2021〕30号 and the 2019 trial format):
//!
//! - 表二: one block per 第二十条 item — a caption row spanning the table, a header row
//!   (`信息内容` and the block's columns), one row per item. The table is as wide as
//!   the widest block; narrower blocks let their last column take the rest
//!   (`本年处理决定数量` spans three grid columns in 2021).
//! - 表三: the 勾稽关系 note in the corner spanning the label columns and the header
//!   rows, `申请人情况` over the data columns, then the column tree (`自然人`,
//!   `法人或其他组织` over its five columns, `总计`). Row labels form a tree too:
//!   `三、本年度办理结果` spans its result rows, （三）（四）（五）（六） span their items,
//!   single rows span to the values.
//! - 表四: one data row under a three-level header (`行政复议` over five results;
//!   `行政诉讼` over `未经复议直接起诉` and `复议后起诉`, five results each).
//!
//! The layout is built from what the table holds, not from the official list: absent
//! rows and cells are left out, added rows and columns appear where they were printed
//! with their labels, and a row or column that is also a group (a subtotal) gets its
//! own line or column under the group label, labelled [`SUBTOTAL`] (`小计`).

mod proactive;
mod title;
mod tree;

use std::collections::BTreeMap;

use xxgk_model::schema::TableId;
use xxgk_model::{CellKey, Row, Table};

pub(crate) use proactive::proactive_blocks;
pub(crate) use title::{title_break, title_ems};
pub use tree::SUBTOTAL;

use crate::zh;

/// What a grid cell holds; it decides how the cell is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CellKind {
    /// Table 三's corner note (`（本列数据的勾稽关系为：…）`).
    Note,
    /// A block caption of table 二 (`第二十条第（一）项`).
    Caption,
    /// A column header or column group (`信息内容`, `申请人情况`, `法人或其他组织`).
    Header,
    /// A row label or row group (`三、本年度办理结果`, `1.属于国家秘密`).
    Label,
    /// A data cell the report prints (possibly blank).
    Value,
    /// A data position the report does not print: its row lacks the column.
    Absent,
    /// An empty place with nothing to print: the header of a table 二 block without
    /// columns.
    Filler,
}

/// A cell placed in the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    /// Grid row of its top edge (0-based).
    pub row: usize,
    /// Grid column of its left edge (0-based).
    pub column: usize,
    /// Grid rows it spans (≥ 1).
    pub row_span: usize,
    /// Grid columns it spans (≥ 1).
    pub col_span: usize,
    /// The text, as printed.
    pub text: String,
    /// What the cell holds.
    pub kind: CellKind,
}

/// A table laid out as a grid of merged cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableGrid {
    /// Which table.
    pub table: TableId,
    /// Number of grid columns.
    pub columns: usize,
    /// Relative width of each grid column (proportions of the official template).
    pub widths: Vec<u32>,
    /// The leading rows that form the column header (repeated on each printed page);
    /// 0 for table 二, whose headers sit inside each block.
    pub header_rows: usize,
    rows: Vec<Vec<GridCell>>,
    /// The model cell behind each data position, by (row, column) of the grid.
    keys: BTreeMap<(usize, usize), CellKey>,
}

impl TableGrid {
    /// The column widths scaled to add up to `total` (each at least 1; rounding is
    /// given to the last column), e.g. twentieths of a point across a page.
    pub fn scaled_widths(&self, total: u32) -> Vec<u32> {
        let sum: u64 = self
            .widths
            .iter()
            .map(|w| u64::from(*w))
            .sum::<u64>()
            .max(1);
        let mut widths: Vec<u32> = self
            .widths
            .iter()
            .map(|w| {
                let scaled = u64::from(*w) * u64::from(total) / sum;
                u32::try_from(scaled).unwrap_or(total).max(1)
            })
            .collect();
        let used: u32 = widths.iter().sum();
        if let Some(last) = widths.last_mut() {
            *last = (*last + total).saturating_sub(used).max(1);
        }
        widths
    }

    /// The cells that start in each grid row, left to right.
    pub fn rows(&self) -> &[Vec<GridCell>] {
        &self.rows
    }

    /// The model cell a data cell of the grid shows ([`CellKind::Value`] or
    /// [`CellKind::Absent`]): its row and column label paths. `None` for headers,
    /// labels and fillers.
    pub fn key(&self, cell: &GridCell) -> Option<&CellKey> {
        self.keys.get(&(cell.row, cell.column))
    }

    /// Every grid position with the cell that covers it (the cell itself at its
    /// top-left position, the merged cell elsewhere), row by row. A position no cell
    /// covers is `None`; a well-formed grid has none.
    pub fn expanded(&self) -> Vec<Vec<Option<&GridCell>>> {
        let mut grid = vec![vec![None; self.columns]; self.rows.len()];
        for cell in self.rows.iter().flatten() {
            let rows = grid.iter_mut().skip(cell.row).take(cell.row_span);
            for positions in rows {
                for slot in positions.iter_mut().skip(cell.column).take(cell.col_span) {
                    *slot = Some(cell);
                }
            }
        }
        grid
    }
}

/// Lays out a table. `note` is table 三's header note as the report holds it (the
/// official wording is used when it holds none). Returns `None` when the table has
/// nothing to print: no rows, or (table 四) no cells.
pub fn table_grid(id: TableId, table: &Table, note: Option<&str>) -> Option<TableGrid> {
    if table.is_empty() {
        return None;
    }
    match id {
        TableId::Proactive => Some(proactive::grid(table)),
        TableId::Applications => Some(tree::applications(table, note)),
        TableId::Reviews => tree::reviews(table),
    }
}

/// The name a table is known by: `表二`, `表三`, `表四`.
pub fn table_name(id: TableId) -> String {
    let n = match id {
        TableId::Proactive => 2,
        TableId::Applications => 3,
        TableId::Reviews => 4,
    };
    format!("表{}", zh::numeral(n))
}

/// The columns of a set of rows in printed order: each row's order is kept, and a
/// column first seen in a later row is placed right after the column it follows
/// there (so an added subtotal column keeps its printed position).
pub(crate) fn column_order<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Vec<&'a str> {
    let mut order: Vec<&str> = Vec::new();
    for row in rows {
        let mut at = 0;
        for (column, _) in row.iter() {
            if let Some(i) = order.iter().position(|c| *c == column) {
                at = i + 1;
            } else {
                order.insert(at, column);
                at += 1;
            }
        }
    }
    order
}

/// The parts of a label path.
pub(crate) fn segments(path: &str) -> Vec<&str> {
    path.split('/').collect()
}

/// The official label of the first column of every table 二 block.
pub const PROACTIVE_LABEL_HEADER: &str = "信息内容";
/// The official header over the data columns of table 三.
pub const APPLICANTS_HEADER: &str = "申请人情况";

/// Collects placed cells row by row.
pub(crate) struct Builder {
    rows: Vec<Vec<GridCell>>,
    keys: BTreeMap<(usize, usize), CellKey>,
}

impl Builder {
    pub(crate) fn new() -> Builder {
        Builder {
            rows: Vec::new(),
            keys: BTreeMap::new(),
        }
    }

    /// Says which model cell the data cell placed at (`row`, `column`) shows.
    pub(crate) fn key(&mut self, row: usize, column: usize, key: CellKey) {
        self.keys.insert((row, column), key);
    }

    pub(crate) fn place(
        &mut self,
        row: usize,
        column: usize,
        span: (usize, usize),
        text: &str,
        kind: CellKind,
    ) {
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        self.rows[row].push(GridCell {
            row,
            column,
            row_span: span.0.max(1),
            col_span: span.1.max(1),
            text: text.to_owned(),
            kind,
        });
    }

    pub(crate) fn finish(
        mut self,
        table: TableId,
        widths: Vec<u32>,
        header_rows: usize,
    ) -> TableGrid {
        for row in &mut self.rows {
            row.sort_by_key(|c| c.column);
        }
        TableGrid {
            table,
            columns: widths.len(),
            widths,
            header_rows,
            rows: self.rows,
            keys: self.keys,
        }
    }
}

pub(crate) fn cell_text(row: &Row, column: &str) -> (String, CellKind) {
    match row.get(column) {
        Some(cell) => (zh::cell(cell), CellKind::Value),
        None => (String::new(), CellKind::Absent),
    }
}

//! A published table: rows keyed by label path, each row's cells keyed by column
//! label path, both in the order the report printed them.
//!
//! Official rows and columns use the official label paths of [`crate::schema`];
//! rows and columns a report adds (a local `其他主动公开文件` row, a `法人或其他组织`
//! subtotal column, subtotal rows under （三）–（六）) keep the labels they were
//! published with. A row or cell the report does not print is absent, which is
//! different from a blank cell.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::Cell;
use crate::schema::TableSpec;

/// The maps of a table: by label, in printed order, with a fast hasher (labels are
/// long CJK strings looked up by every rule and the importer; `SipHash` cost more
/// than the rest of a lookup).
type Map<V> = IndexMap<String, V, foldhash::fast::RandomState>;

/// The cells of one row, keyed by column label path.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Row {
    cells: Map<Cell>,
}

impl Row {
    /// An empty row.
    pub fn new() -> Row {
        Row::default()
    }

    /// The cell under a column label path.
    pub fn get(&self, column: &str) -> Option<&Cell> {
        self.cells.get(column)
    }

    /// The cell under a column label path, mutably.
    pub fn get_mut(&mut self, column: &str) -> Option<&mut Cell> {
        self.cells.get_mut(column)
    }

    /// Sets a cell, keeping its position if the column is already there.
    pub fn insert(&mut self, column: impl Into<String>, cell: Cell) -> Option<Cell> {
        self.cells.insert(column.into(), cell)
    }

    /// Removes a cell, keeping the order of the others.
    pub fn remove(&mut self, column: &str) -> Option<Cell> {
        self.cells.shift_remove(column)
    }

    /// The cells in printed order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Cell)> {
        self.cells.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The cells in printed order, mutably.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&str, &mut Cell)> {
        self.cells.iter_mut().map(|(k, v)| (k.as_str(), v))
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}

impl<K: Into<String>> FromIterator<(K, Cell)> for Row {
    fn from_iter<I: IntoIterator<Item = (K, Cell)>>(iter: I) -> Row {
        Row {
            cells: iter.into_iter().map(|(k, v)| (k.into(), v)).collect(),
        }
    }
}

/// A published table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Table {
    rows: Map<Row>,
}

impl Table {
    /// An empty table.
    pub fn new() -> Table {
        Table::default()
    }

    /// A table with every official row and column of `spec`, all cells blank.
    pub fn blank(spec: &TableSpec) -> Table {
        spec.rows
            .iter()
            .map(|r| {
                let row = r.columns.iter().map(|c| (c.label, Cell::Blank)).collect();
                (r.label, row)
            })
            .collect()
    }

    /// The row with this label path.
    pub fn row(&self, label: &str) -> Option<&Row> {
        self.rows.get(label)
    }

    /// The row with this label path, mutably.
    pub fn row_mut(&mut self, label: &str) -> Option<&mut Row> {
        self.rows.get_mut(label)
    }

    /// The row with this label path, appended empty if the table lacks it.
    pub fn row_entry(&mut self, label: impl Into<String>) -> &mut Row {
        self.rows.entry(label.into()).or_default()
    }

    /// Sets a row, keeping its position if the label is already there.
    pub fn insert(&mut self, label: impl Into<String>, row: Row) -> Option<Row> {
        self.rows.insert(label.into(), row)
    }

    /// Removes a row, keeping the order of the others.
    pub fn remove(&mut self, label: &str) -> Option<Row> {
        self.rows.shift_remove(label)
    }

    /// The cell at a row and column label path.
    pub fn get(&self, row: &str, column: &str) -> Option<&Cell> {
        self.rows.get(row)?.get(column)
    }

    /// The cell at a row and column label path, mutably.
    pub fn get_mut(&mut self, row: &str, column: &str) -> Option<&mut Cell> {
        self.rows.get_mut(row)?.get_mut(column)
    }

    /// Sets a cell, creating the row at the end if needed.
    pub fn set(&mut self, row: impl Into<String>, column: impl Into<String>, cell: Cell) {
        self.row_entry(row).insert(column, cell);
    }

    /// The rows in printed order.
    pub fn rows(&self) -> impl Iterator<Item = (&str, &Row)> {
        self.rows.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The rows in printed order, mutably.
    pub fn rows_mut(&mut self) -> impl Iterator<Item = (&str, &mut Row)> {
        self.rows.iter_mut().map(|(k, v)| (k.as_str(), v))
    }

    /// Every cell with its row and column label paths, in printed order.
    pub fn cells(&self) -> impl Iterator<Item = (&str, &str, &Cell)> {
        self.rows()
            .flat_map(|(r, row)| row.iter().map(move |(c, cell)| (r, c, cell)))
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

impl<K: Into<String>> FromIterator<(K, Row)> for Table {
    fn from_iter<I: IntoIterator<Item = (K, Row)>>(iter: I) -> Table {
        Table {
            rows: iter.into_iter().map(|(k, v)| (k.into(), v)).collect(),
        }
    }
}

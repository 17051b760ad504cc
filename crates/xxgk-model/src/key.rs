//! Stable cell keys (`docs/cells.md`): the official ones of each format version,
//! and the cells of a report by key.

use std::fmt;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::schema::{self, ColumnSpec, RowSpec, TableId};
use crate::{Cell, FormatVersion, ModelError, Report};

/// The key of a table cell: table, row label path, column label path.
///
/// Official cells use the official labels; cells of rows or columns a report adds
/// use the labels they were published with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct CellKey {
    /// `二`, `三` or `四`.
    pub table: TableId,
    /// The row label path.
    pub row: String,
    /// The column label path (compared as a whole: `本年增/减` is one label).
    pub column: String,
}

impl CellKey {
    /// A key from its parts.
    pub fn new(table: TableId, row: impl Into<String>, column: impl Into<String>) -> CellKey {
        CellKey {
            table,
            row: row.into(),
            column: column.into(),
        }
    }

    /// Reads a `table,row,column` line of the key lists.
    ///
    /// Row labels never contain a comma, so the first two commas separate the parts.
    pub fn parse(line: &str) -> Result<CellKey, ModelError> {
        let mut parts = line.splitn(3, ',');
        let (Some(t), Some(row), Some(column)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(ModelError::InvalidKey(line.to_owned()));
        };
        let table =
            TableId::from_numeral(t).ok_or_else(|| ModelError::UnknownTable(t.to_owned()))?;
        if row.is_empty() || column.is_empty() {
            return Err(ModelError::InvalidKey(line.to_owned()));
        }
        Ok(CellKey::new(table, row, column))
    }

    /// The official row and column this key names in a format version, if it is official.
    pub fn official(
        &self,
        version: FormatVersion,
    ) -> Option<(&'static RowSpec, &'static ColumnSpec)> {
        let row = version.spec().table(self.table).row(&self.row)?;
        Some((row, row.column(&self.column)?))
    }

    /// Whether the key names an official cell of a format version.
    pub fn is_official(&self, version: FormatVersion) -> bool {
        self.official(version).is_some()
    }

    /// The key line as in the key lists: `table,row,column`.
    pub fn to_line(&self) -> String {
        format!("{},{},{}", self.table.numeral(), self.row, self.column)
    }
}

impl fmt::Display for CellKey {
    /// `表三“三、本年度办理结果/（一）予以公开”行“自然人”列`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "表{}“{}”行“{}”列",
            self.table.numeral(),
            self.row,
            self.column
        )
    }
}

static KEYS_2019: LazyLock<Vec<CellKey>> = LazyLock::new(|| build_keys(FormatVersion::V2019));
static KEYS_2021: LazyLock<Vec<CellKey>> = LazyLock::new(|| build_keys(FormatVersion::V2021));

fn build_keys(version: FormatVersion) -> Vec<CellKey> {
    let spec = schema::spec(version);
    spec.tables
        .iter()
        .flat_map(|t| {
            t.rows.iter().flat_map(move |r| {
                r.columns
                    .iter()
                    .map(move |c| CellKey::new(t.id, r.label, c.label))
            })
        })
        .collect()
}

/// Every official cell key of a format version, in the order of the key lists
/// (200 for 2021, 198 for 2019).
pub fn official_keys(version: FormatVersion) -> &'static [CellKey] {
    match version {
        FormatVersion::V2019 => &KEYS_2019,
        FormatVersion::V2021 => &KEYS_2021,
    }
}

impl Report {
    /// The cell a key names, if the report prints it.
    pub fn cell(&self, key: &CellKey) -> Option<&Cell> {
        self.table(key.table)?.get(&key.row, &key.column)
    }

    /// The cell a key names, mutably, if the report prints it.
    pub fn cell_mut(&mut self, key: &CellKey) -> Option<&mut Cell> {
        self.table_mut(key.table)?.get_mut(&key.row, &key.column)
    }

    /// Every printed cell with its key, table by table in printed order.
    pub fn cells(&self) -> impl Iterator<Item = (CellKey, &Cell)> {
        TableId::ALL.into_iter().flat_map(move |t| {
            self.table(t).into_iter().flat_map(move |table| {
                table
                    .cells()
                    .map(move |(r, c, cell)| (CellKey::new(t, r, c), cell))
            })
        })
    }

    /// Printed cells that are not official cells of the report's format version
    /// (added rows and columns), with their keys, in printed order.
    pub fn extra_cells(&self) -> impl Iterator<Item = (CellKey, &Cell)> {
        let version = self.meta.format;
        self.cells().filter(move |(k, _)| !k.is_official(version))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_lines_parse_with_slashes_in_the_column() {
        let k = CellKey::parse("二,第二十条第（五）项/行政许可,本年增/减").unwrap();
        assert_eq!(k.column, "本年增/减");
        assert!(k.is_official(FormatVersion::V2019));
        assert!(!k.is_official(FormatVersion::V2021));
        assert!(CellKey::parse("五,a,b").is_err());
        assert!(CellKey::parse("三,a").is_err());
    }
}

//! The printed rows and columns of a report's tables that are not official in its
//! format version, classified (subtotals, labels of the other version, unknown
//! ones): found once per check and read by the structure rules.

use std::collections::HashSet;

use xxgk_model::schema::applications::OTHER_HANDLING;
use xxgk_model::schema::{TableId, parent_label};
use xxgk_model::{CellKey, FormatVersion, Pointer, Report};

use crate::Location;

/// The other format version.
pub(crate) fn other_version(version: FormatVersion) -> FormatVersion {
    match version {
        FormatVersion::V2019 => FormatVersion::V2021,
        FormatVersion::V2021 => FormatVersion::V2019,
    }
}

/// A printed row or column that is not official in the report's version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unofficial {
    /// 2021 format, （六）其他处理 printed as one row without its sub-rows.
    SingleOtherHandling,
    /// A row or column with printed parts: a subtotal.
    Subtotal,
    /// Official in the other format version.
    OtherVersion,
    /// Official in neither version.
    Unknown,
}

/// A row (`column` is `None`) or column that is not official, and what it is.
#[derive(Debug, Clone)]
pub(crate) struct Added {
    pub(crate) table: TableId,
    pub(crate) row: String,
    pub(crate) column: Option<String>,
    pub(crate) kind: Unofficial,
}

impl Added {
    /// The row, or the first printed cell of the column.
    pub(crate) fn location(&self) -> Location {
        match &self.column {
            Some(c) => Location::cell(&CellKey::new(self.table, &self.row, c)),
            None => Location::at(Pointer::row(self.table, &self.row)),
        }
    }
}

/// Every printed row and column (each column once per table) that is not official
/// in the report's version, classified.
pub(crate) fn unofficial_labels(report: &Report) -> Vec<Added> {
    let version = report.meta.format;
    let mut out = Vec::new();
    for id in TableId::ALL {
        let Some(table) = report.table(id) else {
            continue;
        };
        let spec = version.spec().table(id);
        let other = other_version(version).spec().table(id);
        // The labels that are the parent of another (subtotals), found in one pass
        // so that a table of many rows or columns costs its size, not its square.
        let parents = |labels: &mut dyn Iterator<Item = &'_ str>| -> HashSet<String> {
            labels.filter_map(parent_label).map(str::to_owned).collect()
        };
        let row_parents = parents(&mut table.rows().map(|(l, _)| l));
        let mut seen_columns: HashSet<&str> = HashSet::new();
        for (row, cells) in table.rows() {
            let Some(official_row) = spec.row(row) else {
                let kind = if version == FormatVersion::V2021
                    && id == TableId::Applications
                    && row == OTHER_HANDLING
                    && !row_parents.contains(row)
                {
                    Unofficial::SingleOtherHandling
                } else if row_parents.contains(row) {
                    Unofficial::Subtotal
                } else if other.row(row).is_some() {
                    Unofficial::OtherVersion
                } else {
                    Unofficial::Unknown
                };
                out.push(Added {
                    table: id,
                    row: row.to_owned(),
                    column: None,
                    kind,
                });
                continue;
            };
            let mut column_parents: Option<HashSet<String>> = None;
            for (column, _) in cells.iter() {
                if official_row.column(column).is_some() || !seen_columns.insert(column) {
                    continue;
                }
                let column_parents = column_parents
                    .get_or_insert_with(|| parents(&mut cells.iter().map(|(c, _)| c)));
                let kind = if column_parents.contains(column) {
                    Unofficial::Subtotal
                } else if other.row(row).and_then(|r| r.column(column)).is_some() {
                    Unofficial::OtherVersion
                } else {
                    Unofficial::Unknown
                };
                out.push(Added {
                    table: id,
                    row: row.to_owned(),
                    column: Some(column.to_owned()),
                    kind,
                });
            }
        }
    }
    out
}

//! Where each part of an imported report came from in the file the user has.
//!
//! A [`SourceMap`] maps [`Pointer`]s into the serialised model (a cell,
//! `/sections/overview/heading`, `/sections/overview/body/3`, `/meta/published` …)
//! to positions in the source file. It is kept beside the report, not inside it, so that a report's
//! serialised form does not depend on where it was read from.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Pointer;

/// A position in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourcePos {
    /// A line and column of a text or HTML file, both counted from 1; the column
    /// counts characters (not bytes) after decoding.
    Text {
        /// Line, from 1.
        line: u32,
        /// Column in characters, from 1.
        column: u32,
    },
    /// A paragraph of a Word document body, counted from 1.
    DocxParagraph {
        /// Paragraph, from 1.
        paragraph: u32,
    },
    /// A cell of a Word document table, all counted from 1 (the cell index counts
    /// grid columns, so a merged cell has the index of its first column).
    DocxCell {
        /// Table, from 1.
        table: u32,
        /// Row, from 1.
        row: u32,
        /// Cell, from 1.
        cell: u32,
    },
}

impl SourcePos {
    /// The line, for positions in a text or HTML file.
    pub fn line(&self) -> Option<u32> {
        match self {
            SourcePos::Text { line, .. } => Some(*line),
            _ => None,
        }
    }
}

impl fmt::Display for SourcePos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourcePos::Text { line, column } => write!(f, "第{line}行第{column}列"),
            SourcePos::DocxParagraph { paragraph } => write!(f, "第{paragraph}段"),
            SourcePos::DocxCell { table, row, cell } => {
                write!(f, "第{table}个表格第{row}行第{cell}格")
            }
        }
    }
}

/// JSON Pointer → position in the source file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct SourceMap {
    entries: BTreeMap<Pointer, SourcePos>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// Records where the part at `pointer` came from.
    pub fn insert(&mut self, pointer: Pointer, pos: SourcePos) {
        self.entries.insert(pointer, pos);
    }

    /// Records where the part at `pointer` came from unless a place is already
    /// recorded for it (the first place wins); one search of the map.
    pub fn insert_first(&mut self, pointer: Pointer, pos: SourcePos) {
        self.entries.entry(pointer).or_insert(pos);
    }

    /// Where the part at `pointer` came from.
    pub fn get(&self, pointer: &Pointer) -> Option<SourcePos> {
        self.entries.get(pointer).copied()
    }

    /// Where the part at `pointer` came from, or else its nearest recorded ancestor
    /// (`/sections/reviews/table/行政复议/总计` falls back to the row, the table,
    /// the section).
    pub fn lookup(&self, pointer: &Pointer) -> Option<SourcePos> {
        pointer.ancestors().find_map(|p| self.get(&p))
    }

    /// Every entry, ordered by pointer.
    pub fn iter(&self) -> impl Iterator<Item = (&Pointer, SourcePos)> {
        self.entries.iter().map(|(k, v)| (k, *v))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SectionId;
    use crate::schema::TableId;

    #[test]
    fn lookup_falls_back_to_the_nearest_ancestor() {
        let mut map = SourceMap::new();
        map.insert(
            Pointer::section(SectionId::Reviews),
            SourcePos::Text {
                line: 40,
                column: 1,
            },
        );
        map.insert(
            Pointer::row(TableId::Reviews, "行政复议"),
            SourcePos::Text {
                line: 44,
                column: 1,
            },
        );
        let cell = |row: &str| Pointer::row(TableId::Reviews, row).child("总计");
        let pos = map.lookup(&cell("行政复议")).unwrap();
        assert_eq!(pos.line(), Some(44));
        let pos = map.lookup(&cell("行政诉讼/复议后起诉")).unwrap();
        assert_eq!(pos.line(), Some(40));
        let body = Pointer::paragraph(crate::TextPart::Body(SectionId::Overview), 0);
        assert_eq!(map.lookup(&body), None);
    }
}

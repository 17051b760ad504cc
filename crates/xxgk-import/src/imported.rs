//! An imported report: the report, where its parts came from, and how it was read.

use xxgk_model::schema::TableId;
use xxgk_model::{Pointer, Report, SectionId, SourceMap, SourcePos};

use crate::{ImportNote, InputKind};

/// An imported report.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Imported {
    /// The report.
    pub report: Report,
    /// Where each part came from: JSON Pointer → position in the file (every cell,
    /// heading, paragraph, table, row and metadata field found; for a TOML model
    /// file, the line and column of each key; nothing for a JSON model file).
    pub source: SourceMap,
    /// Every tolerance and every unreadable thing, with its position.
    pub notes: Vec<ImportNote>,
    /// What the input was read as.
    pub kind: InputKind,
    /// The decoded text of a text, HTML or model file (a PDF's extracted text),
    /// for showing source lines.
    pub source_text: Option<String>,
}

impl Imported {
    /// The tables the file prints that were not read in full: a note whose code
    /// leaves a table unread ([`NoteCode::leaves_table_unread`](crate::NoteCode::leaves_table_unread): values that could
    /// not be placed in the table's rows and columns, a table a conversion left
    /// out) names the table by its pointer, or else by its position (the section
    /// whose heading comes before it). Their missing cells are gaps of the
    /// reading, not of the report: pass them to `xxgk_rules::CheckOptions::unread`.
    pub fn unread_tables(&self) -> Vec<TableId> {
        let mut out: Vec<TableId> = Vec::new();
        for note in self.notes.iter().filter(|n| n.code.leaves_table_unread()) {
            let table = match &note.pointer {
                Some(pointer) => pointer.table_id(),
                None => note.pos.and_then(|pos| self.section_before(pos)),
            };
            if let Some(t) = table.filter(|t| !out.contains(t)) {
                out.push(t);
            }
        }
        out.sort_by_key(|t| TableId::ALL.iter().position(|a| a == t));
        out
    }

    /// The sections the report lacks that the file may print (no heading was
    /// found at all, or a paragraph prints the section's heading inside its
    /// text: note [`NoteCode::SectionUnfound`](crate::NoteCode::SectionUnfound),
    /// pointing at `/sections` or at the section). Their absence is a gap of the
    /// reading, not necessarily of the report: pass them to
    /// `xxgk_rules::CheckOptions::unfound`.
    pub fn unfound_sections(&self) -> Vec<SectionId> {
        let notes: Vec<&Pointer> = self
            .notes
            .iter()
            .filter(|n| n.code == crate::NoteCode::SectionUnfound)
            .filter_map(|n| n.pointer.as_ref())
            .collect();
        let all = Pointer::root().child("sections");
        SectionId::ALL
            .into_iter()
            .filter(|id| {
                // `/sections`: no heading found, every section the report lacks.
                let every = notes.contains(&&all) && self.report.sections.get(*id).is_none();
                every || notes.contains(&&Pointer::section(*id))
            })
            .collect()
    }

    /// The table of the section whose heading is the last one before a text
    /// position (none when that section has no table).
    fn section_before(&self, pos: SourcePos) -> Option<TableId> {
        let SourcePos::Text { line, .. } = pos else {
            return None;
        };
        SectionId::ALL
            .into_iter()
            .filter_map(|id| {
                let at = self.source.get(&Pointer::heading(id))?;
                match at {
                    SourcePos::Text { line: l, .. } if l <= line => Some((l, id)),
                    _ => None,
                }
            })
            .max_by_key(|(l, _)| *l)
            .and_then(|(_, id)| id.table())
    }
}

#[cfg(test)]
mod tests {
    use xxgk_model::BodyKind;

    use super::*;
    use crate::NoteCode;

    fn note(code: NoteCode, line: u32, pointer: Option<Pointer>) -> ImportNote {
        ImportNote {
            code,
            message: String::new(),
            pos: Some(SourcePos::Text { line, column: 1 }),
            pointer,
        }
    }

    /// A note that leaves a table unread names it by its pointer, or else by the
    /// section it stands in; other notes name none.
    #[test]
    fn unread_tables_by_pointer_or_position() {
        let mut source = SourceMap::new();
        for (id, line) in [(SectionId::Proactive, 10), (SectionId::Applications, 20)] {
            source.insert(Pointer::heading(id), SourcePos::Text { line, column: 1 });
        }
        let imported = |notes| Imported {
            report: Report::blank("某某局", 2025, BodyKind::Department).unwrap(),
            source: source.clone(),
            notes,
            kind: InputKind::Text,
            source_text: None,
        };
        let reviews = Pointer::row(TableId::Reviews, "行政复议");
        let read = imported(vec![
            note(NoteCode::ValuesMissing, 30, Some(reviews)),
            note(NoteCode::RowUnlabelled, 12, None),
            note(
                NoteCode::CellUnreadable,
                22,
                Some(Pointer::table(TableId::Applications)),
            ),
        ]);
        assert_eq!(read.unread_tables(), [TableId::Proactive, TableId::Reviews]);
        let omitted = imported(vec![note(NoteCode::TableOmitted, 25, None)]);
        assert_eq!(omitted.unread_tables(), [TableId::Applications]);
    }
}

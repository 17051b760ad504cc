//! The public entry point: any file the importer reads → a report with its
//! source map and notes.

use xxgk_model::schema::TableId;
use xxgk_model::{BodyKind, Pointer, Report, SectionId, SourceMap, SourcePos};

use crate::{Document, ImportError, ImportNote, InputKind};

/// What the caller knows beyond the file's content: `ImportOptions::default()`,
/// then the setters.
///
/// ```
/// use xxgk_import::ImportOptions;
/// use xxgk_model::BodyKind;
///
/// let options = ImportOptions::default()
///     .file_name("报告.txt")
///     .year(2025)
///     .kind(BodyKind::Department);
/// assert_eq!(options.year, Some(2025));
/// ```
///
/// It cannot be written as a struct literal (a field may be added):
///
/// ```compile_fail
/// let options = xxgk_import::ImportOptions {
///     file_name: None,
///     year: None,
///     kind: None,
///     agency: None,
/// };
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportOptions {
    /// The file's name (its extension helps tell a model file from a report).
    pub file_name: Option<String>,
    /// The report year, overriding what the title says.
    pub year: Option<i32>,
    /// The kind of body, overriding what the agency's name suggests.
    pub kind: Option<BodyKind>,
    /// The issuing body, overriding what the title says.
    pub agency: Option<String>,
}

impl ImportOptions {
    /// The file's name.
    #[must_use]
    pub fn file_name(mut self, name: impl Into<String>) -> ImportOptions {
        self.file_name = Some(name.into());
        self
    }

    /// The report year, overriding what the title says.
    #[must_use]
    pub fn year(mut self, year: i32) -> ImportOptions {
        self.year = Some(year);
        self
    }

    /// The kind of body, overriding what the agency's name suggests.
    #[must_use]
    pub fn kind(mut self, kind: BodyKind) -> ImportOptions {
        self.kind = Some(kind);
        self
    }

    /// The issuing body, overriding what the title says.
    #[must_use]
    pub fn agency(mut self, agency: impl Into<String>) -> ImportOptions {
        self.agency = Some(agency.into());
        self
    }
}

/// An imported report.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Imported {
    /// The report.
    pub report: Report,
    /// Where each part came from: JSON Pointer → position in the file (every cell,
    /// heading, paragraph, table, row and metadata field found).
    pub source: SourceMap,
    /// Every tolerance and every unreadable thing, with its position.
    pub notes: Vec<ImportNote>,
    /// What the input was read as.
    pub kind: InputKind,
    /// The decoded text of a text or HTML file, for showing source lines.
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

/// Reads a published report — text, an HTML page, a Word `.docx` file — or a model
/// file (TOML/JSON) into the model.
///
/// Returns `Err` only when the input is not an annual report at all, is a PDF
/// file (to be turned into text first, e.g. with `pdftotext -layout`), or is a
/// broken Word file or model file; everything else that cannot be read exactly
/// is said in [`Imported::notes`].
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    import_with_document(bytes, options).map(|(imported, _)| imported)
}

/// Like [`import`], and also gives the [`Document`] the front end read (`None` for
/// model files): the paragraphs and cells the source map's positions name, for
/// showing a Word file's cell or paragraph where a text file would show its line.
///
/// ```
/// use xxgk_import::{DocBlock, ImportOptions, import_with_document};
///
/// let text = "某某县水利局2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息120条。\n";
/// let (imported, doc) = import_with_document(text.as_bytes(), &ImportOptions::default()).unwrap();
/// assert_eq!(imported.report.meta.year, 2025);
/// let doc = doc.unwrap();
/// assert!(matches!(&doc.blocks[0], DocBlock::Para(p) if p.text.starts_with("某某县")));
/// ```
pub fn import_with_document(
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<(Imported, Option<Document>), ImportError> {
    if crate::is_pdf(bytes) {
        return Err(ImportError::Unreadable(
            "这是 PDF 文件，不能直接导入；请先转为文本，例如 pdftotext -layout 报告.pdf 报告.txt（poppler-utils），再导入该文本文件".into(),
        ));
    }
    let (kind, decoded) = crate::front::sniff_kind(bytes, options.file_name.as_deref());
    match kind {
        InputKind::ModelToml | InputKind::ModelJson => Ok((read_model(bytes, kind)?, None)),
        InputKind::LongCsv => {
            let decoded = decoded.unwrap_or_else(|| crate::decode(bytes));
            Ok((crate::long_csv::read(&decoded.text, options)?, None))
        }
        _ => {
            let doc = crate::front::read_document(bytes, kind, decoded)?;
            let imported = from_document(&doc, options)?;
            Ok((imported, Some(doc)))
        }
    }
}

/// Interprets a document a front end produced.
pub fn from_document(doc: &Document, options: &ImportOptions) -> Result<Imported, ImportError> {
    let out = crate::interp::interpret(doc, options)?;
    Ok(Imported {
        report: out.report,
        source: out.source,
        notes: out.notes,
        kind: doc.kind,
        source_text: doc.source_text.clone(),
    })
}

fn read_model(bytes: &[u8], kind: InputKind) -> Result<Imported, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| ImportError::InvalidModel(crate::model_file::utf8_error(bytes, e)))?;
    let report: Report = if kind == InputKind::ModelJson {
        crate::model_file::from_json(text)
    } else {
        crate::model_file::from_toml(text)
    }
    .map_err(ImportError::InvalidModel)?;
    let notes = crate::model_file::count_unit_notes(text, kind == InputKind::ModelJson);
    Ok(Imported {
        report,
        source: SourceMap::new(),
        notes,
        kind,
        source_text: Some(text.to_owned()),
    })
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

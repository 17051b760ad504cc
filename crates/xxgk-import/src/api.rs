//! The public entry point: any file the importer reads → a report with its
//! source map and notes.

use xxgk_model::schema::TableId;
use xxgk_model::{BodyKind, Report, SectionId, SourceMap, SourcePos};

use crate::{Document, ImportError, ImportNote, InputKind};

/// What the caller knows beyond the file's content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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

/// An imported report.
#[derive(Debug, Clone, PartialEq)]
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

/// Notes saying that values the file prints in a table were not read into it.
const UNREAD: &[&str] = &[
    "values-unplaced",
    "values-missing",
    "values-extra",
    "row-unlabelled",
];

impl Imported {
    /// The tables the file prints that were not read in full: a note says that
    /// values of the table could not be placed in its rows and columns, or that a
    /// conversion left the table out (`table-omitted`, placed in the section whose
    /// heading comes before it). Their missing cells are gaps of the reading, not
    /// of the report: pass them to `xxgk_rules::CheckOptions::unread`.
    pub fn unread_tables(&self) -> Vec<TableId> {
        let mut out: Vec<TableId> = Vec::new();
        for note in &self.notes {
            let table = if UNREAD.contains(&note.code) {
                note.pointer.as_deref().and_then(table_of)
            } else if note.code == "table-omitted" {
                note.pos.and_then(|pos| self.section_before(pos))
            } else {
                None
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
    /// text: note `section-unfound`, pointing at `/sections` or at the section). Their absence is a gap of the reading,
    /// not necessarily of the report: pass them to
    /// `xxgk_rules::CheckOptions::unfound`.
    pub fn unfound_sections(&self) -> Vec<SectionId> {
        let notes: Vec<&str> = self
            .notes
            .iter()
            .filter(|n| n.code == "section-unfound")
            .filter_map(|n| n.pointer.as_deref())
            .collect();
        SectionId::ALL
            .into_iter()
            .filter(|id| {
                // `/sections`: no heading found, every section the report lacks.
                let all = notes.contains(&"/sections") && self.report.sections.get(*id).is_none();
                all || notes.contains(&format!("/sections/{}", id.key()).as_str())
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
                let at = self
                    .source
                    .get(&format!("/sections/{}/heading", id.key()))?;
                match at {
                    SourcePos::Text { line: l, .. } if l <= line => Some((l, id)),
                    _ => None,
                }
            })
            .max_by_key(|(l, _)| *l)
            .and_then(|(_, id)| id.table())
    }
}

/// The table a JSON Pointer lies in (`/sections/applications/table/…`).
fn table_of(pointer: &str) -> Option<TableId> {
    let mut parts = pointer.split('/').skip(1);
    let (Some("sections"), Some(key), Some("table")) = (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    TableId::ALL.into_iter().find(|t| t.section().key() == key)
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
    Ok(Imported {
        report,
        source: SourceMap::new(),
        notes: Vec::new(),
        kind,
        source_text: Some(text.to_owned()),
    })
}

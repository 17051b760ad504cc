//! A report file read: the report, where each part of it is in the file, how it
//! was read, and what each position of the file shows.

use std::path::Path;

use xxgk_import::{ImportNote, ImportOptions, InputKind, import_with_document};
use xxgk_model::schema::TableId;
use xxgk_model::{Report, SectionId, SourceMap};

use crate::Error;
use crate::source_view::SourceView;

/// A report file read: any file the importer reads (a published page, text, Word
/// or PDF file, a model file, the CSV of cells), with everything needed to point
/// into it. Independent of every other file, and `Send`, so that files can be read
/// on several threads.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ReportFile {
    /// The file's name as messages give it (a path as the user typed it).
    pub name: String,
    /// The report.
    pub report: Report,
    /// Where each part came from: the importer's map for a published report, the
    /// line and column of each key for a TOML model file, nothing for a JSON
    /// model file.
    pub source: SourceMap,
    /// How the import went: tolerances and unreadable parts, with positions.
    pub notes: Vec<ImportNote>,
    /// What the file was read as ([`InputKind::Pdf`] for a PDF, read through its
    /// extracted text).
    pub kind: InputKind,
    /// The tables the file prints that were not read in full
    /// ([`xxgk_import::Imported::unread_tables`]): their missing cells are gaps of
    /// the reading, not of the report.
    pub unread: Vec<TableId>,
    /// The sections the file may print that the reading could not tell apart
    /// ([`xxgk_import::Imported::unfound_sections`]): reported once as unread
    /// (S012), never as missing.
    pub unfound: Vec<SectionId>,
    /// What the file holds at each position.
    pub(crate) view: SourceView,
}

impl ReportFile {
    /// Reads a file: `bytes` as read, `name` as messages should give it (its
    /// extension, if any, helps tell a model file). The year, kind and agency of
    /// `options` apply to a published report; for a model file they are an error
    /// ([`Error::OverridesForModelFile`]).
    pub fn read(bytes: &[u8], name: &str, options: &ImportOptions) -> Result<ReportFile, Error> {
        let mut options = options.clone();
        options.file_name = Path::new(name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        let overridden =
            options.year.is_some() || options.kind.is_some() || options.agency.is_some();
        let (imported, doc) = import_with_document(bytes, &options)?;
        let kind = imported.kind;
        if matches!(kind, InputKind::ModelToml | InputKind::ModelJson) && overridden {
            return Err(Error::OverridesForModelFile);
        }
        let unread = imported.unread_tables();
        let unfound = imported.unfound_sections();
        let view = match (kind, doc, imported.source_text) {
            (InputKind::Docx, Some(doc), _) => SourceView::word(&doc),
            (InputKind::Pdf, _, Some(text)) => SourceView::PdfText(text.into()),
            (_, _, Some(text)) => SourceView::Lines(text.into()),
            _ => SourceView::Nothing,
        };
        Ok(ReportFile {
            name: name.to_owned(),
            report: imported.report,
            source: imported.source,
            notes: imported.notes,
            kind,
            unread,
            unfound,
            view,
        })
    }

    /// The text of a text, HTML, model or PDF file, as it was read (decoded; a
    /// PDF's extracted text); `None` for a Word file.
    pub fn source_text(&self) -> Option<&str> {
        self.view.text()
    }

    /// How the input was read, as the JSON envelope names it: `text`, `html`,
    /// `docx`, `pdf`, `toml`, `json`, `csv`.
    pub fn input_name(&self) -> &'static str {
        self.kind.as_str()
    }

    /// How a published report was read, in words (`从网页导入` …); `None` for
    /// model files.
    pub fn read_as(&self) -> Option<&'static str> {
        match self.kind {
            InputKind::Pdf => {
                Some("从 PDF 导入：读的是 pdftotext -layout 提取的文字，行号、列号指该文字")
            }
            InputKind::Text => Some("从文本导入"),
            InputKind::Html => Some("从网页导入"),
            InputKind::Docx => Some("从 Word 文件导入"),
            InputKind::LongCsv => {
                Some("从 CSV 读入：只含表格，各部分的标题、正文和日期不在其中，未作检查")
            }
            _ => None,
        }
    }
}

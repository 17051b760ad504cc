//! Reading any file the importer reads: a published report (text, HTML page, Word
//! file) or a model file (TOML/JSON), with its source map, what to show at each
//! position, and the import notes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use xxgk_import::{ImportNote, ImportOptions, InputKind, import_with_document};
use xxgk_model::schema::TableId;
use xxgk_model::{Report, SourceMap, SourcePos};

use crate::cmd::init::Kind;
use crate::source_view::SourceView;
use crate::toml_source;

/// What the user may say about a published report instead of what it says about
/// itself; shared by every command that reads one.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct Overrides {
    /// 报告年度，覆盖从标题读出的年度（用于网页、文本和 Word 文件）。
    #[arg(long)]
    year: Option<i32>,
    /// 机关类别，覆盖按机关名称推断的类别（用于网页、文本和 Word 文件）。
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// 发布机关，覆盖从标题读出的机关名称（用于网页、文本和 Word 文件）。
    #[arg(long)]
    agency: Option<String>,
}

impl Overrides {
    fn options(&self) -> ImportOptions {
        ImportOptions {
            file_name: None,
            year: self.year,
            kind: self.kind.map(Into::into),
            agency: self.agency.clone(),
        }
    }

    fn is_empty(&self) -> bool {
        self.year.is_none() && self.kind.is_none() && self.agency.is_none()
    }
}

/// A report loaded from a file, with everything needed to point into that file.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    /// The file as given.
    pub(crate) path: PathBuf,
    /// The report.
    pub(crate) report: Report,
    /// Where each part came from: the importer's map for a published report, the
    /// line of each key for a TOML model file, nothing for a JSON model file.
    pub(crate) source: SourceMap,
    /// How the import went: tolerances and unreadable parts, with positions.
    pub(crate) notes: Vec<ImportNote>,
    /// What the file holds at each position.
    pub(crate) view: SourceView,
    /// What the file was read as.
    pub(crate) kind: InputKind,
    /// Tables the file prints that were not read in full (from the notes).
    pub(crate) unread: Vec<TableId>,
}

/// Reads a file as it says it is.
pub(crate) fn load(path: &Path) -> Result<Loaded> {
    load_with(path, &Overrides::default())
}

/// Reads a file; the overrides apply to a published report, and are refused for
/// a model file (its `[meta]` says what they would).
pub(crate) fn load_with(path: &Path, overrides: &Overrides) -> Result<Loaded> {
    let bytes = fs::read(path).with_context(|| format!("无法读取 {}", path.display()))?;
    let mut options = overrides.options();
    options.file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let (imported, doc) = import_with_document(&bytes, &options)
        .with_context(|| format!("{} 无法导入", path.display()))?;
    let kind = imported.kind;
    let unread = imported.unread_tables();
    let model = matches!(kind, InputKind::ModelToml | InputKind::ModelJson);
    if model && !overrides.is_empty() {
        bail!(
            "{} 是模型文件，年度、机关类别和机关名称写在它的 [meta] 中；--year、--kind、--agency 只用于网页、文本和 Word 文件",
            path.display()
        );
    }
    // A TOML model file maps each key to its line, so that a preparer sees the
    // line to edit.
    let source = match (kind, imported.source_text.as_deref()) {
        (InputKind::ModelToml, Some(text)) => toml_source::source_map(text).unwrap_or_default(),
        _ => imported.source,
    };
    let view = match (kind, doc, imported.source_text) {
        (InputKind::Docx, Some(doc), _) => SourceView::word(&doc),
        (_, _, Some(text)) => SourceView::Lines(text),
        _ => SourceView::Nothing,
    };
    Ok(Loaded {
        path: path.to_owned(),
        report: imported.report,
        source,
        notes: imported.notes,
        view,
        kind,
        unread,
    })
}

/// Where a position is, as a user types it: `file:line:column` for text and HTML,
/// `file:第N段` or `file:第T个表格第R行第C格` for Word files.
pub(crate) fn location(path: &str, pos: Option<SourcePos>) -> String {
    match pos {
        Some(SourcePos::Text { line, column }) => format!("{path}:{line}:{column}"),
        Some(other) => format!("{path}:{other}"),
        None => path.to_owned(),
    }
}

impl Loaded {
    /// The path as the user gave it, for messages.
    pub(crate) fn name(&self) -> String {
        self.path.display().to_string()
    }

    /// The import notes, one per line: `file:line:column: 导入说明[code]：message`.
    pub(crate) fn notes_text(&self) -> String {
        let name = self.name();
        let mut out = String::new();
        for n in &self.notes {
            let _ = writeln!(
                out,
                "{}: 导入说明[{}]：{}",
                location(&name, n.pos),
                n.code,
                n.message
            );
        }
        out
    }
}

/// How the input was read, as the JSON output names it.
pub(crate) fn kind_name(kind: InputKind) -> &'static str {
    match kind {
        InputKind::Text => "text",
        InputKind::Html => "html",
        InputKind::Docx => "docx",
        InputKind::ModelToml => "toml",
        InputKind::ModelJson => "json",
    }
}

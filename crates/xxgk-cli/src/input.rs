//! Reading any file the importer reads: a published report (text, HTML page, Word
//! file) or a model file (TOML/JSON), with its source map and import notes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use xxgk_import::{ImportNote, ImportOptions, InputKind, import};
use xxgk_model::{Report, SourceMap, SourcePos};

/// A report loaded from a file, with everything needed to point into that file.
#[derive(Debug, Clone)]
#[allow(
    dead_code,
    reason = "the source map, text and kind are for check and render, wired next"
)]
pub(crate) struct Loaded {
    /// The file as given.
    pub(crate) path: PathBuf,
    /// The report.
    pub(crate) report: Report,
    /// Where each part came from (empty for model files).
    pub(crate) source: SourceMap,
    /// How the import went: tolerances and unreadable parts, with positions.
    pub(crate) notes: Vec<ImportNote>,
    /// The decoded text of a text or HTML file (or a model file), for showing lines.
    pub(crate) source_text: Option<String>,
    /// What the file was read as.
    pub(crate) kind: InputKind,
}

/// Reads a file with default options.
#[allow(
    dead_code,
    reason = "check and render will load any input through this"
)]
pub(crate) fn load(path: &Path) -> Result<Loaded> {
    load_with(path, ImportOptions::default())
}

/// Reads a file; `options.file_name` is set from the path.
pub(crate) fn load_with(path: &Path, mut options: ImportOptions) -> Result<Loaded> {
    let bytes = fs::read(path).with_context(|| format!("无法读取 {}", path.display()))?;
    options.file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let imported =
        import(&bytes, &options).with_context(|| format!("{} 无法导入", path.display()))?;
    Ok(Loaded {
        path: path.to_owned(),
        report: imported.report,
        source: imported.source,
        notes: imported.notes,
        source_text: imported.source_text,
        kind: imported.kind,
    })
}

/// Where a position is, as a user types it: `file:line:column` for text and HTML,
/// `file:第N段` or `file:第T个表格第R行第C格` for Word files.
pub(crate) fn location(path: &Path, pos: Option<SourcePos>) -> String {
    match pos {
        Some(SourcePos::Text { line, column }) => format!("{}:{line}:{column}", path.display()),
        Some(other) => format!("{}:{other}", path.display()),
        None => path.display().to_string(),
    }
}

impl Loaded {
    /// The import notes, one per line: `file:line:column: 导入说明[code]：message`.
    pub(crate) fn notes_text(&self) -> String {
        let mut out = String::new();
        for n in &self.notes {
            let _ = writeln!(
                out,
                "{}: 导入说明[{}]：{}",
                location(&self.path, n.pos),
                n.code,
                n.message
            );
        }
        out
    }
}

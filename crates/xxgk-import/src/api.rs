//! The public entry point: any file the importer reads → a report with its
//! source map and notes.

use xxgk_model::{Report, SourceMap};

use crate::{Document, ImportError, ImportOptions, Imported, InputKind};

/// Reads a published report — text, an HTML page, a Word `.docx` file — or a model
/// file (TOML/JSON) into the model.
///
/// A PDF file is read through the text the options' extractor gives
/// ([`ImportOptions::pdf_extractor`]); without one it is refused.
///
/// Returns `Err` only when the input is not an annual report at all, is a PDF
/// file that gave no text ([`crate::PdfError`]: no extractor, a scan, a broken
/// file), or is a broken Word file or model file; everything else that cannot be
/// read exactly is said in [`Imported::notes`].
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    if crate::is_pdf(bytes) {
        return import_with_document(bytes, options).map(|(imported, _)| imported);
    }
    // The document is not kept: its source text moves into the result instead of
    // being copied (one copy of the input fewer at the peak).
    import_unpacked(bytes, options, Keep::Imported).map(|(imported, _)| imported)
}

/// Who keeps the decoded source text when the document goes with the result.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Both the result and the document returned beside it (a copy).
    Both,
    /// The result only: the document is dropped.
    Imported,
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
        let text = crate::pdf::extract(bytes, options.extractor())?;
        // The text's positions are the PDF's; the file's name says nothing of
        // the text's form.
        let mut options = options.clone();
        options.file_name = None;
        let (mut imported, doc) = import_unpacked(text.as_bytes(), &options, Keep::Both)?;
        imported.kind = InputKind::Pdf;
        return Ok((imported, doc));
    }
    import_unpacked(bytes, options, Keep::Both)
}

/// Reads what is not a PDF file (or a PDF's text).
fn import_unpacked(
    bytes: &[u8],
    options: &ImportOptions,
    keep: Keep,
) -> Result<(Imported, Option<Document>), ImportError> {
    let (kind, decoded) = crate::front::sniff_kind(bytes, options.file_name.as_deref());
    match kind {
        InputKind::ModelToml | InputKind::ModelJson => Ok((read_model(bytes, kind)?, None)),
        InputKind::LongCsv => {
            let decoded = decoded.unwrap_or_else(|| crate::decode(bytes));
            Ok((crate::long_csv::read(&decoded.text, options)?, None))
        }
        _ => {
            let mut doc = crate::front::read_document(bytes, kind, decoded, options.text_limit())?;
            let mut imported = interpret(&doc, options)?;
            imported.source_text = match keep {
                Keep::Both => doc.source_text.clone(),
                Keep::Imported => doc.source_text.take(),
            };
            Ok((imported, Some(doc)))
        }
    }
}

/// Interprets a document a front end produced.
pub fn from_document(doc: &Document, options: &ImportOptions) -> Result<Imported, ImportError> {
    let mut imported = interpret(doc, options)?;
    imported.source_text.clone_from(&doc.source_text);
    Ok(imported)
}

/// The document interpreted, without its source text.
fn interpret(doc: &Document, options: &ImportOptions) -> Result<Imported, ImportError> {
    let out = crate::interp::interpret(doc, options)?;
    Ok(Imported {
        report: out.report,
        source: out.source,
        notes: out.notes,
        kind: doc.kind,
        source_text: None,
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
    // A TOML model file maps each key to its line, so that a preparer sees the
    // line to edit.
    let source = match kind {
        InputKind::ModelToml => crate::model_file::source_map(text).unwrap_or_default(),
        _ => SourceMap::new(),
    };
    Ok(Imported {
        report,
        source,
        notes,
        kind,
        source_text: Some(text.to_owned()),
    })
}

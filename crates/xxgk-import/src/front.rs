//! Choosing and running the front end for an input.

use crate::sniff::sniff_text;
use crate::{
    Decoded, Document, ImportError, InputKind, decode, read_docx, read_html, read_text_within,
};

/// What an input is, and its decoded text when it is text: a Word file by its
/// zip or OLE signature, a model file by its extension (`.toml`, `.json`), anything
/// else by its decoded content (`sniff_text`). The text is decoded once.
pub(crate) fn sniff_kind(bytes: &[u8], file_name: Option<&str>) -> (InputKind, Option<Decoded>) {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return (InputKind::Docx, None);
    }
    let ext = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("toml") => return (InputKind::ModelToml, None),
        Some("json") => return (InputKind::ModelJson, None),
        _ => {}
    }
    let decoded = decode(bytes);
    (sniff_text(&decoded.text), Some(decoded))
}

/// Runs the front end for a kind of input (not for model files).
pub(crate) fn read_document(
    bytes: &[u8],
    kind: InputKind,
    decoded: Option<Decoded>,
    text_limit: usize,
) -> Result<Document, ImportError> {
    if kind == InputKind::Docx {
        return read_docx(bytes);
    }
    let decoded = decoded.unwrap_or_else(|| decode(bytes));
    let mut doc = if kind == InputKind::Html {
        read_html(&decoded.text)
    } else {
        read_text_within(&decoded.text, text_limit)
    };
    let mut notes = decoded.notes;
    notes.append(&mut doc.notes);
    doc.notes = notes;
    Ok(doc)
}

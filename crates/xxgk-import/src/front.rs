//! Choosing and running the front end for an input.

use crate::{Document, ImportError, InputKind, decode, read_html, read_text, sniff};

/// What an input is: a model file by its extension (`.toml`, `.json`), anything
/// else by its content ([`sniff`]).
pub(crate) fn sniff_kind(bytes: &[u8], file_name: Option<&str>) -> InputKind {
    let ext = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("toml") => InputKind::ModelToml,
        Some("json") => InputKind::ModelJson,
        _ => sniff(bytes),
    }
}

/// Runs the front end for a kind of input (not for model files).
pub(crate) fn read_document(bytes: &[u8], kind: InputKind) -> Result<Document, ImportError> {
    if kind == InputKind::Docx {
        return Err(ImportError::Unreadable("暂不支持 Word 文件".into()));
    }
    let decoded = decode(bytes);
    let mut doc = if kind == InputKind::Html {
        read_html(&decoded.text)
    } else {
        read_text(&decoded.text)
    };
    let mut notes = decoded.notes;
    notes.append(&mut doc.notes);
    doc.notes = notes;
    Ok(doc)
}

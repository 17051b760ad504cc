//! Choosing and running the front end for an input.

use crate::{Document, ImportError, ImportNote, InputKind};

/// What an input is, from its content (and its file name's extension for model files).
pub(crate) fn sniff_kind(bytes: &[u8], file_name: Option<&str>) -> InputKind {
    let ext = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    if bytes.starts_with(b"PK\x03\x04") {
        return InputKind::Docx;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    let lower = head.to_ascii_lowercase();
    if ext.as_deref() == Some("json") || head.starts_with('{') && head.contains("\"meta\"") {
        return InputKind::ModelJson;
    }
    if ext.as_deref() == Some("toml") || head.lines().any(|l| l.trim() == "[meta]") {
        return InputKind::ModelToml;
    }
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.contains("<body")
        || lower.contains("<table")
        || lower.contains("<p>")
        || lower.contains("<p ")
        || lower.contains("<div")
    {
        return InputKind::Html;
    }
    InputKind::Text
}

/// Runs the front end for a kind of input.
pub(crate) fn read_document(bytes: &[u8], kind: InputKind) -> Result<Document, ImportError> {
    if kind == InputKind::Docx {
        return Err(ImportError::Unreadable("暂不支持 Word 文件".into()));
    }
    let (text, note) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_owned(), None),
        Err(_) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(ImportNote {
                code: "encoding-invalid",
                message: "文件不是有效的 UTF-8 文本，无法解码的字节以 � 代替".into(),
                pos: None,
                pointer: None,
            }),
        ),
    };
    let mut doc = crate::read_text(&text);
    doc.notes.extend(note);
    Ok(doc)
}

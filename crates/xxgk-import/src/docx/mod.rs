//! Word files (`.docx`) → [`Document`].
//!
//! The archive is opened with the `zip` crate (deflate only: that is what Word,
//! WPS and `LibreOffice` write), within limits against zip bombs: at most
//! [`MAX_ENTRIES`] entries, and the main document part read to at most
//! [`MAX_PART_BYTES`] uncompressed bytes. The main part (found through
//! `_rels/.rels`, normally `word/document.xml`) is read with `quick-xml`:
//! - a paragraph (`w:p`) is the text of its runs (`w:t`), with `w:tab` as a tab and
//!   `w:br`/`w:cr` ending a line (each line becomes a paragraph of the document);
//!   inserted text (`w:ins`) is kept, deleted text (`w:del`, `w:moveFrom`) and field
//!   instructions dropped (field results kept), content controls (`w:sdt`),
//!   hyperlinks and smart tags read through, hidden runs (`w:vanish`) skipped, and
//!   of `mc:AlternateContent` only the first choice read (text boxes would come
//!   twice otherwise); a text box's paragraphs come before the paragraph anchoring
//!   it; empty paragraphs are dropped; automatic numbering ([`numbering`]) is
//!   written in front of its paragraph as Word shows it;
//! - a table (`w:tbl`) is a [`Grid`](crate::Grid) with `w:gridSpan` and
//!   `w:vMerge` expanded (`expanded = true`; a bare `w:vMerge` under a cell in no
//!   vertical merge starts one); `w:gridBefore` leaves empty positions;
//!   a cell's paragraphs are joined with `\n` and trimmed of white space (the
//!   template fills blank cells with ideographic spaces); a table that holds another
//!   table or a cell of prose is a layout table, and its cells are read as part of
//!   the body.
//!
//! Positions: a body paragraph is [`SourcePos::DocxParagraph`] (body paragraphs
//! counted from 1, tables not counted); a cell and the paragraphs of a layout
//! table's cell are [`SourcePos::DocxCell`] (tables counted from 1 in document order,
//! nested ones included; rows from 1; the cell as its first grid column from 1); a
//! covered position takes the position of the cell covering it.

mod names;
mod numbering;
mod parse;
mod table;

use std::io::{Cursor, Read};

use xxgk_model::SourcePos;

use crate::NoteCode;
use crate::{Document, ImportError, ImportNote, InputKind};

pub use names::MAX_XML_DEPTH;

/// The most entries an archive may have.
pub const MAX_ENTRIES: usize = 10_000;

/// The most uncompressed bytes read from one part of the archive.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a Word `.docx` file into a [`Document`].
///
/// Fails with [`ImportError::Unreadable`] when the bytes are not a zip archive (an
/// old binary `.doc` or an encrypted file is named as such), the archive is damaged,
/// holds too many entries, lacks the document part, or the part exceeds the size
/// limit. XML that breaks off part way gives the part read so far, with a
/// `docx-xml-error` note.
///
/// ```
/// let err = xxgk_import::read_docx(b"not a zip").unwrap_err();
/// assert!(err.to_string().contains("不是 Word 文档"));
/// ```
pub fn read_docx(bytes: &[u8]) -> Result<Document, ImportError> {
    if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return Err(unreadable(
            "这是旧版 Word 文档（.doc）或加密的文档，无法直接读取；请在 Word 中另存为 .docx 后再导入",
        ));
    }
    if !bytes.starts_with(b"PK") {
        return Err(unreadable("不是 Word 文档（.docx）：文件不是 zip 压缩包"));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        unreadable(&format!(
            "不是完好的 Word 文档（.docx）：压缩包无法打开（{e}）"
        ))
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(unreadable(&format!(
            "压缩包中有 {} 个文件，超过上限 {MAX_ENTRIES}，疑为异常文件",
            archive.len()
        )));
    }
    let main = read_part(&mut archive, "_rels/.rels")
        .ok()
        .flatten()
        .and_then(|rels| main_part(&rels))
        .unwrap_or_else(|| "word/document.xml".to_owned());
    let xml = match read_part(&mut archive, &main)? {
        Some(xml) => xml,
        None if main != "word/document.xml" => {
            read_part(&mut archive, "word/document.xml")?.ok_or_else(no_document)?
        }
        None => return Err(no_document()),
    };
    let text = crate::decode(&xml).text;
    let mut part = |name: &str| {
        read_part(&mut archive, name)
            .ok()
            .flatten()
            .map(|b| crate::decode(&b).text)
    };
    let (numbers, styles) = (part("word/numbering.xml"), part("word/styles.xml"));
    let numbering = numbering::Numbering::read(numbers.as_deref(), styles.as_deref());
    let parsed = parse::parse_numbered(&text, numbering);
    let mut notes: Vec<ImportNote> = Vec::new();
    if let Some((error, pos)) = &parsed.error {
        if parsed.items.is_empty() {
            return Err(unreadable(&format!("{main} 无法解析：{error}")));
        }
        notes.push(ImportNote {
            code: NoteCode::DocxXmlError,
            message: format!("{main} 在{pos}之后无法解析（{error}），只读取了此前的内容"),
            pos: Some(*pos),
            pointer: None,
        });
    }
    let mut resolver = table::Resolver::default();
    let blocks = resolver.blocks(parsed.items);
    notes.extend(resolver.notes);
    Ok(Document {
        kind: InputKind::Docx,
        blocks,
        source_text: None,
        notes,
        page_meta: Vec::new(),
    })
}

/// The bytes of part `name`, `None` if the archive has no such part.
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, ImportError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(unreadable(&format!("压缩包中的 {name} 无法读取（{e}）"))),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&format!("压缩包中的 {name} 无法解压（{e}）")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(unreadable(&format!(
            "压缩包中的 {name} 解压后超过 {} MiB，疑为压缩炸弹",
            MAX_PART_BYTES / 1024 / 1024
        )));
    }
    Ok(Some(bytes))
}

/// The target of the `officeDocument` relationship in `_rels/.rels`.
fn main_part(rels: &[u8]) -> Option<String> {
    use quick_xml::events::Event;
    let text = crate::decode(rels).text;
    let mut reader = quick_xml::Reader::from_str(&text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let attr = |name: &[u8]| names::attr(&e, name);
                if attr(b"Type").is_some_and(|t| t.ends_with("/officeDocument")) {
                    return attr(b"Target").map(|t| t.trim_start_matches('/').to_owned());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

fn no_document() -> ImportError {
    unreadable("压缩包中没有 word/document.xml，不是 Word 文档（.docx）")
}

fn unreadable(message: &str) -> ImportError {
    ImportError::Unreadable(message.to_owned())
}

/// The position of cell (`row`, `col`) (from 0) of table `table` (from 1).
fn cell_pos(table: u32, row: usize, col: usize) -> SourcePos {
    SourcePos::DocxCell {
        table,
        row: u32::try_from(row + 1).unwrap_or(u32::MAX),
        cell: u32::try_from(col + 1).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests;

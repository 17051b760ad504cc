//! Word (`.docx`): a package written from scratch — the body, styles, settings,
//! fonts, a page-number footer and document properties — in the official layout:
//! A4 with GB/T 9704 margins, title in 小标宋 二号, headings in 黑体 and 楷体 三号,
//! body in 仿宋 三号 on a 28 pt line, tables in 宋体 五号 with the template's merged
//! cells. It is written for Word, WPS and `LibreOffice` (transitional
//! `WordprocessingML`, elements in schema order) and checked by converting it with
//! `LibreOffice`.
//!
//! The package is deterministic: no clock is read (every zip entry carries the zip
//! epoch, 1980-01-01), so the same report always gives the same bytes. Characters XML
//! cannot carry are written as U+FFFD.

mod body;
mod parts;

use std::io::{Cursor, Write};

use xxgk_model::Report;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use crate::RenderError;
use crate::doc::Doc;

/// Parts shorter than this many bytes are stored, not deflated (see [`to_docx`]).
const STORED_BELOW: usize = 8 * 1024;

/// The `word/document.xml` part of the report's Word file: the text to review.
pub fn docx_document_xml(report: &Report) -> String {
    body::document(&Doc::new(report))
}

/// Renders a report as a Word file (the bytes of a `.docx` package).
pub fn to_docx(report: &Report) -> Result<Vec<u8>, RenderError> {
    let doc = Doc::new(report);
    let files: [(&str, String); 10] = [
        ("[Content_Types].xml", parts::CONTENT_TYPES.to_owned()),
        ("_rels/.rels", parts::PACKAGE_RELS.to_owned()),
        ("docProps/core.xml", parts::core(report, &doc.title)),
        ("docProps/app.xml", parts::APP.to_owned()),
        ("word/document.xml", body::document(&doc)),
        (
            "word/_rels/document.xml.rels",
            parts::DOCUMENT_RELS.to_owned(),
        ),
        ("word/styles.xml", parts::styles()),
        ("word/settings.xml", parts::settings()),
        ("word/fontTable.xml", parts::font_table()),
        ("word/footer1.xml", parts::footer()),
    ];
    // Setting up a deflate stream (clearing its window and tables) costs more than
    // compressing a small part, and was most of the time of rendering: the parts
    // under a few kilobytes are stored as they are, the others deflated at the
    // fastest level (these parts are XML that any level shrinks about as much).
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in files {
        let options = if content.len() < STORED_BELOW {
            stored
        } else {
            deflated
        };
        zip.start_file(name, options)
            .map_err(|e| RenderError::Package(e.to_string()))?;
        zip.write_all(content.as_bytes())
            .map_err(|e| RenderError::Package(e.to_string()))?;
    }
    let cursor = zip
        .finish()
        .map_err(|e| RenderError::Package(e.to_string()))?;
    Ok(cursor.into_inner())
}

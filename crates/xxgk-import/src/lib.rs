//! Reads what agencies publish — text copied from pages and PDFs, HTML pages, Word
//! files, and the model's own TOML/JSON — into an [`xxgk_model::Report`], with a
//! [`xxgk_model::SourceMap`] that says where every cell, heading and paragraph came
//! from, and import notes for whatever could not be read exactly.
//!
//! Reading happens in two steps: a front end turns the input into a [`Document`]
//! (paragraphs and table grids with source positions), then the interpreter maps
//! headings, labels and cells of the document onto the official format. Rows and
//! columns are matched by their labels, never by position alone, so a missing,
//! extra or misspelt row does not shift the others.
//!
//! ```
//! use xxgk_import::{ImportOptions, import};
//! use xxgk_model::schema::TableId;
//! use xxgk_model::CellKey;
//!
//! let text = "某某县水利局2025年政府信息公开工作年度报告\n\
//!     一、总体情况\n全年主动公开信息120条。\n\
//!     四、政府信息公开行政复议、行政诉讼情况\n\
//!     行政复议\t行政诉讼\n\
//!     结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n\
//!     结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\
//!     1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";
//! let imported = import(text.as_bytes(), &ImportOptions::default()).unwrap();
//! assert_eq!(imported.report.meta.agency, "某某县水利局");
//! assert_eq!(imported.report.meta.year, 2025);
//! let key = CellKey::new(TableId::Reviews, "行政复议", "总计");
//! assert_eq!(imported.report.cell(&key).and_then(|c| c.as_count()), Some(1));
//! assert!(imported.report.sections.applications.is_none());
//! ```
//!
//! Every reader is bounded, and its cost near-linear in the input: text is read up
//! to [`MAX_TEXT_BYTES`], pages up to [`MAX_HTML_NODES`] nodes (markup nested past
//! [`MAX_HTML_DEPTH`] is flattened, tables kept), Word parts up to
//! [`MAX_PART_BYTES`] and [`MAX_XML_DEPTH`] levels, tables up to
//! [`MAX_TABLE_ROWS`] rows; a merged cell's text is held once. What a limit cuts
//! is said in a note (the workspace's `docs/limits.md` lists them all).
//!
//! A PDF file is read through its text, which an extractor gives
//! ([`ImportOptions::pdf_extractor`]): [`Pdftotext`] runs poppler's `pdftotext
//! -layout` within a time limit ([`PDFTOTEXT_TIMEOUT`]) and an output limit
//! ([`MAX_PDF_TEXT_BYTES`]); without an extractor, a PDF is refused
//! ([`PdfError::NoExtractor`]).
//!
//! Features: none; the crate depends on `xxgk-model` and does no I/O of its own:
//! it reads the bytes it is given, and runs a program only through an extractor
//! the caller passes.

mod api;
mod cell;
mod dates;
mod decode;
mod document;
mod docx;
mod error;
mod expand;
mod front;
mod html;
mod imported;
mod interp;
mod long_csv;
mod model_file;
mod normalize;
mod note;
mod note_code;
mod options;
mod patterns;
mod pdf;
mod sniff;
mod text;

pub use api::{from_document, import, import_with_document};
pub use decode::{Decoded, LineIndex, decode};
pub use document::{DocBlock, Document, Grid, GridCell, GridRow, InputKind, Para, RowForm};
pub use docx::{MAX_ENTRIES, MAX_PART_BYTES, MAX_XML_DEPTH, read_docx};
pub use error::ImportError;
pub use html::{MAX_HTML_DEPTH, MAX_HTML_NODES, MAX_HTML_TABLE_DEPTH, read_html};
pub use imported::Imported;
pub use interp::MAX_TABLE_ROWS;
pub use model_file::{ModelFileError, toml_error};
pub use note::ImportNote;
pub use note_code::{NoteClass, NoteCode, UnknownNoteCode};
pub use options::ImportOptions;
pub use pdf::{MAX_PDF_TEXT_BYTES, PDFTOTEXT_TIMEOUT, PdfError, PdfExtractor, Pdftotext};
pub use sniff::{PDF_HEADER_WINDOW, is_pdf, sniff};
pub use text::{MAX_TEXT_BYTES, read_text, read_text_within};

// The README's examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

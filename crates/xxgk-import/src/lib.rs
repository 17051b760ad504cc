//! Reads what agencies publish — text copied from pages and PDFs, HTML pages, Word
//! files, and the model's own TOML/JSON — into an [`xxgk_model::Report`], with a
//! [`xxgk_model::SourceMap`] that says where every cell, heading and paragraph came
//! from, and import notes for whatever could not be read exactly.
//!
//! Reading happens in two steps: a front end turns the input into a [`Document`]
//! (paragraphs and table grids with source positions), then the interpreter maps
//! headings, labels and cells of the document onto the official format.

mod decode;
mod document;
mod docx;
mod expand;
mod html;
mod note;
mod sniff;

pub use decode::{Decoded, LineCursor, LineIndex, PRESCAN_BYTES, decode};
pub use document::{DocBlock, Document, Grid, GridCell, GridRow, InputKind, Para};
pub use docx::{MAX_ENTRIES, MAX_PART_BYTES, read_docx};
pub use html::read_html;
pub use note::{ImportError, ImportNote};
pub use sniff::{sniff, sniff_text};

//! Plain text in the layout reports are published in when a page is copied: the
//! title, then every heading and paragraph on a line of its own, tables as one line
//! per table row with cells separated by tabs.
//!
//! By default a merged cell gives one field, in the row and column where it starts,
//! and nothing where it only extends — what a browser puts on the clipboard when a
//! published page's table is copied (the corpus's page-derived `.txt` files have this
//! shape). [`TextOptions::expand_merged`] instead writes every grid position, an
//! empty field where a merged cell extends, which keeps columns aligned when pasted
//! into a spreadsheet.
//!
//! A tab or line break inside a table cell would split the cell, so it is written
//! as a space; a paragraph holding a line break prints as two lines.

use std::fmt::Write as _;

use xxgk_model::{Block, Report};

use crate::doc::{Content, Doc};
use crate::layout::TableGrid;

/// Options of the text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct TextOptions {
    /// Write every grid position of a table, with an empty field where a merged cell
    /// extends (spreadsheet shape), instead of one field per merged cell (browser
    /// shape, the default).
    pub expand_merged: bool,
}

impl TextOptions {
    /// Whether to write every grid position of a merged cell.
    #[must_use]
    pub fn expand_merged(mut self, expand_merged: bool) -> TextOptions {
        self.expand_merged = expand_merged;
        self
    }
}

/// Renders a report as plain text.
pub fn to_text(report: &Report, options: &TextOptions) -> String {
    let doc = Doc::new(report);
    let mut out = String::new();
    line(&mut out, &doc.title);
    blocks(&mut out, doc.preamble);
    for sec in &doc.sections {
        if let Some(h) = sec.heading {
            line(&mut out, h);
        }
        for content in &sec.content {
            match content {
                Content::Block(b) => line(&mut out, b.text()),
                Content::Note(n) => line(&mut out, n),
                Content::Table(t) => table(&mut out, &t.grid, *options),
            }
        }
    }
    blocks(&mut out, doc.closing);
    out
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        line(out, b.text());
    }
}

/// A cell's text made safe for one tab-separated field.
fn field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn table(out: &mut String, grid: &TableGrid, options: TextOptions) {
    if options.expand_merged {
        for (r, row) in grid.expanded().into_iter().enumerate() {
            let fields: Vec<String> = row
                .into_iter()
                .enumerate()
                .map(|(c, cell)| match cell {
                    Some(cell) if cell.row == r && cell.column == c => field(&cell.text),
                    _ => String::new(),
                })
                .collect();
            let _ = writeln!(out, "{}", fields.join("\t"));
        }
    } else {
        for row in grid.rows() {
            let fields: Vec<String> = row.iter().map(|c| field(&c.text)).collect();
            let _ = writeln!(out, "{}", fields.join("\t"));
        }
    }
}

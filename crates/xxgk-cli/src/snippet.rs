//! How a place in the user's file is shown: `file:line:column` (with the PDF page),
//! then the line with a marker under the column, or the text of a Word paragraph
//! or cell.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;
use xxgk_model::SourcePos;

use crate::source_view::{Excerpt, SourceView};

/// Characters of a long source line shown before and after the marked column.
const WINDOW_BEFORE: usize = 30;
const WINDOW_AFTER: usize = 50;
/// Characters of a Word paragraph or cell shown, and lines of a cell.
const WORD_CHARS: usize = 80;
const WORD_LINES: usize = 3;

/// A file the report (or last year's report) was read from: its name as the user
/// gave it and what its positions show.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Source<'a> {
    /// The path as the user gave it.
    pub(crate) path: &'a str,
    /// The lines of the file, or a Word file's paragraphs and cells.
    pub(crate) view: &'a SourceView,
}

impl Source<'_> {
    /// Where a position is, as a user types it (see [`location`]), with the page
    /// for a PDF's extracted text.
    pub(crate) fn at(&self, pos: SourcePos) -> String {
        let at = location(self.path, Some(pos));
        match pos {
            SourcePos::Text { line, .. } => match self.view.page(line) {
                Some(page) => format!("{at}（PDF 第 {page} 页）"),
                None => at,
            },
            _ => at,
        }
    }
}

/// Where a position is, as a user types it: `file:line:column` for text and HTML,
/// `file:第N段` or `file:第T个表格第R行第C格` for Word files.
pub(crate) fn location(path: &str, pos: Option<SourcePos>) -> String {
    match pos {
        Some(SourcePos::Text { line, column }) => format!("{path}:{line}:{column}"),
        Some(other) => format!("{path}:{other}"),
        None => path.to_owned(),
    }
}

/// Where a position is, then what the file holds there: the line with a marker
/// under the column, or the text of a Word paragraph or cell.
pub(crate) fn snippet(out: &mut String, pos: SourcePos, src: Source<'_>) {
    let _ = writeln!(out, "    --> {}", src.at(pos));
    match src.view.excerpt(pos) {
        Some(Excerpt::Line {
            number,
            text,
            column,
        }) => line(out, number, text, column),
        Some(Excerpt::Word(text)) => word(out, text),
        None => {}
    }
}

/// A line of the file, cut to a window around the column when it is long (a
/// minified HTML page is one line), with a marker under the column. Marker
/// columns count display width: CJK characters take two.
pub(crate) fn line(out: &mut String, number: u32, text: &str, column: u32) {
    let chars: Vec<char> = text.chars().map(displayable).collect();
    let col = (column as usize).saturating_sub(1).min(chars.len());
    let start = col.saturating_sub(WINDOW_BEFORE);
    let end = (col + WINDOW_AFTER).min(chars.len());
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < chars.len() { "…" } else { "" };
    let before: String = chars[start..col].iter().collect();
    let shown: String = chars[start..end].iter().collect();
    let number = number.to_string();
    let gutter = " ".repeat(number.len());
    let indent = " ".repeat(lead.width() + before.width());
    let _ = writeln!(out, "    {gutter} |");
    let _ = writeln!(out, "    {number} | {lead}{shown}{tail}");
    let _ = writeln!(out, "    {gutter} | {indent}^");
}

/// A Word paragraph or cell: its first lines, each cut when long.
fn word(out: &mut String, text: &str) {
    let lines: Vec<&str> = text.split('\n').collect();
    for l in lines.iter().take(WORD_LINES) {
        let chars: Vec<char> = l.chars().map(displayable).collect();
        let shown: String = chars.iter().take(WORD_CHARS).collect();
        let tail = if chars.len() > WORD_CHARS { "…" } else { "" };
        if shown.is_empty() {
            let _ = writeln!(out, "      | （空）");
        } else {
            let _ = writeln!(out, "      | {shown}{tail}");
        }
    }
    if lines.len() > WORD_LINES {
        let _ = writeln!(out, "      | ……（另有 {} 行）", lines.len() - WORD_LINES);
    }
}

/// Tabs and other control characters shown as a space, so that the marker stays
/// under its column and the terminal is not driven by the file's content.
fn displayable(c: char) -> char {
    if c.is_control() { ' ' } else { c }
}

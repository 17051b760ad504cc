//! Markdown (GitHub-flavoured) that reads well on a code-hosting site: the title as
//! `#`, section headings as `##`, sub-headings as `###`, paragraphs, and tables.
//!
//! Markdown tables cannot merge cells, so each table is flattened:
//! - 表二: one table per 第二十条 item, its caption in bold above it;
//! - 表三: the 勾稽关系 note heads the label column (it describes that column), column
//!   names are label paths (`法人或其他组织/商业企业`), and row labels form an outline:
//!   a group label (`三、本年度办理结果`, `（三）不予公开`) on a line of its own with
//!   empty cells, its rows below it indented with ideographic spaces;
//! - 表四: as held in the model — one line per 行政复议 / 行政诉讼 block, the results as
//!   columns — which is far easier to read than fifteen columns in a row.
//!
//! Text is escaped so that it prints literally: ASCII punctuation Markdown would read
//! as markup gets a backslash, spaces at the edges an entity. What Markdown cannot
//! carry: a line break in a heading prints as a space, an empty line inside a
//! paragraph is left out.

use std::fmt::Write as _;

use xxgk_model::schema::TableId;
use xxgk_model::{Block, Report, Row, Table};

use crate::doc::{Content, Doc, TableContent};
use crate::layout::{PROACTIVE_LABEL_HEADER, column_order, proactive_blocks, segments};
use crate::zh;

/// Renders a report as GitHub-flavoured Markdown.
pub fn to_markdown(report: &Report) -> String {
    let doc = Doc::new(report);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", heading(&doc.title));
    blocks(&mut out, doc.preamble);
    for sec in &doc.sections {
        if let Some(h) = sec.heading {
            let _ = writeln!(out, "## {}\n", heading(h));
        }
        for content in &sec.content {
            match content {
                Content::Block(b) => block(&mut out, b),
                Content::Note(n) => paragraph(&mut out, n),
                Content::Table(t) => table(&mut out, t),
            }
        }
    }
    blocks(&mut out, doc.closing);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        block(out, b);
    }
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Heading(h) => {
            let _ = writeln!(out, "### {}\n", heading(h));
        }
        Block::Paragraph(p) => paragraph(out, p),
    }
}

/// The lines of a text as Markdown can carry them: a carriage return read as a line
/// end (as Markdown reads it), empty lines left out (one would end a paragraph).
fn lines(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split(['\n', '\r'])
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn paragraph(out: &mut String, text: &str) {
    // A line break inside a paragraph stays a line break (a backslash hard break); a
    // paragraph of nothing but line breaks prints nothing.
    let lines: Vec<String> = lines(text).iter().map(|l| line_start(l)).collect();
    if !lines.is_empty() {
        let _ = writeln!(out, "{}\n", lines.join("\\\n"));
    }
}

/// A heading's text: on one line (its lines joined by a space, as Markdown headings
/// cannot break), escaped, edge spaces kept.
fn heading(text: &str) -> String {
    inline_kept(&lines(text).join(" "))
}

/// Escapes ASCII punctuation that Markdown reads as inline markup; characters XML
/// cannot carry (NUL among them, which Markdown readers replace anyway) become
/// U+FFFD as in the HTML and Word output.
pub(crate) fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::escape::xml_safe_chars(text) {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Spaces and tabs at either end of a text as character references: Markdown drops
/// them from headings, paragraph lines and table cells, and reads leading ones as
/// indentation (four make a code block).
fn edges(text: &str) -> (String, &str, String) {
    let refs = |s: &str| {
        s.chars()
            .map(|c| if c == '\t' { "&#9;" } else { "&#32;" })
            .collect::<String>()
    };
    let is_blank = |c: char| c == ' ' || c == '\t';
    let inner = text.trim_matches(is_blank);
    let start = text.len() - text.trim_start_matches(is_blank).len();
    let end = start + inner.len();
    (refs(&text[..start]), inner, refs(&text[end..]))
}

/// Inline escapes with the text's edge spaces kept.
fn inline_kept(text: &str) -> String {
    let (lead, inner, trail) = edges(text);
    format!("{lead}{}{trail}", inline(inner))
}

/// Escapes one line of a paragraph: inline markup, edge spaces, and what would start
/// a block (a list marker, a setext underline, an ordered-list number).
fn line_start(line: &str) -> String {
    let (lead, trimmed, trail) = edges(line);
    let mut out = lead;
    let escaped = inline(trimmed);
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let after_digits = &trimmed[digits..];
    if matches!(trimmed.chars().next(), Some('+' | '-' | '=')) {
        out.push('\\');
        out.push_str(&escaped);
    } else if digits > 0
        && [".", ")"].iter().any(|m| {
            after_digits
                .strip_prefix(m)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        })
    {
        out.push_str(&escaped[..digits]);
        out.push('\\');
        out.push_str(&escaped[digits..]);
    } else {
        out.push_str(&escaped);
    }
    out.push_str(&trail);
    out
}

/// A table cell: inline escapes, edge spaces kept, line breaks as `<br>` (a line
/// end would end the table row), empty lines left out as in paragraphs.
fn cell(text: &str) -> String {
    lines(text)
        .iter()
        .map(|l| inline_kept(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    out.push('|');
    for c in cells {
        let _ = write!(out, " {c} |");
    }
    out.push('\n');
}

fn alignment(out: &mut String, values: usize) {
    out.push_str("| :--- |");
    for _ in 0..values {
        out.push_str(" :---: |");
    }
    out.push('\n');
}

fn table(out: &mut String, t: &TableContent<'_>) {
    match t.id {
        TableId::Proactive => proactive(out, t.table),
        TableId::Applications => {
            let note = t.note.unwrap_or(xxgk_model::schema::applications::NOTE);
            outline(out, t.table, note);
        }
        TableId::Reviews => outline(out, t.table, ""),
    }
}

fn proactive(out: &mut String, table: &Table) {
    for block in proactive_blocks(table) {
        if let Some(caption) = block.caption {
            let _ = writeln!(out, "**{}**\n", inline(caption.trim()));
        }
        let columns = &block.columns;
        row(
            out,
            std::iter::once(cell(PROACTIVE_LABEL_HEADER)).chain(columns.iter().map(|c| cell(c))),
        );
        alignment(out, columns.len());
        for (item, r) in &block.rows {
            row(
                out,
                std::iter::once(cell(item)).chain(columns.iter().map(|c| value(r, c))),
            );
        }
        out.push('\n');
    }
}

fn value(r: &Row, column: &str) -> String {
    r.get(column)
        .map(|c| cell(&zh::cell(c)))
        .unwrap_or_default()
}

/// A table whose row labels are paths, as an outline: group labels on lines of
/// their own, each level indented by one ideographic space.
fn outline(out: &mut String, table: &Table, corner: &str) {
    let columns = column_order(table.rows().map(|(_, r)| r));
    row(
        out,
        std::iter::once(cell(corner)).chain(columns.iter().map(|c| cell(c))),
    );
    alignment(out, columns.len());
    let mut previous: Vec<&str> = Vec::new();
    for (label, r) in table.rows() {
        let path = segments(label);
        for level in 0..path.len().saturating_sub(1) {
            if previous.get(..=level) != path.get(..=level) {
                let group = format!("{}{}", "\u{3000}".repeat(level), cell(path[level]));
                row(
                    out,
                    std::iter::once(group).chain(columns.iter().map(|_| String::new())),
                );
            }
        }
        let depth = path.len() - 1;
        let name = format!("{}{}", "\u{3000}".repeat(depth), cell(path[depth]));
        row(
            out,
            std::iter::once(name).chain(columns.iter().map(|c| value(r, c))),
        );
        previous = path;
    }
    out.push('\n');
}

//! `word/document.xml`: the report's paragraphs and tables.
//!
//! The tables take their shape from [`crate::layout`]: `w:gridSpan` for a cell merged
//! across columns, `w:vMerge` (restart, then continue in each row below) for a cell
//! merged down rows, as the official template does. Block-level elements are written
//! one to a line with indentation, so the part reads well in a review.

use std::fmt::Write as _;

use xxgk_model::Block;

use super::parts::{FOOTER_ID, style};
use crate::doc::{Content, Doc};
use crate::escape;
use crate::layout::{CellKind, GridCell, TableGrid, title_break, title_ems};

/// A4 in twentieths of a point.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// Margins of GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
const MARGIN_TOP: u32 = 2098;
const MARGIN_BOTTOM: u32 = 1984;
const MARGIN_LEFT: u32 = 1587;
const MARGIN_RIGHT: u32 = 1474;
/// The width of the text block, 156 mm; tables fill it.
pub(crate) const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// Cell margin left and right, as the template sets it (1 mm).
const CELL_MARGIN: u32 = 57;
/// The fill of table 二's caption rows in the template.
const CAPTION_FILL: &str = "C6D9F1";

pub(crate) fn document(doc: &Doc<'_>) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
        "\n<w:body>\n"
    ));
    title(&mut out, &doc.title);
    blocks(&mut out, doc.preamble, "Normal");
    for sec in &doc.sections {
        if let Some(h) = sec.heading {
            paragraph(&mut out, style::HEADING1, h, false);
        }
        for content in &sec.content {
            match content {
                Content::Block(b) => block(&mut out, b, "Normal"),
                Content::Note(n) => paragraph(&mut out, style::NOTE, n, false),
                Content::Table(t) => table(&mut out, &t.grid),
            }
        }
    }
    // The signature (issuing body, date) stays together on one page.
    for (i, b) in doc.closing.iter().enumerate() {
        let keep = i + 1 < doc.closing.len();
        match b {
            Block::Heading(h) => paragraph(&mut out, style::HEADING2, h, keep),
            Block::Paragraph(p) => paragraph(&mut out, style::CLOSING, p, keep),
        }
    }
    let _ = write!(
        out,
        concat!(
            r#"<w:sectPr><w:footerReference w:type="default" r:id="{footer}"/>"#,
            r#"<w:pgSz w:w="{w}" w:h="{h}"/>"#,
            r#"<w:pgMar w:top="{t}" w:right="{r}" w:bottom="{b}" w:left="{l}" w:header="851" w:footer="1247" w:gutter="0"/>"#,
            r#"<w:cols w:space="425"/></w:sectPr>"#,
            "\n</w:body>\n</w:document>\n"
        ),
        footer = FOOTER_ID,
        w = PAGE_WIDTH,
        h = PAGE_HEIGHT,
        t = MARGIN_TOP,
        r = MARGIN_RIGHT,
        b = MARGIN_BOTTOM,
        l = MARGIN_LEFT,
    );
    out
}

fn blocks(out: &mut String, blocks: &[Block], paragraph_style: &str) {
    for b in blocks {
        block(out, b, paragraph_style);
    }
}

fn block(out: &mut String, b: &Block, paragraph_style: &str) {
    match b {
        Block::Heading(h) => paragraph(out, style::HEADING2, h, false),
        Block::Paragraph(p) => paragraph(out, paragraph_style, p, false),
    }
}

/// The runs of a text: line breaks (LF, CR LF or CR) as `w:br`, tabs as `w:tab`.
fn runs(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.replace("\r\n", "\n").split(['\n', '\r']).enumerate() {
        if i > 0 {
            out.push_str("<w:r><w:br/></w:r>");
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:r><w:tab/></w:r>");
            }
            if !part.is_empty() {
                let _ = write!(
                    out,
                    r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                    escape::text(part)
                );
            }
        }
    }
    out
}

fn paragraph(out: &mut String, paragraph_style: &str, text: &str, keep_next: bool) {
    let _ = writeln!(
        out,
        r#"<w:p><w:pPr><w:pStyle w:val="{paragraph_style}"/>{}</w:pPr>{}</w:p>"#,
        if keep_next { "<w:keepNext/>" } else { "" },
        runs(text)
    );
}

/// Characters of the title's size (二号, 22 pt) on one line of the text block.
const TITLE_LINE_EMS: usize = 20;

/// The title; one too long for a line is broken where an official document breaks
/// it (see [`title_break`]) rather than wherever the line runs out (`…工作年` /
/// `度报告`). The break is a line break inside the one title paragraph; no character
/// is added or dropped.
fn title(out: &mut String, title: &str) {
    let text = match title_break(title).filter(|_| title_ems(title) > TITLE_LINE_EMS * 2) {
        Some(i) if title_ems(&title[..i]).max(title_ems(&title[i..])) <= TITLE_LINE_EMS * 2 => {
            format!("{}\n{}", &title[..i], &title[i..])
        }
        _ => title.to_owned(),
    };
    paragraph(out, style::TITLE, &text, false);
}

fn table(out: &mut String, grid: &TableGrid) {
    // Twentieths of a point, filling the text block.
    let widths = grid.scaled_widths(TEXT_WIDTH);
    let _ = writeln!(
        out,
        concat!(
            "<w:tbl>\n  <w:tblPr>",
            r#"<w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>"#,
            r#"<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>"#,
            r#"<w:tblLayout w:type="fixed"/>"#,
            r#"<w:tblCellMar><w:left w:w="{m}" w:type="dxa"/><w:right w:w="{m}" w:type="dxa"/></w:tblCellMar></w:tblPr>"#
        ),
        width = widths.iter().sum::<u32>(),
        m = CELL_MARGIN,
    );
    out.push_str("  <w:tblGrid>");
    for w in &widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str("</w:tblGrid>\n");
    let expanded = grid.expanded();
    let last_row = expanded.len().saturating_sub(1);
    for (r, row) in expanded.iter().enumerate() {
        out.push_str("  <w:tr><w:trPr><w:cantSplit/>");
        if r < grid.header_rows {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str(r#"<w:jc w:val="center"/></w:trPr>"#);
        out.push('\n');
        // Every row but the last keeps with the next: Word and LibreOffice then move
        // a table that fits on a page to the next page whole instead of breaking it
        // after a few rows (and splitting a merged label such as 三、本年度办理结果);
        // a table longer than a page still runs over, its header rows repeated.
        let keep_next = r < last_row;
        let mut c = 0;
        while c < row.len() {
            match row[c] {
                Some(cell) if cell.column == c => {
                    let merge = if cell.row_span > 1 && cell.row == r {
                        Some(true)
                    } else if cell.row < r {
                        Some(false)
                    } else {
                        None
                    };
                    let width = widths[c..(c + cell.col_span).min(widths.len())]
                        .iter()
                        .sum();
                    tc(out, cell, width, merge, keep_next);
                    c += cell.col_span;
                }
                // Not the left edge of a cell: a well-formed grid never gets here;
                // an empty cell keeps the row's grid complete if it does.
                _ => {
                    let empty = GridCell {
                        row: r,
                        column: c,
                        row_span: 1,
                        col_span: 1,
                        text: String::new(),
                        kind: CellKind::Filler,
                    };
                    tc(out, &empty, widths[c], None, keep_next);
                    c += 1;
                }
            }
        }
        out.push_str("  </w:tr>\n");
    }
    out.push_str("</w:tbl>\n");
    // Word needs a paragraph between two tables and after the last one in a section.
    out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>"#);
    out.push('\n');
}

/// One table cell. `merge`: `Some(true)` starts a vertical merge, `Some(false)`
/// continues one (the cell above covers this position), `None` is a plain cell.
fn tc(out: &mut String, cell: &GridCell, width: u32, merge: Option<bool>, keep_next: bool) {
    let _ = write!(
        out,
        r#"    <w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#
    );
    if cell.col_span > 1 {
        let _ = write!(out, r#"<w:gridSpan w:val="{}"/>"#, cell.col_span);
    }
    match merge {
        Some(true) => out.push_str(r#"<w:vMerge w:val="restart"/>"#),
        Some(false) => out.push_str("<w:vMerge/>"),
        None => {}
    }
    if cell.kind == CellKind::Caption {
        let _ = write!(
            out,
            r#"<w:shd w:val="clear" w:color="auto" w:fill="{CAPTION_FILL}"/>"#
        );
    }
    out.push_str(r#"<w:vAlign w:val="center"/></w:tcPr>"#);
    let paragraph_style = match cell.kind {
        CellKind::Note => style::TABLE_NOTE,
        CellKind::Caption | CellKind::Label => style::TABLE_LABEL,
        _ => style::TABLE_TEXT,
    };
    let text = if merge == Some(false) { "" } else { &cell.text };
    let _ = writeln!(
        out,
        r#"<w:p><w:pPr><w:pStyle w:val="{paragraph_style}"/>{}</w:pPr>{}</w:p></w:tc>"#,
        if keep_next { "<w:keepNext/>" } else { "" },
        runs(text)
    );
}

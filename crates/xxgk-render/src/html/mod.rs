//! HTML: a complete page, or a fragment to paste into a portal's content system.
//!
//! The output is polyglot: every element is closed and void elements are written
//! `<meta … />`, so the page is also well-formed XML (the tests read it back with an
//! XML parser). Tables carry `border="1" cellspacing="0" cellpadding="4"` besides the
//! style sheet, so their grid stays visible where a content system strips styles.
//! Header cells are `<th>`, data cells `<td>`; merged cells use `rowspan`/`colspan`
//! exactly as the official template merges them (see [`crate::layout`]).

mod css;

use std::fmt::Write as _;

use xxgk_model::{Block, Report, SectionId};

use crate::doc::{Content, Doc, TableContent};
use crate::escape;
use crate::layout::{CellKind, GridCell, table_name, title_break};
use crate::zh;

/// Options of the HTML output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct HtmlOptions {
    /// Write only the report, `<article class="xxgk-report">` with its scoped style
    /// sheet, for embedding in a portal page; otherwise a complete page.
    pub fragment: bool,
}

impl HtmlOptions {
    /// Whether to write only the report, for embedding in a portal page.
    #[must_use]
    pub fn fragment(mut self, fragment: bool) -> HtmlOptions {
        self.fragment = fragment;
        self
    }
}

/// Renders a report as HTML.
pub fn to_html(report: &Report, options: &HtmlOptions) -> String {
    let doc = Doc::new(report);
    let mut out = String::new();
    if !options.fragment {
        out.push_str("<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n");
        out.push_str("<meta charset=\"utf-8\" />\n");
        out.push_str(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n",
        );
        out.push_str("<meta name=\"generator\" content=\"xxgk\" />\n");
        if let Some(d) = description(report) {
            let _ = writeln!(
                out,
                "<meta name=\"description\" content=\"{}\" />",
                escape::attr(&d)
            );
        }
        let _ = writeln!(out, "<title>{}</title>", escape::text(&doc.title));
        let _ = writeln!(
            out,
            "<style>\n{}{}</style>",
            css::PAGE,
            css::STYLE.trim_start()
        );
        out.push_str("</head>\n<body>\n");
    }
    out.push_str("<article class=\"xxgk-report\" lang=\"zh-CN\">\n");
    if options.fragment {
        let _ = writeln!(out, "<style>\n{}</style>", css::STYLE.trim_start());
    }
    // A long title breaks where official documents break it, not inside a word: its
    // two parts are unbreakable boxes, so a line too narrow for both breaks between.
    match title_break(&doc.title) {
        Some(i) => {
            let _ = writeln!(
                out,
                "<h1><span class=\"xxgk-title-part\">{}</span><span class=\"xxgk-title-part\">{}</span></h1>",
                text(&doc.title[..i]),
                text(&doc.title[i..])
            );
        }
        None => {
            let _ = writeln!(out, "<h1>{}</h1>", text(&doc.title));
        }
    }
    blocks(&mut out, doc.preamble);
    for sec in &doc.sections {
        let _ = writeln!(out, "<section class=\"xxgk-{}\">", section_class(sec.id));
        if let Some(h) = sec.heading {
            let _ = writeln!(out, "<h2>{}</h2>", text(h));
        }
        for content in &sec.content {
            match content {
                Content::Block(b) => block(&mut out, b),
                Content::Note(n) => {
                    let _ = writeln!(out, "<p class=\"xxgk-note\">{}</p>", text(n));
                }
                Content::Table(t) => table(&mut out, t),
            }
        }
        out.push_str("</section>\n");
    }
    if !doc.closing.is_empty() {
        out.push_str("<div class=\"xxgk-closing\">\n");
        blocks(&mut out, doc.closing);
        out.push_str("</div>\n");
    }
    out.push_str("</article>\n");
    if !options.fragment {
        out.push_str("</body>\n</html>\n");
    }
    out
}

/// The page description: the statistical period and publication date, where held.
fn description(report: &Report) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(p) = &report.meta.period {
        parts.push(format!("统计期限：{}", zh::period(p)));
    }
    if let Some(d) = report.meta.published {
        parts.push(format!("发布日期：{}", zh::date(d)));
    }
    (!parts.is_empty()).then(|| parts.join("；"))
}

fn section_class(id: SectionId) -> &'static str {
    id.key()
}

/// Escaped text with line breaks (LF, CR LF or CR) kept as `<br />`.
fn text(s: &str) -> String {
    escape::text(s)
        .replace("\r\n", "\n")
        .replace(['\n', '\r'], "<br />")
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        block(out, b);
    }
}

fn block(out: &mut String, b: &Block) {
    let _ = match b {
        Block::Heading(h) => writeln!(out, "<h3>{}</h3>", text(h)),
        Block::Paragraph(p) => writeln!(out, "<p>{}</p>", text(p)),
    };
}

fn table(out: &mut String, t: &TableContent<'_>) {
    let grid = &t.grid;
    let _ = writeln!(
        out,
        "<table class=\"xxgk-table xxgk-table-{}\" aria-label=\"{}\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">",
        section_class(t.id.section()),
        table_name(t.id)
    );
    out.push_str("<colgroup>");
    // Hundredths of a percent, in integers.
    for p in grid.scaled_widths(10_000) {
        let _ = write!(out, "<col style=\"width:{}.{:02}%\" />", p / 100, p % 100);
    }
    out.push_str("</colgroup>\n");
    let rows = grid.rows();
    let (head, body) = rows.split_at(grid.header_rows.min(rows.len()));
    if !head.is_empty() {
        out.push_str("<thead>\n");
        for row in head {
            tr(out, row);
        }
        out.push_str("</thead>\n");
    }
    out.push_str("<tbody>\n");
    for row in body {
        tr(out, row);
    }
    out.push_str("</tbody>\n</table>\n");
}

fn tr(out: &mut String, row: &[GridCell]) {
    out.push_str("<tr>");
    for cell in row {
        let (tag, attrs) = match cell.kind {
            CellKind::Note => ("th", " class=\"xxgk-note\""),
            CellKind::Caption => ("th", " class=\"xxgk-caption\" scope=\"colgroup\""),
            CellKind::Header if cell.col_span > 1 => ("th", " scope=\"colgroup\""),
            CellKind::Header => ("th", " scope=\"col\""),
            CellKind::Label => ("th", " class=\"xxgk-label\" scope=\"row\""),
            CellKind::Value => ("td", ""),
            CellKind::Absent => ("td", " class=\"xxgk-absent\""),
            CellKind::Filler => ("td", " class=\"xxgk-filler\""),
        };
        let _ = write!(out, "<{tag}{attrs}");
        if cell.row_span > 1 {
            let _ = write!(out, " rowspan=\"{}\"", cell.row_span);
        }
        if cell.col_span > 1 {
            let _ = write!(out, " colspan=\"{}\"", cell.col_span);
        }
        let _ = write!(out, ">{}</{tag}>", text(&cell.text));
    }
    out.push_str("</tr>\n");
}

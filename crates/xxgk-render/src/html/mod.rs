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

use xxgk_model::{Block, CellKey, MetaField, Pointer, Report, SectionId, TextPart};

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
    /// Mark where each part of the report is, for a page that points at places
    /// (`xxgk serve` marks findings in place): every section, heading, paragraph,
    /// note and table data cell gets `data-pointer`, the JSON Pointer of its place
    /// in the model (`docs/model.md`), data cells also `data-cell`, their cell key
    /// (`docs/cells.md`), and each section `id="xxgk-<section>"`. Off by default:
    /// a published page has no use for them.
    pub hooks: bool,
}

impl HtmlOptions {
    /// Whether to write only the report, for embedding in a portal page.
    #[must_use]
    pub fn fragment(mut self, fragment: bool) -> HtmlOptions {
        self.fragment = fragment;
        self
    }

    /// Whether to mark where each part of the report is ([`HtmlOptions::hooks`]).
    #[must_use]
    pub fn hooks(mut self, hooks: bool) -> HtmlOptions {
        self.hooks = hooks;
        self
    }
}

/// Renders a report as HTML.
pub fn to_html(report: &Report, options: &HtmlOptions) -> String {
    let doc = Doc::new(report);
    let hooks = options.hooks;
    let hook = |p: &Pointer| {
        if hooks {
            format!(" data-pointer=\"{}\"", escape::attr(p.as_str()))
        } else {
            String::new()
        }
    };
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
    let title_hook = hook(&Pointer::meta(MetaField::Title));
    match title_break(&doc.title) {
        Some(i) => {
            let _ = writeln!(
                out,
                "<h1{title_hook}><span class=\"xxgk-title-part\">{}</span><span class=\"xxgk-title-part\">{}</span></h1>",
                text(&doc.title[..i]),
                text(&doc.title[i..])
            );
        }
        None => {
            let _ = writeln!(out, "<h1{title_hook}>{}</h1>", text(&doc.title));
        }
    }
    blocks(&mut out, doc.preamble, TextPart::Preamble, &hook);
    for sec in &doc.sections {
        let class = section_class(sec.id);
        if hooks {
            let _ = writeln!(
                out,
                "<section class=\"xxgk-{class}\" id=\"xxgk-{class}\"{}>",
                hook(&Pointer::section(sec.id))
            );
        } else {
            let _ = writeln!(out, "<section class=\"xxgk-{class}\">");
        }
        if let Some(h) = sec.heading {
            let _ = writeln!(
                out,
                "<h2{}>{}</h2>",
                hook(&Pointer::heading(sec.id)),
                text(h)
            );
        }
        for (i, content) in sec.content.iter().enumerate() {
            let at = sec.pointers.get(i).map(&hook).unwrap_or_default();
            match content {
                Content::Block(b) => block(&mut out, b, &at),
                Content::Note(n) => {
                    let _ = writeln!(out, "<p class=\"xxgk-note\"{at}>{}</p>", text(n));
                }
                Content::Table(t) => table(&mut out, t, &at, hooks),
            }
        }
        out.push_str("</section>\n");
    }
    if !doc.closing.is_empty() {
        out.push_str("<div class=\"xxgk-closing\">\n");
        blocks(&mut out, doc.closing, TextPart::Closing, &hook);
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

/// A run of blocks; `hook` gives the attributes that say where each is.
fn blocks(out: &mut String, blocks: &[Block], part: TextPart, hook: &impl Fn(&Pointer) -> String) {
    for (i, b) in blocks.iter().enumerate() {
        block(out, b, &hook(&Pointer::paragraph(part, i)));
    }
}

/// A block with its attributes (`at`: empty, or where it is).
fn block(out: &mut String, b: &Block, at: &str) {
    let _ = match b {
        Block::Heading(h) => writeln!(out, "<h3{at}>{}</h3>", text(h)),
        Block::Paragraph(p) => writeln!(out, "<p{at}>{}</p>", text(p)),
    };
}

/// A table; `at` gives its attributes that say where it is.
fn table(out: &mut String, t: &TableContent<'_>, at: &str, hooks: bool) {
    let grid = &t.grid;
    let _ = writeln!(
        out,
        "<table class=\"xxgk-table xxgk-table-{}\" aria-label=\"{}\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\"{at}>",
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
    let key = |cell: &GridCell| grid.key(cell).filter(|_| hooks);
    if !head.is_empty() {
        out.push_str("<thead>\n");
        for row in head {
            tr(out, row, &key);
        }
        out.push_str("</thead>\n");
    }
    out.push_str("<tbody>\n");
    for row in body {
        tr(out, row, &key);
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A table row; `key` gives the model cell of a data cell when hooks are asked for.
fn tr<'g>(
    out: &mut String,
    row: &'g [GridCell],
    key: &impl Fn(&'g GridCell) -> Option<&'g CellKey>,
) {
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
        if let Some(k) = key(cell) {
            let _ = write!(
                out,
                " data-cell=\"{}\" data-pointer=\"{}\"",
                escape::attr(&k.to_line()),
                escape::attr(Pointer::cell(k).as_str())
            );
        }
        let _ = write!(out, ">{}</{tag}>", text(&cell.text));
    }
    out.push_str("</tr>\n");
}

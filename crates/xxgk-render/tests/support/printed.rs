//! Every text of a report found again in the text, Markdown and HTML output.

use std::collections::HashSet;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use quick_xml::Reader;
use quick_xml::events::Event as XmlEvent;
use xxgk_model::{Block, Report};
use xxgk_render::{HtmlOptions, TextOptions, to_html, to_markdown, to_text};

/// Every text of the report a reader must find: title, headings, paragraphs, notes
/// and cell texts (labels are checked by [`labels`]).
fn texts(report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = &report.meta.title {
        out.push(t.clone());
    }
    let blocks =
        |out: &mut Vec<String>, b: &[Block]| out.extend(b.iter().map(|b| b.text().to_owned()));
    blocks(&mut out, &report.preamble);
    blocks(&mut out, &report.closing);
    for id in xxgk_model::SectionId::ALL {
        let Some(section) = report.sections.get(id) else {
            continue;
        };
        out.extend(section.heading().map(str::to_owned));
        match section {
            xxgk_model::SectionRef::Text(s) => blocks(&mut out, &s.body),
            xxgk_model::SectionRef::Table(s) => {
                blocks(&mut out, &s.text);
                blocks(&mut out, &s.text_after);
                out.extend(s.note.clone());
            }
        }
    }
    for (_, cell) in report.cells() {
        if !cell.is_blank() {
            out.push(xxgk_render::zh::cell(cell));
        }
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

/// The labels of every cell as a format prints them: each part of a row label path
/// (a merged label cell in text and HTML, an outline line in Markdown); each part of
/// a column label path in text and HTML (table 二's columns are single labels, and
/// `本年增/减` is one), the whole path in Markdown, whose tables cannot merge headers.
fn labels(report: &Report, markdown: bool) -> Vec<String> {
    let mut out = Vec::new();
    for (key, _) in report.cells() {
        out.extend(key.row.split('/').map(str::to_owned));
        if key.table == xxgk_model::schema::TableId::Proactive || markdown {
            out.push(key.column.clone());
        } else {
            out.extend(key.column.split('/').map(str::to_owned));
        }
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

/// The lines and the tab-separated fields of the text output.
fn text_units(text: &str) -> HashSet<String> {
    let mut units = HashSet::new();
    // Lines as a text reader splits them: at LF, CR LF and CR.
    for line in newlines(text).split('\n') {
        units.insert(line.to_owned());
        units.extend(line.split('\t').map(str::to_owned));
    }
    units
}

/// The texts of the Markdown's paragraphs, headings and table cells, as a Markdown
/// reader sees them (outline indentation of row labels removed).
fn markdown_units(md: &str) -> HashSet<String> {
    let mut units = HashSet::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell) => {
                current = Some(String::new());
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell) => {
                if let Some(t) = current.take() {
                    units.insert(t.trim_start_matches('\u{3000}').to_owned());
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::HardBreak => {
                if let Some(c) = current.as_mut() {
                    c.push('\n');
                }
            }
            Event::SoftBreak => {
                if let Some(c) = current.as_mut() {
                    c.push(' ');
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                if let Some(c) = current.as_mut() {
                    assert_eq!(&*h, "<br>", "raw HTML in the Markdown");
                    c.push('\n');
                }
            }
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => {}
            Event::Start(t) if !matches!(t, Tag::Table(_) | Tag::TableHead | Tag::TableRow) => {
                panic!("unexpected Markdown element {t:?}: text read as markup");
            }
            _ => {}
        }
    }
    units
}

/// The texts of the HTML's elements that hold text (title, headings, paragraphs,
/// cells), `<br />` read as a line break.
fn html_units(html: &str) -> HashSet<String> {
    let body = html.strip_prefix("<!doctype html>\n").unwrap_or(html);
    let mut reader = Reader::from_str(body);
    reader.config_mut().check_end_names = true;
    let mut units = HashSet::new();
    let mut current: Option<String> = None;
    let holds_text =
        |n: &[u8]| matches!(n, b"title" | b"h1" | b"h2" | b"h3" | b"p" | b"th" | b"td");
    loop {
        match reader.read_event().expect("well-formed HTML") {
            XmlEvent::Start(e) => {
                let name = e.name();
                assert!(
                    !matches!(
                        name.as_ref(),
                        b"script" | b"iframe" | b"img" | b"a" | b"object"
                    ),
                    "text became markup"
                );
                if holds_text(name.as_ref()) {
                    current = Some(String::new());
                }
            }
            XmlEvent::Empty(e) => {
                if e.name().as_ref() == b"br"
                    && let Some(c) = current.as_mut()
                {
                    c.push('\n');
                }
            }
            XmlEvent::Text(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.xml10_content().unwrap());
                }
            }
            XmlEvent::GeneralRef(r) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(super::entity(r.as_ref()));
                }
            }
            XmlEvent::End(e) => {
                if holds_text(e.name().as_ref())
                    && let Some(t) = current.take()
                {
                    units.insert(t);
                }
            }
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    units
}

/// What a text of the report becomes where the format cannot carry it: characters
/// XML cannot hold become U+FFFD in HTML, and a carriage return reads as a line feed
/// in HTML (as in XML) and in Markdown.
fn xml_safe(text: &str) -> String {
    newlines(text)
        .chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}') {
                c
            } else {
                '\u{FFFD}'
            }
        })
        .collect()
}

/// Carriage returns read as line feeds.
fn newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A text as Markdown carries it: as in HTML, and without empty lines (an empty line
/// would end a paragraph).
fn markdown_form(text: &str) -> String {
    xml_safe(text)
        .split('\n')
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn check(report: &Report) {
    let text = text_units(&to_text(report, &TextOptions::default()));
    let grid_text = text_units(&to_text(
        report,
        &TextOptions::default().expand_merged(true),
    ));
    let md = markdown_units(&to_markdown(report));
    let html = html_units(&to_html(report, &HtmlOptions::default()));
    for t in labels(report, false) {
        // A label is a table field: a tab or line break in it prints as a space.
        let field = t.replace(['\t', '\n', '\r'], " ");
        assert!(text.contains(&field), "text output lacks the label {t:?}");
        assert!(
            grid_text.contains(&field),
            "text (grid) lacks the label {t:?}"
        );
        assert!(html.contains(&xml_safe(&t)), "HTML lacks the label {t:?}");
    }
    for t in labels(report, true) {
        assert!(
            md.contains(&markdown_form(&t)),
            "Markdown lacks the label {t:?}"
        );
    }
    for t in texts(report) {
        // A table field cannot hold a tab or a line break (the renderer writes a
        // space); a paragraph with a line break (LF, CR LF or CR, all line ends in a
        // text file) prints as two lines.
        let field = t.replace(['\t', '\n', '\r'], " ");
        let printed = |units: &HashSet<String>| {
            units.contains(&t)
                || units.contains(&field)
                || newlines(&t).split('\n').all(|l| units.contains(l))
        };
        assert!(printed(&text), "text output lacks {t:?}");
        assert!(printed(&grid_text), "text (grid) lacks {t:?}");
        // A Markdown heading cannot break: its line break prints as a space.
        let t_md = markdown_form(&t);
        let one_line = t_md.replace('\n', " ");
        assert!(
            md.contains(&t_md) || md.contains(&one_line),
            "Markdown lacks {t:?}"
        );
        assert!(html.contains(&xml_safe(&t)), "HTML lacks {t:?}");
    }
}

//! Tells what kind of input a file is from its content, not its name.

use crate::{InputKind, decode};

/// How much of a file [`sniff`] decodes and `sniff_text` looks at.
const SNIFF_CHARS: usize = 64 * 1024;

/// How far into a file a PDF's `%PDF-` header may start: PDF readers (poppler's
/// `pdftotext` among them) look for it in the first kilobyte, so a PDF saved with
/// a line break or a byte order mark in front is still a PDF.
pub const PDF_HEADER_WINDOW: usize = 1024;

/// Whether `bytes` are a PDF file: `%PDF-` within the first
/// [`PDF_HEADER_WINDOW`] bytes, with nothing but bytes that are no letter or
/// digit before it (line breaks, a byte order mark, binary junk), so that a text
/// that mentions `%PDF-` is still text.
///
/// ```
/// use xxgk_import::is_pdf;
///
/// assert!(is_pdf(b"%PDF-1.7\n"));
/// assert!(is_pdf(b"\r\n%PDF-1.4\n"));
/// assert!(is_pdf(b"\xEF\xBB\xBF%PDF-1.4\n"));
/// assert!(!is_pdf(b"see %PDF-1.4"));
/// ```
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(PDF_HEADER_WINDOW + 5)];
    head.windows(5)
        .position(|w| w == b"%PDF-")
        .is_some_and(|at| !head[..at].iter().any(u8::is_ascii_alphanumeric))
}

/// The kind of input `bytes` hold:
/// - a zip archive (`PK\x03\x04`) → [`InputKind::Docx`], as is an old binary Word
///   file (OLE2 signature), so that [`crate::read_docx`] can say what it is instead
///   of it being read as text;
/// - otherwise its decoded text (the first 64 KiB) decides:
///   - a first line `table,row,column,value,unit` (or with `source,` in front) →
///     [`InputKind::LongCsv`];
///   - `{` first and a `"meta"` key → [`InputKind::ModelJson`];
///   - a `[meta]`, `[sections.…]` or `[[preamble]]` table header on a line of its
///     own → [`InputKind::ModelToml`];
///   - markup first (`<!doctype`, `<html`, `<table`, `<p`, `<div`, a comment, …),
///     or an `<html`, `<body` or `<table` tag anywhere, or at least three
///     paragraph or `<div>` tags → [`InputKind::Html`] (a Markdown table holding a
///     `<br>` stays text);
///   - anything else → [`InputKind::Text`].
///
/// ```
/// use xxgk_import::{InputKind, sniff};
///
/// assert_eq!(sniff(b"PK\x03\x04..."), InputKind::Docx);
/// assert_eq!(sniff("<!DOCTYPE html><p>一、总体情况</p>".as_bytes()), InputKind::Html);
/// assert_eq!(sniff("一、总体情况\n本年度…".as_bytes()), InputKind::Text);
/// ```
pub fn sniff(bytes: &[u8]) -> InputKind {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return InputKind::Docx;
    }
    // Four bytes per character at most: enough to see the first SNIFF_CHARS.
    let head = &bytes[..bytes.len().min(4 * SNIFF_CHARS)];
    sniff_text(&decode(head).text)
}

/// The kind of input a decoded text is:
/// - a first line `table,row,column,value,unit` (or with `source,` in front) →
///   [`InputKind::LongCsv`];
/// - `{` first and a `"meta"` key → [`InputKind::ModelJson`];
/// - a `[meta]`, `[sections.…]` or `[[preamble]]` table header on a line of its
///   own → [`InputKind::ModelToml`];
/// - markup first (`<!doctype`, `<html`, `<table`, `<p`, `<div`, a comment, …), or
///   an `<html`, `<body` or `<table` tag anywhere, or at least three paragraph or
///   `<div>` tags → [`InputKind::Html`] (a Markdown table holding a `<br>` stays text);
/// - anything else → [`InputKind::Text`].
pub(crate) fn sniff_text(text: &str) -> InputKind {
    let end = text
        .char_indices()
        .nth(SNIFF_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let head = text[..end].trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r', '\u{3000}']);
    if crate::long_csv::is_long_csv(head) {
        return InputKind::LongCsv;
    }
    if head.starts_with('{') && head.contains("\"meta\"") {
        return InputKind::ModelJson;
    }
    let toml_header = |line: &str| {
        let line = line.trim();
        line == "[meta]" || line == "[[preamble]]" || line.starts_with("[sections.")
    };
    if head.lines().any(toml_header) {
        return InputKind::ModelToml;
    }
    let lower = head.to_ascii_lowercase();
    if starts_with_markup(&lower) || lower.contains("<html") || lower.contains("<body") {
        return InputKind::Html;
    }
    // Markdown or text with HTML tables (pandoc writes tables with merged cells
    // as HTML) stays text; the text front end reads those tables.
    let outside = outside_tables(&lower);
    let tables = outside.len() < lower.len();
    let markup = ["<p>", "<p ", "</p>", "<div"]
        .iter()
        .map(|t| outside.matches(t).count())
        .sum::<usize>();
    if markup >= 3 || (tables && !crate::text::embeds_tables(text)) {
        return InputKind::Html;
    }
    InputKind::Text
}

/// The text without its `<table>…</table>` parts.
fn outside_tables(lower: &str) -> String {
    let mut out = String::new();
    let mut rest = lower;
    while let Some(start) = rest.find("<table") {
        out.push_str(&rest[..start]);
        match rest[start..].find("</table>") {
            Some(end) => rest = &rest[start + end + "</table>".len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

fn starts_with_markup(lower: &str) -> bool {
    let Some(rest) = lower.strip_prefix('<') else {
        return false;
    };
    if rest.starts_with("!doctype") || rest.starts_with("!--") || rest.starts_with("?xml") {
        return true;
    }
    let name: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let after = rest[name.len()..].chars().next();
    matches!(
        name.as_str(),
        "html"
            | "head"
            | "body"
            | "meta"
            | "title"
            | "style"
            | "script"
            | "link"
            | "table"
            | "div"
            | "p"
            | "span"
            | "font"
            | "center"
            | "article"
            | "section"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "br"
    ) && matches!(after, Some('>' | '/' | ' ' | '\t' | '\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archives_and_old_word_files_go_to_the_word_reader() {
        assert_eq!(sniff(b"PK\x03\x04\x14\x00"), InputKind::Docx);
        assert_eq!(
            sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00"),
            InputKind::Docx
        );
    }

    #[test]
    fn html_pages_and_fragments() {
        for page in [
            "<!DOCTYPE html>\n<html>",
            "\u{feff}  <HTML lang=zh>",
            "<!-- saved -->\n<div>",
            "<p class=a>一、总体情况</p>",
            "<table><tr><td>1</td></tr></table>",
            "一<p>二<p>三</p>",
            "<p>标题</p>\n<table><tr><td>1</td></tr></table>",
        ] {
            assert_eq!(sniff(page.as_bytes()), InputKind::Html, "{page}");
        }
    }

    #[test]
    fn text_markdown_and_models() {
        for text in [
            "一、总体情况\n本年度共收到申请 3 件。",
            "| 项目 | 数量 |\n|---|---|\n| 规章<br>（件） | 0 |",
            "<报告>\n",
            "",
            "标题\n\n<table>\n<tr><td>规章</td><td>1</td></tr>\n</table>\n\n后文\n",
        ] {
            assert_eq!(sniff(text.as_bytes()), InputKind::Text, "{text}");
        }
        assert_eq!(
            sniff(b"{\n  \"meta\": {\"agency\": \"x\"}\n}"),
            InputKind::ModelJson
        );
        assert_eq!(
            sniff("# 注释\n\n[meta]\nagency = \"某局\"\n".as_bytes()),
            InputKind::ModelToml
        );
    }

    #[test]
    fn gbk_pages_are_sniffed_after_decoding() {
        let (bytes, _, _) = encoding_rs::GBK.encode("<html><body><p>二、主动公开</p>");
        assert_eq!(sniff(&bytes), InputKind::Html);
    }
}

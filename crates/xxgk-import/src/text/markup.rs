//! Markup inside text, as Markdown writers (pandoc) leave it:
//! - a table with merged cells as an HTML `<table>` block between lines of text,
//!   read by the HTML reader, as a grid with its spans expanded, at its own lines;
//! - inline markup around text: pandoc's spans with attributes
//!   (`[text]{.underline}`) and inline HTML elements (`<u>text</u>`), which are
//!   markup, not text of the report.

use std::borrow::Cow;
use std::ops::Range;

use crate::NoteCode;
use crate::{DocBlock, ImportNote};

/// Inline HTML elements that Markdown writers put around text.
const INLINE: &[&str] = &[
    "u", "b", "i", "s", "em", "strong", "span", "font", "sup", "sub", "del", "ins", "mark",
    "small", "big",
];

/// The length of a pandoc span's `]{.attributes}` when `t` starts one (`[text]{.x}`),
/// with the length of its text.
fn span_at(t: &str) -> Option<(usize, usize)> {
    let after = t.strip_prefix('[')?;
    let close = after.find(']')?;
    let inner = &after[..close];
    let attrs = after[close + 1..].strip_prefix('{')?;
    let end = attrs.find('}')?;
    (!inner.contains('[') && attrs[..end].starts_with(['.', '#'])).then_some((close, end + 3))
}

/// The length of an inline HTML tag (`<u>`, `</span>`, `<font color=red>`) at the
/// start of `t`.
fn tag_at(t: &str) -> Option<usize> {
    let rest = t.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if !INLINE.contains(&name.as_str()) {
        return None;
    }
    let after = &rest[name.len()..];
    if !after.starts_with(['>', ' ', '/']) {
        return None;
    }
    let end = t.find('>')?;
    (end < 200 && !t[1..end].contains('<')).then_some(end + 1)
}

/// Byte ranges of inline markup in a text.
fn ranges(t: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = t[i..].chars().next() {
        let rest = &t[i..];
        if let Some((inner, attrs)) = span_at(rest) {
            out.push(i..i + 1);
            out.push(i + 1 + inner..i + 1 + inner + attrs);
        } else if let Some(len) = tag_at(rest) {
            out.push(i..i + len);
            i += len;
            continue;
        }
        i += c.len_utf8();
    }
    out.sort_by_key(|r| r.start);
    out
}

/// The text with its inline markup turned into spaces, one per character, so
/// that columns keep their positions.
pub(crate) fn blank_inline(t: &str) -> Cow<'_, str> {
    let marks = ranges(t);
    if marks.is_empty() {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    for (i, c) in t.char_indices() {
        if marks.iter().any(|r| r.contains(&i)) {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The text without its inline markup.
pub(crate) fn strip_inline(t: &str) -> Cow<'_, str> {
    let marks = ranges(t);
    if marks.is_empty() {
        return Cow::Borrowed(t);
    }
    let kept = t
        .char_indices()
        .filter(|(i, _)| !marks.iter().any(|r| r.contains(i)))
        .map(|(_, c)| c);
    Cow::Owned(kept.collect())
}

/// A `<table>…</table>` block: its first and last line (indices) and what the
/// HTML reader made of it.
pub(crate) struct TableBlock {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) blocks: Vec<DocBlock>,
    pub(crate) notes: Vec<ImportNote>,
}

/// The line ranges of the HTML table blocks: a line starting with `<table`, up to
/// the line where the tables opened since are closed. `None` when a table opens
/// inside a line of text or is never closed (then the text is not of this kind).
fn spans(lines: &[&str]) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, line) in lines.iter().enumerate() {
        let lower = line.to_ascii_lowercase();
        let opens = lower.matches("<table").count();
        let closes = lower.matches("</table>").count();
        match &mut open {
            None if opens > 0 => {
                if !lower.trim_start().starts_with("<table") {
                    return None;
                }
                open = Some((i, opens));
            }
            None => {}
            Some((_, depth)) => *depth += opens,
        }
        if let Some((start, depth)) = &mut open {
            *depth = depth.saturating_sub(closes);
            if *depth == 0 {
                out.push((*start, i));
                open = None;
            }
        }
    }
    open.is_none().then_some(out)
}

/// Whether a text holds HTML tables as blocks of lines of their own.
pub(crate) fn embeds_tables(text: &str) -> bool {
    let lines = super::lines::split_lines(text);
    spans(&lines).is_some_and(|s| !s.is_empty())
}

/// Reads the HTML table blocks of the lines.
pub(crate) fn tables(lines: &[&str]) -> Vec<TableBlock> {
    let Some(spans) = spans(lines) else {
        return Vec::new();
    };
    spans
        .into_iter()
        .map(|(first, last)| {
            // Empty lines before the block keep its line numbers.
            let mut snippet = "\n".repeat(first);
            snippet.push_str(&lines[first..=last].join("\n"));
            let doc = crate::read_html(&snippet);
            TableBlock {
                first,
                last,
                blocks: doc.blocks,
                notes: doc
                    .notes
                    .into_iter()
                    .filter(|n| n.code != NoteCode::HtmlNoReportBody)
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_is_blanked_in_place_or_removed() {
        let line = "| <u>规章</u> | [12]{.underline} | 3 |";
        assert_eq!(blank_inline(line), "|    规章     |  12              | 3 |");
        assert_eq!(strip_inline(line), "| 规章 | 12 | 3 |");
        assert_eq!(strip_inline("[一、总体情况]{.underline}"), "一、总体情况");
        assert_eq!(strip_inline("<font color=\"red\">注</font>"), "注");
        for kept in [
            "[见附件]",
            "a < b > c",
            "<报告>",
            "[x](http://a)",
            "<table>",
        ] {
            assert_eq!(strip_inline(kept), kept);
        }
    }
}

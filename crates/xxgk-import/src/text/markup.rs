//! HTML tables inside text: pandoc writes a table with merged cells into its
//! Markdown (and other converters into text) as an HTML `<table>` block between
//! lines of text. Such a block is read by the HTML reader, as a grid with its
//! spans expanded, at its own lines of the text.

use crate::{DocBlock, ImportNote};

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
                    .filter(|n| n.code != "html-no-report-body")
                    .collect(),
            }
        })
        .collect()
}

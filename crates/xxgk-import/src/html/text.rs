//! Text as a browser lays it out: runs of white space collapse to one space, a
//! line break between two East Asian wide characters disappears (CSS Text 3,
//! segment break transformation), white space at the ends of a line goes, and
//! `&nbsp;` (U+00A0) and the ideographic space (U+3000) are kept as written.

use xxgk_model::SourcePos;

/// Lines of text being collected, each with the position of its first visible
/// character and the node it came from.
#[derive(Debug, Default)]
pub(super) struct Lines {
    pub(super) done: Vec<Line>,
    raw: String,
    pos: Option<(SourcePos, usize)>,
    /// Inside `<pre>`: white space is kept and line breaks end lines.
    pub(super) pre: usize,
}

#[derive(Debug)]
pub(super) struct Line {
    pub(super) text: String,
    pub(super) pos: SourcePos,
    /// The text node the line starts in.
    pub(super) node: usize,
}

impl Lines {
    /// Adds the text of node `node` (at `pos`).
    pub(super) fn push(&mut self, text: &str, pos: SourcePos, node: usize) {
        if self.pre > 0 {
            let mut first = true;
            for part in text.split('\n') {
                if !first {
                    self.end_line();
                }
                first = false;
                self.add(part, pos, node);
            }
        } else {
            self.add(text, pos, node);
        }
    }

    fn add(&mut self, text: &str, pos: SourcePos, node: usize) {
        if self.pos.is_none() && text.chars().any(|c| !is_collapsible(c)) {
            self.pos = Some((pos, node));
        }
        self.raw.push_str(text);
    }

    /// Ends the current line (a block boundary or a `<br>`); a line of nothing but
    /// white space is dropped.
    pub(super) fn end_line(&mut self) {
        let raw = std::mem::take(&mut self.raw);
        if let Some((pos, node)) = self.pos.take() {
            let text = if self.pre > 0 {
                raw.trim_matches(is_collapsible).to_owned()
            } else {
                collapse(&raw)
            };
            if !text.chars().all(char::is_whitespace) {
                self.done.push(Line { text, pos, node });
            }
        }
    }

    /// Ends the current line and returns the lines collected.
    pub(super) fn finish(mut self) -> Vec<Line> {
        self.end_line();
        self.done
    }
}

/// HTML's collapsible white space (ASCII only: U+00A0 and U+3000 are kept).
pub(super) fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Collapses white space as described in the module docs.
pub(super) fn collapse(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        if !is_collapsible(c) {
            out.push(c);
            prev = Some(c);
            continue;
        }
        let mut segment_break = c == '\n' || c == '\r';
        while let Some(&n) = chars.peek() {
            if !is_collapsible(n) {
                break;
            }
            segment_break |= n == '\n' || n == '\r';
            chars.next();
        }
        let next = chars.peek().copied();
        // Nothing at either end of the line.
        let inner = prev.is_some() && next.is_some();
        let dropped = matches!((prev, next), (Some(p), Some(n))
            if segment_break && is_wide(p) && is_wide(n));
        if inner && !dropped {
            out.push(' ');
        }
    }
    out
}

/// East Asian wide and fullwidth characters, Hangul excepted (CSS keeps the space
/// between Hangul words).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF01..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsing() {
        assert_eq!(collapse("  a \n\t b  "), "a b");
        assert_eq!(collapse("商业\n       企业"), "商业企业");
        assert_eq!(collapse("商业  企业"), "商业 企业");
        assert_eq!(collapse("共\n26\n件"), "共 26 件");
        assert_eq!(collapse("0\u{a0}\u{a0} "), "0\u{a0}\u{a0}");
        assert_eq!(
            collapse("\u{3000}\u{3000}一、总体情况"),
            "\u{3000}\u{3000}一、总体情况"
        );
    }

    #[test]
    fn lines_drop_blank_ones_and_keep_first_positions() {
        let at = |column| SourcePos::Text { line: 1, column };
        let mut lines = Lines::default();
        lines.push("  ", at(1), 1);
        lines.push("一、", at(3), 2);
        lines.push("总体情况 ", at(5), 3);
        lines.end_line();
        lines.push("\u{a0}", at(9), 4);
        lines.end_line();
        lines.pre = 1;
        lines.push("a  b\nc", at(10), 5);
        let lines = lines.finish();
        let got: Vec<_> = lines
            .iter()
            .map(|l| (l.text.as_str(), l.pos, l.node))
            .collect();
        assert_eq!(
            got,
            [
                ("一、总体情况", at(3), 2),
                ("a  b", at(10), 5),
                ("c", at(10), 5)
            ]
        );
    }
}

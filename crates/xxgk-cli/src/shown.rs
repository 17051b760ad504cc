//! Text from a report shown on a terminal: control characters (ESC, BEL, …) and
//! the bidirectional controls (U+202E and its kin) that a title or a label may
//! carry are written as escapes (`\u{1b}`), so that a report cannot move the
//! cursor, retitle the window or reverse the text a reader sees. Line breaks and
//! tabs (the cell separators of `--to txt`) are kept.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a character is shown as an escape.
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// The text with its control and bidirectional characters escaped.
pub(crate) fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped_breaks_and_tabs_kept() {
        assert_eq!(
            escaped("\u{1b}]0;x\u{7}标\u{202e}题\r\n规章\t1\n"),
            "\\u{1b}]0;x\\u{7}标\\u{202e}题\\u{d}\n规章\t1\n"
        );
        assert!(matches!(escaped("一、总体情况\n"), Cow::Borrowed(_)));
    }
}

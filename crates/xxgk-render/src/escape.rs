//! Escaping for HTML and XML (the Word package), shared because both need the same
//! care: markup characters become entities, and characters XML 1.0 cannot carry
//! (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF)
//! become U+FFFD so that the document still opens.

use std::borrow::Cow;

/// Whether a character may appear in an XML 1.0 document.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// The characters of a text with those XML cannot carry replaced by U+FFFD.
pub(crate) fn xml_safe_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(|c| if xml_char(c) { c } else { '\u{FFFD}' })
}

fn escape(text: &str, quotes: bool) -> Cow<'_, str> {
    let special = |c: char| {
        matches!(c, '&' | '<' | '>') || (quotes && matches!(c, '"' | '\'')) || !xml_char(c)
    };
    if !text.chars().any(special) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            c if !xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Text content of an element.
pub(crate) fn text(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// An attribute value in double quotes.
pub(crate) fn attr(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_entities() {
        assert_eq!(
            text("<script>alert('x')</script> & 1<2>0"),
            "&lt;script&gt;alert('x')&lt;/script&gt; &amp; 1&lt;2&gt;0"
        );
        assert_eq!(attr(r#"a"b'c<&"#), "a&quot;b&#39;c&lt;&amp;");
        assert_eq!(text("&amp;"), "&amp;amp;");
    }

    #[test]
    fn characters_xml_cannot_carry_are_replaced() {
        assert_eq!(
            text("a\u{0}b\u{1b}c\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
        assert_eq!(text("tab\tline\ncr\r"), "tab\tline\ncr\r");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(text("第二十条第（一）项"), Cow::Borrowed(_)));
    }
}

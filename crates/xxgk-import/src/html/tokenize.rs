//! A small, tolerant HTML tokenizer that keeps the byte offset of every token.
//!
//! It knows what report pages need: start and end tags with attributes, text,
//! comments (skipped, including Word's conditional comments), `<!DOCTYPE>` and other
//! `<!…>`/`<?…>` constructs (skipped up to `>`), and the raw-text elements whose
//! content is not markup (`script`, `style`, `textarea`, `title`, `xmp`, `iframe`,
//! `noembed`, `noframes`: their content is skipped). Malformed markup never stops
//! it: a `<` that starts no tag is text, an unterminated tag at the end is dropped.
//! Every step consumes input, so the time is linear in the length of the page.

use std::borrow::Cow;

use super::entities::decode_entities;

/// One token with the byte offset where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// `<name attr=value …>`; the name in ASCII lower case.
    Start {
        name: Cow<'a, str>,
        /// Names in ASCII lower case, values with references resolved; both
        /// borrowed from the page where they needed no change.
        attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
        self_closing: bool,
        offset: usize,
    },
    /// `</name>`.
    End { name: Cow<'a, str>, offset: usize },
    /// Text as written (character references not yet resolved).
    Text { raw: &'a str, offset: usize },
}

/// What a `<` starts.
enum Markup<'a> {
    /// A tag.
    Token(Token<'a>),
    /// A comment or other construct that is not shown.
    Skipped,
    /// Nothing: the `<` is text.
    Text,
}

/// Elements whose content is not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Raw-text elements whose content is text (character references resolved), not
/// code.
const RCDATA: &[&str] = &["title", "textarea"];

pub(super) struct Tokenizer<'a> {
    src: &'a str,
    at: usize,
    /// Inside a raw-text element: its name.
    raw: Option<String>,
}

impl<'a> Tokenizer<'a> {
    pub(super) fn new(src: &'a str) -> Tokenizer<'a> {
        Tokenizer {
            src,
            at: 0,
            raw: None,
        }
    }

    /// Skips the content of a raw-text element up to its end tag (left for the next
    /// call) or the end of the input.
    fn skip_raw(&mut self, name: &str) {
        let bytes = self.src.as_bytes();
        let mut i = self.at;
        while let Some(k) = find(&bytes[i..], b"</") {
            let j = i + k + 2;
            let end = j + name.len();
            if end <= bytes.len()
                && bytes[j..end].eq_ignore_ascii_case(name.as_bytes())
                && bytes
                    .get(end)
                    .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
            {
                self.at = i + k;
                return;
            }
            i = j;
        }
        self.at = bytes.len();
    }

    /// The markup at `self.at` (a `<`).
    fn markup(&mut self) -> Markup<'a> {
        let bytes = self.src.as_bytes();
        let start = self.at;
        let Some(&next) = bytes.get(start + 1) else {
            return Markup::Text;
        };
        if bytes[start..].starts_with(b"<!--") {
            let body = start + 4;
            self.at = if bytes[body..].starts_with(b">") {
                body + 1
            } else if bytes[body..].starts_with(b"->") {
                body + 2
            } else {
                find(&bytes[body..], b"-->").map_or(bytes.len(), |k| body + k + 3)
            };
            return Markup::Skipped;
        }
        match next {
            b'!' | b'?' => self.skip_past_gt(start),
            b'/' => self.end_tag(start),
            c if c.is_ascii_alphabetic() => self.start_tag(start),
            _ => Markup::Text,
        }
    }

    /// A bogus comment (`<!DOCTYPE …>`, `<![if …]>`, `<?xml …?>`, `</ …>`).
    fn skip_past_gt(&mut self, start: usize) -> Markup<'a> {
        let bytes = self.src.as_bytes();
        self.at = find(&bytes[start..], b">").map_or(bytes.len(), |k| start + k + 1);
        Markup::Skipped
    }

    fn end_tag(&mut self, start: usize) -> Markup<'a> {
        let bytes = self.src.as_bytes();
        let Some(&first) = bytes.get(start + 2) else {
            return Markup::Text;
        };
        if first == b'>' {
            self.at = start + 3;
            return Markup::Skipped;
        }
        if !first.is_ascii_alphabetic() {
            return self.skip_past_gt(start);
        }
        let (name, after) = self.name(start + 2);
        let Some(k) = find(&bytes[after..], b">") else {
            self.at = bytes.len();
            return Markup::Skipped;
        };
        self.at = after + k + 1;
        Markup::Token(Token::End {
            name,
            offset: start,
        })
    }

    fn start_tag(&mut self, start: usize) -> Markup<'a> {
        let bytes = self.src.as_bytes();
        let (name, mut i) = self.name(start + 1);
        let mut attrs: Vec<(Cow<'a, str>, Cow<'a, str>)> = Vec::new();
        let mut self_closing = false;
        loop {
            while bytes.get(i).is_some_and(|&c| is_space(c)) {
                i += 1;
            }
            match bytes.get(i) {
                None => {
                    // A tag cut off by the end of the input is dropped.
                    self.at = bytes.len();
                    return Markup::Skipped;
                }
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') => {
                    self_closing = bytes.get(i + 1) == Some(&b'>');
                    i += 1;
                }
                Some(_) => {
                    let (attr, value, after) = self.attribute(i);
                    if !attrs.iter().any(|(n, _)| *n == attr) {
                        attrs.push((attr, value));
                    }
                    i = after;
                }
            }
        }
        self.at = i;
        if RAW_TEXT.contains(&name.as_ref()) && !self_closing {
            self.raw = Some(name.clone().into_owned());
        }
        Markup::Token(Token::Start {
            name,
            attrs,
            self_closing,
            offset: start,
        })
    }

    /// The attribute starting at `i`: its name (lower case), its value (references
    /// resolved) and the offset after it.
    fn attribute(&self, mut i: usize) -> (Cow<'a, str>, Cow<'a, str>, usize) {
        let src: &'a str = self.src;
        let bytes = src.as_bytes();
        let name_start = i;
        i += 1; // an attribute name may start with any character, even `=`
        while bytes
            .get(i)
            .is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'='))
        {
            i += 1;
        }
        let name = lower(&src[name_start..i]);
        let mut j = i;
        while bytes.get(j).is_some_and(|&c| is_space(c)) {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            return (name, Cow::Borrowed(""), i);
        }
        j += 1;
        while bytes.get(j).is_some_and(|&c| is_space(c)) {
            j += 1;
        }
        let (value, after) = if let Some(&q @ (b'"' | b'\'')) = bytes.get(j) {
            let v = j + 1;
            let end = bytes[v..]
                .iter()
                .position(|&c| c == q)
                .map_or(bytes.len(), |k| v + k);
            (&src[v..end], (end + 1).min(bytes.len()))
        } else {
            let v = j;
            while bytes.get(j).is_some_and(|&c| !is_space(c) && c != b'>') {
                j += 1;
            }
            (&src[v..j], j)
        };
        (name, decode_entities(value), after)
    }

    /// A tag name starting at `i`, lower-cased, and the offset after it.
    fn name(&self, i: usize) -> (Cow<'a, str>, usize) {
        let src: &'a str = self.src;
        let bytes = src.as_bytes();
        let mut end = i;
        while bytes
            .get(end)
            .is_some_and(|&c| !is_space(c) && c != b'/' && c != b'>')
        {
            end += 1;
        }
        (lower(&src[i..end]), end)
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw.take() {
            let start = self.at;
            self.skip_raw(&name);
            // A page's `<title>` (and a `<textarea>`) hold text, shown elsewhere
            // than the page: kept as text (the walk does not show it).
            if RCDATA.contains(&name.as_str()) && self.at > start {
                return Some(Token::Text {
                    raw: &self.src[start..self.at],
                    offset: start,
                });
            }
        }
        let bytes = self.src.as_bytes();
        while self.at < bytes.len() {
            let start = self.at;
            if bytes[start] == b'<' {
                match self.markup() {
                    Markup::Token(token) => return Some(token),
                    Markup::Skipped => continue,
                    Markup::Text => {}
                }
            }
            // Text up to the next `<` (a `<` starting no tag stays in the text).
            let from = start + 1;
            let end = bytes[from..]
                .iter()
                .position(|&c| c == b'<')
                .map_or(bytes.len(), |k| from + k);
            self.at = end;
            return Some(Token::Text {
                raw: &self.src[start..end],
                offset: start,
            });
        }
        None
    }
}

/// A name in ASCII lower case, borrowed when it is already.
fn lower(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<String> {
        Tokenizer::new(s)
            .map(|t| match t {
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                    offset,
                } => {
                    let attrs: Vec<String> =
                        attrs.iter().map(|(n, v)| format!("{n}={v}")).collect();
                    format!(
                        "{offset}<{name} {}{}>",
                        attrs.join(" "),
                        if self_closing { "/" } else { "" }
                    )
                }
                Token::End { name, offset } => format!("{offset}</{name}>"),
                Token::Text { raw, offset } => format!("{offset}'{raw}'"),
            })
            .collect()
    }

    #[test]
    fn tags_attributes_and_text() {
        assert_eq!(
            tokens(r#"<TD rowspan=2 COLSPAN="3" class='a b' nowrap>x&amp;y</td>"#),
            [
                "0<td rowspan=2 colspan=3 class=a b nowrap=>",
                "45'x&amp;y'",
                "52</td>"
            ]
        );
        assert_eq!(
            tokens("<o:p></o:p><br/>"),
            ["0<o:p >", "5</o:p>", "11<br />"]
        );
    }

    #[test]
    fn comments_doctype_and_conditionals_are_skipped() {
        assert_eq!(
            tokens(
                "<!DOCTYPE html><!-- <p>x</p> -->a<!--[if gte mso 9]><xml>z</xml><![endif]-->b<![if !supportLists]>1.<![endif]>"
            ),
            ["32'a'", "76'b'", "98'1.'"]
        );
        assert_eq!(tokens("<!-->a<!--->b<!--"), ["5'a'", "12'b'"]);
    }

    #[test]
    fn raw_text_content_is_skipped() {
        assert_eq!(
            tokens("<script>if (a<b) { x = '</p>'; }</SCRIPT >c<style>p{}</style>"),
            [
                "0<script >",
                "32</script>",
                "42'c'",
                "43<style >",
                "53</style>"
            ]
        );
        assert_eq!(tokens("<style>never closed"), ["0<style >"]);
        // A title's text is text, tags and all.
        assert_eq!(
            tokens("<title>年报 <b> &amp; 某网</title>x"),
            ["0<title >", "7'年报 <b> &amp; 某网'", "30</title>", "38'x'"]
        );
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        // `</` and a non-letter start a bogus comment, up to `>`.
        assert_eq!(
            tokens("1 < 2 <3 </ 4> 5"),
            ["0'1 '", "2'< 2 '", "6'<3 '", "14' 5'"]
        );
        assert_eq!(tokens("a<"), ["0'a'", "1'<'"]);
        assert_eq!(tokens("<p class=\"unterminated"), Vec::<String>::new());
        assert_eq!(tokens("</p"), Vec::<String>::new());
    }
}

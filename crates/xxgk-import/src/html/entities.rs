//! Character references: `&name;`, `&#123;`, `&#x7b;`.
//!
//! Named references cover what report pages use (spaces, quotes, dashes, symbols of
//! Latin-1 and general punctuation); an unknown name is kept as written, so nothing
//! is lost. Numeric references follow the HTML rules: NUL, surrogates and values
//! beyond U+10FFFF become U+FFFD, and 0x80–0x9F are read as windows-1252, as
//! browsers do.

use std::borrow::Cow;

/// Decodes the character references in `raw`.
pub(super) fn decode_entities(raw: &str) -> Cow<'_, str> {
    let Some(first) = raw.find('&') else {
        return Cow::Borrowed(raw);
    };
    let mut out = String::with_capacity(raw.len());
    out.push_str(&raw[..first]);
    let mut rest = &raw[first..];
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        if let Some((c, len)) = reference(rest) {
            out.push(c);
            rest = &rest[len..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character of the reference at the start of `s` (which starts with `&`) and
/// the length of the reference.
pub(crate) fn reference(s: &str) -> Option<(char, usize)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (hex, digits) = match num.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, num),
        };
        let len = digits
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if len == 0 {
            return None;
        }
        let value = u32::from_str_radix(&digits[..len.min(8)], if hex { 16 } else { 10 })
            .ok()
            .filter(|_| len <= 8)
            .unwrap_or(u32::MAX);
        let mut total = 1 + 1 + usize::from(hex) + len;
        if digits[len..].starts_with(';') {
            total += 1;
        }
        return Some((numeric(value), total));
    }
    let len = body
        .bytes()
        .take(32)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let name = &body[..len];
    if body[len..].starts_with(';') {
        if let Some(c) = named(name) {
            return Some((c, 1 + len + 1));
        }
    }
    // Browsers accept these few without the semicolon, even followed by letters.
    let legacy = LEGACY.iter().find(|l| name.starts_with(**l))?;
    Some((named(legacy)?, 1 + legacy.len()))
}

/// References browsers resolve without a closing semicolon (a subset of the HTML
/// list: the ones that occur in report pages).
const LEGACY: &[&str] = &[
    "nbsp", "amp", "lt", "gt", "quot", "copy", "reg", "times", "middot", "deg",
];

fn numeric(value: u32) -> char {
    const C1: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = match value {
        0x80..=0x9F => C1[(value - 0x80) as usize],
        other => other,
    };
    if value == 0 {
        return char::REPLACEMENT_CHARACTER;
    }
    char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
}

fn named(name: &str) -> Option<char> {
    let c = match name {
        "nbsp" => '\u{A0}',
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "shy" => '\u{AD}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "middot" => '·',
        "bull" => '•',
        "prime" => '′',
        "Prime" => '″',
        "permil" => '‰',
        "copy" | "COPY" => '©',
        "reg" | "REG" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "minus" => '−',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "micro" => 'µ',
        "para" => '¶',
        "sect" => '§',
        "yen" => '¥',
        "euro" => '€',
        "pound" => '£',
        "cent" => '¢',
        "iexcl" => '¡',
        "iquest" => '¿',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "radic" => '√',
        "infin" => '∞',
        "loz" => '◊',
        "hearts" => '♥',
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::decode_entities;

    #[test]
    fn named_decimal_hex_and_unknown() {
        assert_eq!(decode_entities("0&nbsp;&nbsp;"), "0\u{a0}\u{a0}");
        assert_eq!(decode_entities("&lt;p&gt; &amp; &quot;"), "<p> & \"");
        assert_eq!(decode_entities("&#20108;&#x4E09;&#X56DB;"), "二三四");
        assert_eq!(decode_entities("&bogus; & &;"), "&bogus; & &;");
        assert_eq!(decode_entities("&nbsp1"), "\u{a0}1");
        assert_eq!(decode_entities("&mdashx"), "&mdashx");
        assert_eq!(decode_entities("&nbspx&amp"), "\u{a0}x&");
        assert_eq!(
            decode_entities("&#150;&#0;&#xD800;&#99999999999;"),
            "–\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(decode_entities("&#"), "&#");
        assert_eq!(decode_entities("a&"), "a&");
        assert_eq!(decode_entities("&#12345"), "〹");
    }
}

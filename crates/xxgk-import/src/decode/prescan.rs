//! Finds the charset a page declares near its start, in the ASCII bytes of the
//! markup, without decoding it (comments are skipped).

/// The charset label declared by the first `<meta charset=…>`, `<meta … content="…;
/// charset=…">` or `<?xml … encoding=…?>` in `head`.
pub(super) fn declared_charset(head: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < head.len() {
        let rest = &head[i..];
        if rest.starts_with(b"<!--") {
            i += 4 + find(&rest[4..], b"-->").map_or(rest.len(), |k| k + 3);
        } else if starts_with_ci(rest, b"<meta") && rest.get(5).is_some_and(|&c| is_gap(c)) {
            let end = rest.iter().position(|&c| c == b'>').unwrap_or(rest.len());
            if let Some(label) = value_after(&rest[5..end], b"charset") {
                return Some(label);
            }
            i += end.max(1);
        } else if i == 0 && rest.starts_with(b"<?xml") {
            let end = find(rest, b"?>").unwrap_or(rest.len());
            if let Some(label) = value_after(&rest[5..end], b"encoding") {
                return Some(label);
            }
            i += end.max(1);
        } else {
            i += 1;
        }
    }
    None
}

/// The value following `name` and `=` in `attrs` (case-insensitive), unquoted.
fn value_after(attrs: &[u8], name: &[u8]) -> Option<String> {
    let mut from = 0;
    while let Some(k) = find_ci(&attrs[from..], name) {
        let mut j = from + k + name.len();
        from = j;
        while attrs.get(j).is_some_and(|&c| is_gap(c)) {
            j += 1;
        }
        if attrs.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while attrs
            .get(j)
            .is_some_and(|&c| is_gap(c) || c == b'"' || c == b'\'')
        {
            j += 1;
        }
        let start = j;
        while attrs
            .get(j)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b':'))
        {
            j += 1;
        }
        if j > start {
            return Some(String::from_utf8_lossy(&attrs[start..j]).into_owned());
        }
    }
    None
}

fn is_gap(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/')
}

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find(s: &[u8], needle: &[u8]) -> Option<usize> {
    s.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(s: &[u8], needle: &[u8]) -> Option<usize> {
    s.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::declared_charset;

    fn label(s: &str) -> Option<String> {
        declared_charset(s.as_bytes())
    }

    #[test]
    fn meta_charset_forms() {
        assert_eq!(
            label(r#"<html><meta charset="gbk">"#).as_deref(),
            Some("gbk")
        );
        assert_eq!(label("<META CHARSET=GB2312>").as_deref(), Some("GB2312"));
        assert_eq!(
            label(r#"<meta http-equiv="Content-Type" content="text/html; charset=gb18030" />"#)
                .as_deref(),
            Some("gb18030")
        );
        assert_eq!(
            label("<?xml version=\"1.0\" encoding='GBK'?><html>").as_deref(),
            Some("GBK")
        );
    }

    #[test]
    fn comments_and_other_tags_are_not_declarations() {
        assert_eq!(
            label(r#"<!-- <meta charset="big5"> --><meta charset="utf-8">"#).as_deref(),
            Some("utf-8")
        );
        assert_eq!(label(r#"<metadata charset="gbk">"#), None);
        assert_eq!(label("<p>charset=gbk</p>"), None);
        assert_eq!(label(r#"<meta name="charset">"#), None);
        assert_eq!(label("<meta charset="), None);
        assert_eq!(label("<!--"), None);
    }
}

//! Character-level helpers shared by the front ends and the interpreter: width
//! folding, whitespace, punctuation classes, and the keys labels are compared by.
//!
//! Keys are for comparison only; nothing here changes the text kept in the model.

pub(crate) use xxgk_model::chars::fold_width;

/// Whitespace as it occurs in published reports: ASCII and Unicode spaces, the
/// ideographic space, no-break space, zero-width space and the byte-order mark.
pub(crate) fn is_space(c: char) -> bool {
    // ASCII and the ideographs (nearly every character of a report) are answered
    // without the Unicode tables.
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r');
    }
    !is_cjk(c)
        && (c.is_whitespace() || matches!(c, '\u{3000}' | '\u{00A0}' | '\u{200B}' | '\u{FEFF}'))
}

/// The text with leading and trailing [`is_space`] characters removed.
pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// The text with every [`is_space`] character removed.
/// The words of a text (runs of characters that are not spaces), each as its
/// byte range.
pub(crate) fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match (is_space(c), start) {
            (false, None) => start = Some(i),
            (true, Some(from)) => {
                out.push((from, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push((from, s.len()));
    }
    out
}

pub(crate) fn strip_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().filter(|c| !is_space(*c)));
    out
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for ASCII and the
/// CJK ideographs (nearly every character of a report).
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_cjk(c) || c.is_alphanumeric()
    }
}

/// A CJK ideograph (the unified blocks and extension A).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Punctuation that ends a sentence or a clause that a paragraph may end on.
pub(crate) fn is_final_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':' | '…' | '．'
    )
}

/// Closing marks that may follow sentence-final punctuation (`。”`, `。）`).
pub(crate) fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | '）' | ')' | '》' | '」' | '』' | '】' | ']'
    )
}

/// Whether a line of text ends a sentence (ignoring trailing spaces and closing
/// marks after the final punctuation).
pub(crate) fn ends_sentence(s: &str) -> bool {
    let mut chars = trim(s).chars().rev().skip_while(|c| is_closing_mark(*c));
    chars.next().is_some_and(is_final_punct)
}

/// Chinese punctuation and ASCII punctuation of the kind that strays from a PDF's
/// layers (used to recognise lines made of nothing else).
pub(crate) fn is_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '（'
            | '）'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '…'
            | '·'
            | '．'
    ) || (c.is_ascii_punctuation() && !matches!(c, '/' | '-' | '\\'))
}

/// The key a label is compared by: full-width folded, lower-cased, keeping only
/// letters, digits and ideographs (so spaces, line breaks, brackets, quotes and
/// separators such as `1、`/`1.`/`1．` do not matter), with `其它` read as `其他`.
pub(crate) fn label_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(
        s.chars()
            .map(fold_width)
            .filter(|c| is_alphanumeric(*c))
            .map(|c| match c {
                '它' => '他',
                c => c.to_ascii_lowercase(),
            }),
    );
    out
}

/// Chinese numerals used in numbering (一 … 十).
pub(crate) const NUMERALS: [char; 10] =
    ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// The value of a Chinese numeral from 一 to 十.
pub(crate) fn numeral_value(c: char) -> Option<usize> {
    NUMERALS.iter().position(|n| *n == c).map(|i| i + 1)
}

/// A label key without its leading numbering (`1`, `一`, `（三）`, `①`): the words
/// of the label only.
pub(crate) fn bare_key(s: &str) -> String {
    let key = label_key(strip_circled(s));
    let skip = key
        .chars()
        .take_while(|c| c.is_ascii_digit() || NUMERALS.contains(c))
        .count();
    // Only numbering at the start is removed, and never the whole label.
    if skip == 0 || skip >= key.chars().count() {
        return key;
    }
    let at = key.char_indices().nth(skip).map_or(key.len(), |(i, _)| i);
    let mut key = key;
    key.drain(..at);
    key
}

/// The leading numbering of a label: an ASCII number (`1.`, `1、`, `（1）`) or a
/// Chinese numeral (`一、`, `（三）`), as digits or numeral text.
pub(crate) fn leading_number(s: &str) -> Option<String> {
    let key = label_key(strip_circled(s));
    let num: String = key.chars().take_while(char::is_ascii_digit).collect();
    if !num.is_empty() && num.len() < key.len() {
        return Some(num);
    }
    None
}

fn strip_circled(s: &str) -> &str {
    let t = trim(s);
    match t.chars().next() {
        Some(c @ '①'..='⑩') => &t[c.len_utf8()..],
        _ => t,
    }
}

/// Similarity of two keys from 0 to 1: twice the longest common subsequence over
/// the summed lengths (insensitive to a few dropped or inserted characters).
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for ca in &a {
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let lcs = prev[b.len()];
    #[expect(clippy::cast_precision_loss, reason = "label lengths are small")]
    let ratio = (2 * lcs) as f64 / (a.len() + b.len()) as f64;
    ratio
}

/// Number of characters of a string.
pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_layout_and_separators() {
        assert_eq!(label_key("1、属于国家秘密"), label_key("1.属于国家秘密"));
        assert_eq!(
            label_key("１．属于 国家\n秘密"),
            label_key("1.属于国家秘密")
        );
        assert_eq!(label_key("(三) 不予公开"), label_key("（三）不予公开"));
        assert_eq!(label_key("三 、 本 年 度 办 理 结 果"), "三本年度办理结果");
        assert_eq!(label_key("其它"), "其他");
        assert_eq!(bare_key("2.重复申请"), "重复申请");
        assert_eq!(bare_key("（七）总计"), "总计");
        assert_eq!(bare_key("一、本年新收"), "本年新收");
        assert_eq!(bare_key("①重复申请"), "重复申请");
        assert_eq!(leading_number("3、其他"), Some("3".into()));
        assert_eq!(leading_number("其他"), None);
    }

    #[test]
    fn sentence_ends_are_seen_through_closing_marks() {
        assert!(ends_sentence("……的通知》。"));
        assert!(ends_sentence("说“好”。”  "));
        assert!(ends_sentence("主要表现在："));
        assert!(!ends_sentence("网站提供的各项服务和"));
        assert!(!ends_sentence(""));
    }

    #[test]
    fn similarity_tolerates_dropped_characters() {
        let s = similarity("2其他法律行政止公开", "2其他法律行政法规禁止公开");
        assert!(s > 0.8, "{s}");
        assert!(similarity("重复申请", "行政强制") < 0.3);
        assert!((similarity("abc", "abc") - 1.0).abs() < f64::EPSILON);
    }
}

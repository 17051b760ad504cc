//! Markdown documents (`xxgk render --to md`, pandoc with heading styles): what
//! Markdown writes for characters it would otherwise read as markup, read back
//! into the characters.
//!
//! A text is Markdown when it has two heading lines (`#` to `######`), or one and
//! a pipe table's rule line (`| --- |`). In such a text:
//! - a backslash before ASCII punctuation is an escape (`\<`, `\*`, `1\.`), and a
//!   character reference ending in `;` is its character (`&#32;`, `&amp;`);
//! - a line ending in a backslash is a line break inside its paragraph;
//! - a blank line ends a paragraph, and the lines of a paragraph wrapped at a
//!   width are joined: with nothing between ideographs or full-width forms, with a
//!   space otherwise (where the writer broke the line);
//! - a table cell's `<br>` is a line break.
//!
//! Text that is not Markdown is read as written: its backslashes and ampersands
//! are the report's.

use crate::normalize::is_space;

/// Whether lines are a Markdown document.
pub(crate) fn is_markdown(lines: &[&str]) -> bool {
    let headings = lines.iter().filter(|l| is_heading_line(l)).count();
    let rules = lines.iter().filter(|l| is_pipe_rule(l)).count();
    headings >= 2 || headings >= 1 && rules >= 1
}

fn is_heading_line(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    let hashes = t.chars().take_while(|c| *c == '#').count();
    (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t'])
}

/// A pipe table's rule line: `|---|:---:|`, `:--- | ---`.
fn is_pipe_rule(line: &str) -> bool {
    let t = line.trim();
    t.contains('|')
        && t.contains("---")
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Text with its backslash escapes and character references read.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\'
            && let Some(next) = rest[1..].chars().next()
            && next.is_ascii_punctuation()
        {
            out.push(next);
            rest = &rest[1 + next.len_utf8()..];
            continue;
        }
        if c == '&'
            && let Some((ch, len)) = crate::html::char_reference(rest)
            && rest[..len].ends_with(';')
        {
            out.push(ch);
            rest = &rest[len..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A line ending in a hard line break (an odd number of backslashes at its end):
/// the line without it.
pub(crate) fn hard_break(line: &str) -> Option<&str> {
    let t = line.trim_end_matches(is_space);
    let slashes = t.len() - t.trim_end_matches('\\').len();
    (slashes % 2 == 1).then(|| &t[..t.len() - 1])
}

/// A table cell's text: `<br>` as a line break, escapes and references read.
pub(crate) fn cell(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut rest = text;
    loop {
        let lower = rest.to_ascii_lowercase();
        let Some(at) = ["<br>", "<br/>", "<br />"]
            .iter()
            .filter_map(|b| lower.find(b).map(|i| (i, b.len())))
            .min()
        else {
            lines.push(unescape(rest.trim()));
            break;
        };
        lines.push(unescape(rest[..at.0].trim()));
        rest = &rest[at.0 + at.1..];
    }
    lines.join("\n")
}

/// The separator for joining a line wrapped at a width to the text before it:
/// nothing between ideographs or full-width forms (a writer breaks such text
/// anywhere), a space otherwise (a writer breaks at a space).
pub(crate) fn soft_break(before: &str, after: &str) -> &'static str {
    let wide = |c: char| crate::normalize::is_cjk(c) || !c.is_ascii();
    match (before.chars().next_back(), after.chars().next()) {
        (Some(a), Some(b)) if !wide(a) && !wide(b) => " ",
        _ => "",
    }
}

/// The fields of a pipe table row, split at pipes that are not escaped (`\|` is a
/// pipe inside a cell): each field's text and its offset in characters.
pub(crate) fn split_pipes(inner: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut start = 0;
    let mut chars = inner.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|(_, n)| *n == '|') => {
                field.push('\\');
                if let Some((_, n)) = chars.next() {
                    field.push(n);
                }
            }
            '|' => {
                out.push((std::mem::take(&mut field), start));
                start = i + 1;
            }
            _ => field.push(c),
        }
    }
    out.push((field, start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_references_are_read() {
        assert_eq!(
            unescape(r"《上海市贯彻\<长江三角洲\>实施方案》\*注\* 1\. a\\b"),
            r"《上海市贯彻<长江三角洲>实施方案》*注* 1. a\b"
        );
        assert_eq!(unescape("&#32;&#9;x &amp; y &copy z"), " \tx & y &copy z");
        // A backslash before anything else is a backslash.
        assert_eq!(unescape(r"C:\目录"), r"C:\目录");
    }

    #[test]
    fn hard_breaks_cells_and_pipes() {
        assert_eq!(hard_break("第一行\\"), Some("第一行"));
        assert_eq!(hard_break("路径\\\\"), None);
        assert_eq!(hard_break("无"), None);
        assert_eq!(cell(r"甲<br>乙 \| 丙<BR />丁"), "甲\n乙 | 丙\n丁");
        let fields: Vec<String> = split_pipes(r" a \| b | c ")
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(fields, [r" a \| b ", " c "]);
    }

    #[test]
    fn markdown_documents() {
        assert!(is_markdown(&["# 标题", "", "## 一、总体情况"]));
        assert!(is_markdown(&["# 标题", "| a | b |", "| --- | :---: |"]));
        assert!(!is_markdown(&["# 标题", "正文"]));
        assert!(!is_markdown(&["#标题", "#没有空格"]));
    }

    #[test]
    fn wrapped_lines_join_as_written() {
        assert_eq!(soft_break("工作", "取得"), "");
        assert_eq!(soft_break("2024", "年"), "");
        assert_eq!(soft_break("PDF", "files"), " ");
    }
}

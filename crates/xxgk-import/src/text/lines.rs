//! Line classification for the text front end: blank lines, page footers, stray
//! characters, table rows (tab-separated, Markdown, space-aligned) and text.

use super::line::{Field, Kind, Line, MAX_FIELDS, is_footer, is_pipe};
use super::single::{single_spaced_tail, split_single};
use crate::cell::{is_number, value_like};
use crate::normalize::{char_len, ends_sentence, is_punct, is_space, trim};

/// Splits text into lines at `\r\n`, `\r` or `\n`; a report stored on one
/// line is cut into the lines it was printed in ([`super::unfold`]).
pub(crate) fn split_lines(text: &str) -> Vec<&str> {
    pieces(text).into_iter().map(|p| p.text).collect()
}

/// A line of the text, or a piece of a line cut by [`super::unfold`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece<'a> {
    pub(crate) text: &'a str,
    /// The line's number in the file, from 1.
    pub(crate) no: u32,
    /// Characters before the piece on its line.
    pub(crate) offset: u32,
    /// The line was cut into pieces.
    pub(crate) cut: bool,
}

/// The lines of a text, a one-line report cut into pieces.
pub(crate) fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut raw = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['\r', '\n']) {
        raw.push(&rest[..i]);
        let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[i + skip..];
    }
    raw.push(rest);
    let mut out = Vec::with_capacity(raw.len());
    for (i, line) in raw.into_iter().enumerate() {
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let cuts = super::unfold::cuts(line);
        let mut chars = 0usize;
        let mut prev = 0usize;
        for (k, &at) in cuts.iter().enumerate() {
            let end = cuts.get(k + 1).copied().unwrap_or(line.len());
            chars += char_len(&line[prev..at]);
            prev = at;
            out.push(Piece {
                text: &line[at..end],
                no,
                offset: u32::try_from(chars).unwrap_or(u32::MAX),
                cut: cuts.len() > 1,
            });
        }
    }
    out
}

/// Classifies every line (of a text that is not Markdown).
#[cfg(test)]
pub(crate) fn classify(text: &str) -> Vec<Line<'_>> {
    classify_as(text, false)
}

/// Classifies every line of a text, Markdown or not: in Markdown a line holding a
/// tab is text (Markdown's tables are pipe tables and pandoc's space-aligned ones).
pub(crate) fn classify_as(text: &str, markdown: bool) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = pieces(text)
        .into_iter()
        .map(|p| {
            let t = p.text;
            let mut kind = first_kind(t);
            if markdown && t.contains('\t') && !trim(t).starts_with('|') {
                kind = Kind::Text;
            }
            Line {
                no: p.no,
                text: t,
                kind,
                spaced: false,
                offset: p.offset,
                cut: p.cut,
                note: None,
            }
        })
        .collect();
    super::running::mark_running_lines(&mut lines);
    join_grid_rows(&mut lines);
    mark_space_tables(&mut lines);
    super::wrapped::units(&mut lines);
    super::cells::stitch(&mut lines);
    super::percell::rebuild(&mut lines);
    lines
}

fn first_kind(line: &str) -> Kind {
    let t = trim(line);
    if t.is_empty() {
        return Kind::Blank;
    }
    if is_footer(t) {
        return Kind::Footer;
    }
    // The rules of Markdown's simple, multiline and grid tables (`-----  ----`,
    // `+----+`, `====`).
    if t.chars()
        .all(|c| matches!(c, '-' | '=' | '+' | ':' | '|') || is_space(c))
        && t.chars().filter(|c| matches!(c, '-' | '=')).count() >= 3
    {
        return Kind::RuleLine;
    }
    if char_len(t) <= 3 && t.chars().all(|c| is_punct(c) || is_space(c)) {
        return Kind::Stray;
    }
    if line.contains('\t') {
        let fields = split_tabs(line);
        if fields.is_empty() {
            return Kind::Text;
        }
        let filled: Vec<&Field> = fields.iter().filter(|f| !f.text.is_empty()).collect();
        // A paragraph indented with a tab is text, not a one-cell row.
        if let [only] = filled.as_slice()
            && (char_len(&only.text) > 40 || ends_sentence(&only.text) && char_len(&only.text) > 15)
        {
            return Kind::Text;
        }
        return Kind::Row(fields);
    }
    if let Some(kind) = markdown(line) {
        return kind;
    }
    Kind::Text
}

/// Markdown grid tables (`+----+----+` rules, pandoc's plain text too): the
/// lines between two rules are one row, each cell's text continued on the
/// next lines (joined with `\n`, as a cell's paragraphs are).
fn join_grid_rows(lines: &mut [Line<'_>]) {
    let is_grid_rule = |l: &Line<'_>| l.kind == Kind::RuleLine && trim(l.text).starts_with('+');
    let mut i = 0;
    while i < lines.len() {
        if !is_grid_rule(&lines[i]) {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while end < lines.len() && matches!(lines[end].kind, Kind::Row(_)) {
            end += 1;
        }
        let closed = end < lines.len() && is_grid_rule(&lines[end]);
        if closed && end - start > 1 {
            let rows: Vec<Vec<Field>> = lines[start..end]
                .iter()
                .filter_map(|l| match &l.kind {
                    Kind::Row(f) => Some(f.clone()),
                    _ => None,
                })
                .collect();
            let width = rows[0].len();
            if rows.iter().all(|r| r.len() == width) {
                let mut joined = rows[0].clone();
                for (c, cell) in joined.iter_mut().enumerate() {
                    let parts: Vec<&str> = rows
                        .iter()
                        .map(|r| r[c].text.as_str())
                        .filter(|t| !t.is_empty())
                        .collect();
                    if cell.text.is_empty()
                        && let Some(k) = rows.iter().position(|r| !r[c].text.is_empty())
                    {
                        cell.column = rows[k][c].column;
                        cell.line = Some(lines[start + k].no);
                    }
                    cell.text = parts.join("\n");
                }
                lines[start].kind = Kind::Row(joined);
                for line in &mut lines[start + 1..end] {
                    line.kind = Kind::Taken;
                }
            }
        }
        i = end.max(start);
    }
}

/// Fields split at `sep`, the first starting at character column `column`; no
/// fields when there would be more than [`MAX_FIELDS`].
fn split_at(text: &str, sep: char, mut column: u32) -> Vec<Field> {
    if text.matches(sep).count() >= MAX_FIELDS {
        return Vec::new();
    }
    let mut out = Vec::new();
    for part in text.split(sep) {
        let lead = part.chars().take_while(|c| is_space(*c)).count();
        out.push(Field {
            text: trim(part).to_owned(),
            column: column + u32::try_from(lead).unwrap_or(0),
            line: None,
        });
        column += u32::try_from(char_len(part) + 1).unwrap_or(0);
    }
    out
}

fn split_tabs(line: &str) -> Vec<Field> {
    split_at(line, '\t', 1)
}

fn markdown(line: &str) -> Option<Kind> {
    let t = trim(line);
    // A pipe table's row, also without the outer pipes (`规章 | 0 | 1 | 3`, which
    // GitHub's Markdown allows): two pipes at least, and not a sentence.
    let outer = t.starts_with('|');
    let pipes = t.matches('|').count();
    if !(2..=MAX_FIELDS).contains(&pipes) || (!outer && ends_sentence(t)) {
        return None;
    }
    if t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+')) {
        return Some(Kind::RuleLine);
    }
    let offset = if outer {
        line.find('|').map_or(0, |i| char_len(&line[..i]))
    } else {
        // The first cell starts where the text does (one column before it, as
        // the pipe would stand).
        line.find(|c: char| !is_space(c))
            .map_or(0, |i| char_len(&line[..i]))
            .saturating_sub(1)
    };
    let inner = t.strip_prefix('|').unwrap_or(t);
    // A closing pipe, unless escaped (`\|` is a pipe inside the last cell).
    let inner = match inner.strip_suffix('|') {
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => inner,
    };
    let fields = super::markdown::split_pipes(inner)
        .into_iter()
        .map(|(text, at)| {
            let lead = text.chars().take_while(|c| is_space(*c)).count();
            Field {
                text: trim(&text).to_owned(),
                column: u32::try_from(offset + 2 + at + lead).unwrap_or(u32::MAX),
                line: None,
            }
        })
        .collect();
    Some(Kind::Row(fields))
}

/// Fields of a line split at runs of two or more spaces or at an ideographic
/// space (the layout of `pdftotext -layout` and of hand-aligned tables).
fn split_spaces(line: &str) -> Vec<Field> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && is_space(chars[i]) {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let start = i;
        while i < chars.len() {
            let wide_gap = chars[i] == '\u{3000}'
                || (is_space(chars[i]) && chars.get(i + 1).is_some_and(|c| is_space(*c)));
            if wide_gap {
                break;
            }
            i += 1;
        }
        let text: String = chars[start..i].iter().collect();
        if is_pipe(trim(&text)) {
            continue;
        }
        push_squeezed(&mut out, &chars[start..i], start);
        if out.len() > MAX_FIELDS {
            return Vec::new();
        }
    }
    out
}

/// Pushes the field `chars` (starting at character index `start`): numbers set
/// one space apart (`2 1`, a narrow column squeezed by `pdftotext -layout`) are a
/// field each, since no cell prints two numbers; anything else is one field.
fn push_squeezed(out: &mut Vec<Field>, chars: &[char], start: usize) {
    // Tokens as (first character, one past the last): the end is kept, not
    // recounted, so that a long token costs its length once.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if is_space(*c) {
            continue;
        }
        let full = spans.len() > MAX_FIELDS;
        match spans.last_mut() {
            Some((_, end)) if *end == i => *end = i + 1,
            _ if full => break,
            _ => spans.push((i, i + 1)),
        }
    }
    let token = |&(a, b): &(usize, usize)| chars[a..b].iter().collect::<String>();
    // More numbers than a table has columns is no row of numbers.
    let numbers =
        spans.len() >= 2 && spans.len() <= MAX_FIELDS && spans.iter().all(|s| is_number(&token(s)));
    let number_at = |s: &(usize, usize)| is_number(&token(s));
    // `3.补正后申请内容仍不明确 2`: numbers one space after a label are no part
    // of it (`pdftotext -layout` sets a narrow column's first value one space
    // from the label cell), when the label holds a Chinese character and ends
    // with none of the numbers' own punctuation.
    let tail = spans.iter().rev().take_while(|s| number_at(s)).count();
    let label_end = spans.len() - tail;
    let split_tail = !numbers
        && tail >= 1
        && label_end >= 1
        && spans.len() <= MAX_FIELDS
        && chars[spans[0].0..spans[label_end - 1].1]
            .iter()
            .any(|c| crate::normalize::is_cjk(*c))
        && !super::single::is_unit_after(&token(&spans[label_end - 1]));
    let tokens: Vec<(usize, String)> = if numbers {
        spans.iter().map(|s| (s.0, token(s))).collect()
    } else if split_tail {
        let label: String = chars[spans[0].0..spans[label_end - 1].1].iter().collect();
        std::iter::once((spans[0].0, label))
            .chain(spans[label_end..].iter().map(|s| (s.0, token(s))))
            .collect()
    } else {
        let text: String = chars.iter().collect();
        vec![(0, trim(&text).to_owned())]
    };
    for (at, text) in tokens {
        out.push(Field {
            text,
            column: u32::try_from(start + at + 1).unwrap_or(u32::MAX),
            line: None,
        });
    }
}

/// Whether a line sets two of its words apart by two or more spaces or an
/// ideographic space.
fn has_wide_gap(line: &str) -> bool {
    let t = trim(line);
    t.contains("  ") || t.contains('\u{3000}')
}

/// Whether space-split fields look like a table row with values.
fn is_value_row(fields: &[Field]) -> bool {
    fields.len() >= 2
        && fields
            .iter()
            .all(|f| char_len(&f.text) <= 40 && !ends_sentence(&f.text))
        && fields[1..]
            .iter()
            .any(|f| value_like(&f.text) && !f.text.is_empty())
}

/// Whether space-split fields look like a header row (short labels only).
fn is_header_row(fields: &[Field]) -> bool {
    fields.len() >= 2
        && fields
            .iter()
            .all(|f| char_len(&f.text) <= 24 && !ends_sentence(&f.text))
}

/// Marks runs of space-aligned lines as table rows: a run of header-like or
/// value-like lines (blank lines and footers may sit between) holding two value
/// rows, or a value row and a header row, or a row of three or more numbers.
fn mark_space_tables(lines: &mut [Line<'_>]) {
    let split: Vec<Option<(Vec<Field>, bool)>> = lines
        .iter()
        .map(|l| {
            if l.kind != Kind::Text {
                return None;
            }
            // A line without a space inside is one field (or none): neither a
            // value row nor a header when split at spaces.
            if !trim(l.text).contains(is_space) {
                return split_single(l.text);
            }
            let mut fields = split_spaces(l.text);
            if !is_value_row(&fields) {
                single_spaced_tail(&mut fields);
            }
            if is_value_row(&fields) {
                Some((fields, true))
            } else if is_header_row(&fields) {
                Some((fields, false))
            } else if fields.len() == 1 || !has_wide_gap(l.text) {
                split_single(l.text)
            } else {
                None
            }
        })
        .collect();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if split[i].is_none() {
            i += 1;
            continue;
        }
        // Extend the run over candidates, blank lines and footers.
        let mut j = i;
        let mut end = i;
        let mut values = 0;
        let mut headers = 0;
        let mut strong = 0;
        while j < lines.len() {
            match (&split[j], &lines[j].kind) {
                (Some((fields, v)), _) => {
                    values += usize::from(*v);
                    headers += usize::from(!*v);
                    let numbers = fields
                        .iter()
                        .filter(|f| !f.text.is_empty() && value_like(&f.text))
                        .count();
                    // A row's cells run together into one long run of digits.
                    let run = fields.len() == 1
                        && fields[0].text.chars().count() >= 13
                        && fields[0].text.chars().all(|c| c.is_ascii_digit());
                    strong += usize::from(numbers >= 3 || run);
                    end = j;
                }
                (None, Kind::Blank | Kind::Footer | Kind::Stray) => {}
                _ => break,
            }
            j += 1;
        }
        if values >= 2 || (values >= 1 && headers >= 1) || strong >= 1 {
            for k in i..=end {
                if let Some((fields, _)) = &split[k] {
                    lines[k].kind = Kind::Row(fields.clone());
                    lines[k].spaced = true;
                }
            }
            // Cells joined with one fixed separator keep their blank cells.
            if let Some(sep) = super::separated::separator(&lines[i..=end]) {
                let (i, end) = super::separated::widen(lines, (i, end), sep);
                for line in &mut lines[i..=end] {
                    if matches!(line.kind, Kind::Row(_) | Kind::Text)
                        && line.text.contains(['\u{3000}', ' '])
                    {
                        let fields = super::separated::split(line.text, sep);
                        if fields.len() > 1 {
                            line.kind = Kind::Row(fields);
                            line.spaced = false;
                        }
                    }
                }
            } else {
                runs.push((i, end));
            }
        }
        i = end + 1;
    }
    super::align::fill_tables(lines, &runs);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_of_every_kind_split() {
        assert_eq!(split_lines("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n"), ["a", ""]);
    }

    #[test]
    fn footers_are_recognised() {
        for f in ["- 1 -", "—2—", "-12-", "第 3 页", "第3页共9页"] {
            assert!(is_footer(f), "{f}");
        }
        for t in ["-", "1", "一、总体情况", "- 本年 -", "第二十条第（一）项"] {
            assert!(!is_footer(t), "{t}");
        }
    }

    #[test]
    fn rows_of_each_layout_are_split_with_columns() {
        let Kind::Row(f) = first_kind("规章\t0\t\t3") else {
            panic!()
        };
        assert_eq!(f.len(), 4);
        assert_eq!((f[3].text.as_str(), f[3].column), ("3", 7));
        let Kind::Row(f) = first_kind("| 规章 | 1 | 2 |") else {
            panic!()
        };
        assert_eq!(
            f.iter().map(|x| x.text.as_str()).collect::<Vec<_>>(),
            ["规章", "1", "2"]
        );
        assert_eq!(first_kind("|---|:--:|"), Kind::RuleLine);
        assert_eq!(
            first_kind("\t这是一段用制表符缩进的正文，讲述了全年工作的总体情况和主要做法。"),
            Kind::Text
        );
        let f = split_spaces("  规章      0     1    2");
        assert_eq!(f.len(), 4);
        assert_eq!(f[1].column, 11);
    }

    #[test]
    fn grid_table_rows_continue_over_lines() {
        let text = "+------+----+\n| 其他对 | 10 |\n| 外管理服务事项 |  |\n+------+----+\n| 规章 | 1 |\n+------+----+";
        let lines = classify(text);
        let Kind::Row(f) = &lines[1].kind else {
            panic!("{:?}", lines[1].kind)
        };
        assert_eq!(f[0].text, "其他对\n外管理服务事项");
        assert_eq!(f[1].text, "10");
        assert_eq!(lines[2].kind, Kind::Taken);
        assert!(matches!(&lines[4].kind, Kind::Row(f) if f[0].text == "规章"));
    }

    #[test]
    fn space_aligned_runs_become_rows() {
        let text = "正文一段。\n信息内容    本年制发件数    本年废止件数\n规章    1    0\n行政规范性文件    2    3\n后文。";
        let lines = classify(text);
        let kinds: Vec<bool> = lines
            .iter()
            .map(|l| matches!(l.kind, Kind::Row(_)))
            .collect();
        assert_eq!(kinds, [false, true, true, true, false]);
    }
}

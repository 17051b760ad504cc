//! Rows printed with single spaces between their fields (a PDF viewer's copy,
//! or a field of a space-aligned row that holds a label and its values).

use super::line::{Field, MAX_FIELDS, is_pipe};
use crate::cell::{is_number, value_like};
use crate::normalize::{char_len, ends_sentence, is_space, trim};

/// Units printed apart from their number (`34.5 万`).
const UNITS: &[&str] = &["万", "万元", "元", "件", "个", "项", "条"];

/// Whether a word reads as a unit or counter placed before a number it does not
/// belong to (`第`, `共`, `约`): a number after it is part of the text.
pub(super) fn is_unit_after(word: &str) -> bool {
    word.ends_with(['第', '共', '约', '近', '达', '为', '计'])
}

/// A row printed with single spaces (copied from a PDF viewer): a label and two or
/// more values at the end of the line (or values only), or a header made of
/// official labels only. `true` for a value row. A line of more than
/// [`MAX_FIELDS`] words is no row.
pub(super) fn split_single(line: &str) -> Option<(Vec<Field>, bool)> {
    // One word (every line of narrative) is a row only as a run of digits (below).
    let word = trim(line);
    if !word.contains(is_space) && !is_digit_run(word) {
        return None;
    }
    if line
        .split(is_space)
        .filter(|w| !w.is_empty())
        .nth(MAX_FIELDS)
        .is_some()
    {
        return None;
    }
    // A line that ends in no value (narrative) is a row only as a header; told
    // from the words as they stand, without copying them.
    let words = words_of(line);
    if let Some(&(last, _)) = words.last()
        && !UNITS.contains(&last)
        && !value_like(last)
    {
        return header_of(words);
    }
    let mut tokens: Vec<Field> = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<char> = line.chars().collect();
    for (i, c) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
        match (is_space(*c), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let text: String = chars[s..i].iter().collect();
                // A pipe between two cells (`行政许可 | 0`) is no cell.
                if !is_pipe(&text) {
                    tokens.push(Field {
                        text,
                        column: u32::try_from(s + 1).unwrap_or(u32::MAX),
                        line: None,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    // `34.5 万`: a unit apart from its number belongs to it.
    if tokens.len() >= 2
        && UNITS.contains(&tokens[tokens.len() - 1].text.as_str())
        && is_number(&tokens[tokens.len() - 2].text)
    {
        let unit = tokens.pop().map(|t| t.text).unwrap_or_default();
        if let Some(last) = tokens.last_mut() {
            last.text = format!("{} {unit}", last.text);
        }
    }
    // A line of nothing but a run of 13 digits or more (longer than any one
    // count): a row's cells run together
    // (`1010000000050000`, table 四 copied without separators).
    if let [only] = tokens.as_slice()
        && is_digit_run(&only.text)
    {
        return Some((tokens, true));
    }
    let values = tokens
        .iter()
        .rev()
        .take_while(|t| value_like(&t.text))
        .count();
    let split = tokens.len() - values;
    let label_text = || {
        tokens[..split]
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    // One value is enough after an official label (`行政许可 128`).
    let enough = values >= 2
        || (values == 1 && split > 0 && crate::patterns::is_official_label(&label_text()));
    if enough {
        let mut fields: Vec<Field> = Vec::new();
        if split > 0 {
            let first = &tokens[0];
            let label = label_text();
            if ends_sentence(&label) || label.contains('。') || char_len(&label) > 80 {
                return None;
            }
            fields.push(Field {
                text: label,
                column: first.column,
                line: None,
            });
        }
        fields.extend(tokens.into_iter().skip(split));
        return Some((fields, true));
    }
    let header = tokens.len() >= 2
        && tokens
            .iter()
            .all(|t| crate::patterns::is_official_label(&t.text));
    header.then_some((tokens, false))
}

/// A run of 13 digits or more (longer than any one count): a row's cells run
/// together (`1010000000050000`, table 四 copied without separators).
fn is_digit_run(word: &str) -> bool {
    word.len() >= 13
        && word.chars().count() >= 13
        && word
            .chars()
            .all(|c| crate::normalize::fold_width(c).is_ascii_digit())
}

/// A line of words that ends in no value: a header row when it holds two
/// official labels or more and nothing else.
fn header_of(words: Vec<(&str, u32)>) -> Option<(Vec<Field>, bool)> {
    let header = words.len() >= 2
        && words
            .iter()
            .all(|(w, _)| crate::patterns::is_official_label(w));
    header.then(|| {
        let fields = words
            .into_iter()
            .map(|(w, column)| Field {
                text: w.to_owned(),
                column,
                line: None,
            })
            .collect();
        (fields, false)
    })
}

/// The words of a line set apart by spaces, each with its character column
/// (from 1); a pipe alone (`行政许可 | 0`) is no word.
fn words_of<'a>(line: &'a str) -> Vec<(&'a str, u32)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    let mut push = |word: &'a str, at: usize| {
        if !is_pipe(word) {
            out.push((word, u32::try_from(at + 1).unwrap_or(u32::MAX)));
        }
    };
    for (k, (i, c)) in line.char_indices().enumerate() {
        match (is_space(c), start) {
            (false, None) => start = Some((i, k)),
            (true, Some((from, at))) => {
                push(&line[from..i], at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some((from, at)) = start {
        push(&line[from..], at);
    }
    out
}

/// A row whose last field holds a label and its values set apart by single
/// spaces (`度办     1.本机关不掌握相关政府信息 0 0 0 0 0 0 0`: a PDF's narrow
/// column, the piece of a group label beside it): that field split into the
/// label and the values, when it reads as such a row on its own.
pub(super) fn single_spaced_tail(fields: &mut Vec<Field>) {
    if fields.len() < 2 {
        return;
    }
    let Some(last) = fields.last() else {
        return;
    };
    let Some((tail, true)) = split_single(&last.text) else {
        return;
    };
    if tail.len() < 3 {
        return;
    }
    let offset = last.column.saturating_sub(1);
    fields.pop();
    fields.extend(tail.into_iter().map(|mut f| {
        f.column = f.column.saturating_add(offset);
        f
    }));
}

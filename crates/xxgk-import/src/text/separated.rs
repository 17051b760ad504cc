//! Tables whose cells a converter joined with one fixed separator: a tab turned
//! into four spaces, or into one ideographic space (`　`). Unlike a laid-out table
//! (`pdftotext -layout`, where a blank cell prints as nothing and only positions
//! tell the columns), such text keeps every cell: `k` separators in a row are
//! `k - 1` blank cells between two fields, as `k` tabs would be.
//!
//! A run of table lines is read so only when every gap between its fields says
//! the same: all gaps made of ideographic spaces alone, or all of ASCII spaces
//! whose lengths are whole multiples of the shortest (two or more), and at least
//! one gap holds two separators or more (else nothing differs from the laid-out
//! reading). A single space stays inside a field (`34.5 万`). A laid-out table,
//! whose gaps follow the widths of its labels, rarely meets this; one that does
//! would need every gap a multiple of one width.

use super::line::{Field, Kind, Line};

/// The separator a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Separator {
    /// One ideographic space.
    Ideographic,
    /// This many ASCII spaces.
    Spaces(usize),
}

/// A gap between two fields (or before the first): its start (character index),
/// its length and whether it is made of ideographic spaces alone.
struct Gap {
    start: usize,
    len: usize,
    ideographic: bool,
}

/// Gaps of two or more spaces (or of ideographic spaces) in `line`, leading and
/// trailing ones included; `None` when a gap mixes both kinds.
fn gaps(line: &str) -> Option<Vec<Gap>> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != ' ' && chars[i] != '\u{3000}' {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i] == ' ' || chars[i] == '\u{3000}') {
            i += 1;
        }
        let run = &chars[start..i];
        let ideo = run.iter().filter(|c| **c == '\u{3000}').count();
        match (ideo, run.len()) {
            (0, 1) => {}
            (0, len) => out.push(Gap {
                start,
                len,
                ideographic: false,
            }),
            (n, len) if n == len => out.push(Gap {
                start,
                len,
                ideographic: true,
            }),
            _ => return None,
        }
    }
    Some(out)
}

/// The separator every gap of the run's rows is made of, when there is one and
/// some gap holds two separators or more.
pub(super) fn separator(lines: &[Line<'_>]) -> Option<Separator> {
    let mut all = Vec::new();
    for l in lines {
        if let Kind::Row(fields) = &l.kind {
            // Numbers one space apart are fields of a squeezed laid-out row
            // (`pdftotext -layout` of a narrow column): no converter's separator.
            if squeezed(l.text, fields) {
                return None;
            }
            all.extend(gaps(l.text)?);
        }
    }
    let first = all.first()?;
    let sep = if first.ideographic {
        if !all.iter().all(|g| g.ideographic) {
            return None;
        }
        Separator::Ideographic
    } else {
        if all.iter().any(|g| g.ideographic) {
            return None;
        }
        let w = all.iter().map(|g| g.len).min()?;
        if w < 2 || all.iter().any(|g| g.len % w != 0) {
            return None;
        }
        Separator::Spaces(w)
    };
    let width = match sep {
        Separator::Ideographic => 1,
        Separator::Spaces(w) => w,
    };
    all.iter().any(|g| g.len >= 2 * width).then_some(sep)
}

/// Whether two fields of a row stand one space apart (numbers a laid-out row
/// squeezed together, split into fields of their own).
fn squeezed(line: &str, fields: &[Field]) -> bool {
    let chars: Vec<char> = line.chars().collect();
    fields.windows(2).any(|w| {
        // Columns count from 1: the character after the first field is at `end`.
        let end = w[0].column as usize - 1 + w[0].text.chars().count();
        w[1].line == w[0].line && w[1].column as usize == end + 2 && chars.get(end) == Some(&' ')
    })
}

/// The run `(first, last)` widened over the text lines right before and after
/// it whose gaps are all of separator `sep` (a long header note beside
/// `申请人情况`, which alone does not read as a table row).
pub(super) fn widen(
    lines: &[Line<'_>],
    (mut first, mut last): (usize, usize),
    sep: Separator,
) -> (usize, usize) {
    let fits = |l: &Line<'_>| {
        l.kind == Kind::Text
            && gaps(l.text).is_some_and(|g| {
                let len = l.text.chars().count();
                g.iter().any(|g| g.start > 0 && g.start + g.len < len)
                    && g.iter().all(|g| match sep {
                        Separator::Ideographic => g.ideographic,
                        Separator::Spaces(w) => !g.ideographic && g.len % w == 0,
                    })
            })
    };
    while first > 0 && fits(&lines[first - 1]) {
        first -= 1;
    }
    while last + 1 < lines.len() && fits(&lines[last + 1]) {
        last += 1;
    }
    (first, last)
}

/// The fields of `line`, `k` separators making `k - 1` empty fields between two
/// fields (and `k` before the first).
pub(super) fn split(line: &str, sep: Separator) -> Vec<Field> {
    let width = match sep {
        Separator::Ideographic => 1,
        Separator::Spaces(w) => w,
    };
    let chars: Vec<char> = line.chars().collect();
    let gaps = gaps(line).unwrap_or_default();
    let mut out = Vec::new();
    let mut at = 0;
    let field = |from: usize, to: usize| -> String {
        chars[from..to]
            .iter()
            .collect::<String>()
            .trim_matches([' ', '\u{3000}'])
            .to_owned()
    };
    let column = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
    for (n, g) in gaps.iter().enumerate() {
        if g.start > at || n > 0 {
            out.push(Field {
                text: field(at, g.start),
                column: column(at),
                line: None,
            });
        }
        // Separators before the first field or after the last one are empty
        // fields each (as tabs would be); between two fields, one fewer.
        let end = g.start + g.len == chars.len();
        let blanks = g.len / width - usize::from(g.start > 0 && !end);
        for k in 0..blanks {
            out.push(Field {
                text: String::new(),
                column: column(g.start + k * width),
                line: None,
            });
        }
        at = g.start + g.len;
    }
    if at < chars.len() || gaps.is_empty() {
        out.push(Field {
            text: field(at, chars.len()),
            column: column(at),
            line: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(fields: &[Field]) -> Vec<&str> {
        fields.iter().map(|f| f.text.as_str()).collect()
    }

    #[test]
    fn separators_count_blank_cells() {
        let f = split("规章    1            3", Separator::Spaces(4));
        assert_eq!(texts(&f), ["规章", "1", "", "", "3"]);
        let f = split("　行政许可　　5", Separator::Ideographic);
        assert_eq!(texts(&f), ["", "行政许可", "", "5"]);
        let f = split("本年收费金额 34.5 万    1", Separator::Spaces(4));
        assert_eq!(texts(&f), ["本年收费金额 34.5 万", "1"]);
        let f = split("        自然人            ", Separator::Spaces(4));
        assert_eq!(texts(&f), ["", "", "自然人", "", "", ""]);
    }
}

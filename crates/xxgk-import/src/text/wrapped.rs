//! A number wrapped inside its cell. A page printed narrow may break a number
//! its column cannot hold (`3001` as `300` over `1`); the cell is then two lines
//! tall, and `pdftotext -layout` prints the row on three lines: the wrapped
//! cells' first parts, the other cells (centred in the row) and the wrapped
//! cells' rest, each under its column:
//!
//! ```text
//! 一、本年新收政府信息公开申请数    300                       311
//!                        53   0   0   61   4
//! 量                   1                         9
//! ```
//!
//! A line whose values are digits alone, each under a number of the row two
//! lines above (a row with blank columns: it holds the wrapped cells only),
//! with a row of values between that has none in those columns, and without a
//! label of its own (or with a piece of one, `量`), holds such digits. Where the row between fills exactly the columns the first leaves
//! blank, the three are one row: the middle row's values (and its label) join
//! the first, each number of the first takes the digits under it (`3001`,
//! noted), and the last keeps only its label. Otherwise the numbers of the
//! first are not whole: the first and the last rows go back to what they print
//! (their blank cells not filled), so that the interpreter does not read them.
//!
//! An amount wrapped from its unit (`政府集中采购   412   元` over
//! `5830021.50`, or the number above and `元` below) is one cell: the number
//! alone on the next line, under the unit that ends the row, goes before it;
//! a unit alone under the number that ends the row goes after it (noted).

use super::line::{Field, Kind, Line};
use crate::NoteCode;
use crate::cell::{is_number, value_like};
use crate::normalize::trim;
use crate::patterns::is_official_label;

/// The label fields and the value fields (one per column) of a filled row.
fn parts(fields: &[Field], width: usize) -> Option<(&[Field], &[Field])> {
    let first = fields.len().checked_sub(width)?;
    let (labels, values) = fields.split_at(first);
    labels
        .iter()
        .all(|f| f.text.is_empty() || !value_like(&f.text))
        .then_some((labels, values))
}

fn filled(values: &[Field]) -> Vec<bool> {
    values.iter().map(|f| !trim(&f.text).is_empty()).collect()
}

fn digits(text: &str) -> bool {
    let t = trim(text);
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

fn fields<'l>(line: &'l Line<'_>) -> Option<&'l [Field]> {
    match &line.kind {
        Kind::Row(f) => Some(f),
        _ => None,
    }
}

/// Reads the rows of numbers wrapped in their cells in the lines of one page of
/// a space-aligned table, its short rows filled to `width` columns (`printed`:
/// those rows as printed).
pub(super) fn join(lines: &mut [Line<'_>], width: usize, printed: &[(usize, Vec<Field>)]) {
    let mut i = 0;
    while i + 2 < lines.len() {
        match wrapped(&lines[i..i + 3], width) {
            Some(true) => {
                if let Some((first, rest, note)) = joined(&lines[i..i + 3], width) {
                    lines[i].kind = Kind::Row(first);
                    lines[i].note = Some((NoteCode::DigitsWrapped, note));
                    lines[i + 1].kind = Kind::Taken;
                    lines[i + 2].kind = if rest.is_empty() {
                        Kind::Taken
                    } else {
                        Kind::Row(rest)
                    };
                }
                i += 3;
            }
            Some(false) => {
                // Not whole: both rows as printed, short, are not read.
                for k in [i, i + 2] {
                    if let Some((_, f)) = printed.iter().find(|(l, _)| *l == k) {
                        lines[k].kind = Kind::Row(f.clone());
                    }
                }
                i += 3;
            }
            None => i += 1,
        }
    }
}

/// Whether the last of three lines holds digits wrapped from numbers of the
/// first: `Some(true)` when the middle row completes the first (the three are
/// one row), `Some(false)` when it does not or cannot be placed, `None` when
/// the last line holds no such digits.
fn wrapped(three: &[Line<'_>], width: usize) -> Option<bool> {
    let [x, y, z] = three else {
        return None;
    };
    let (xl, xv) = parts(fields(x)?, width)?;
    let (zl, zv) = parts(fields(z)?, width)?;
    let yf = fields(y)?;
    let (fx, fz) = (filled(xv), filled(zv));
    let under = (0..width).all(|k| !fz[k] || (fx[k] && digits(&zv[k].text)));
    let own_label = zl.iter().any(|f| is_official_label(&f.text));
    let numbers = (0..width).all(|k| !fx[k] || is_number(&xv[k].text));
    // The first row holds the wrapped cells only: the others stand on the
    // middle line (a full first row has no cell centred below it).
    if !under
        || own_label
        || !numbers
        || !fz.contains(&true)
        || !fx.contains(&false)
        || xl.is_empty() && zl.is_empty()
    {
        return None;
    }
    match parts(yf, width) {
        // The middle row is placed: none of its values under the digits.
        Some((_, yv)) => {
            let fy = filled(yv);
            if (0..width).any(|k| fz[k] && fy[k]) || !fy.contains(&true) {
                return None;
            }
            Some((0..width).all(|k| fx[k] != fy[k]))
        }
        // Values not placed: whether they complete the first cannot be known.
        None => yf.iter().any(|f| value_like(&f.text)).then_some(false),
    }
}

/// The first row joined with the middle one and the digits of the last, the
/// last row's labels, and the note.
fn joined(three: &[Line<'_>], width: usize) -> Option<(Vec<Field>, Vec<Field>, String)> {
    let [x, y, z] = three else {
        return None;
    };
    let (xl, xv) = parts(fields(x)?, width)?;
    let (yl, yv) = parts(fields(y)?, width)?;
    let (zl, zv) = parts(fields(z)?, width)?;
    // Fields of another line name it, so that their positions stay true.
    let moved = |f: &Field, line: &Line<'_>| Field {
        text: f.text.clone(),
        column: if f.line.is_none() {
            f.column.saturating_add(line.offset)
        } else {
            f.column
        },
        line: f.line.or(Some(line.no)),
    };
    let named = |f: &&Field| !trim(&f.text).is_empty();
    let mut row: Vec<Field> = xl.iter().filter(named).cloned().collect();
    row.extend(yl.iter().filter(named).map(|f| moved(f, y)));
    let mut pairs = Vec::new();
    for k in 0..width {
        let (top, bottom) = (trim(&xv[k].text), trim(&zv[k].text));
        if !bottom.is_empty() {
            let whole = format!("{top}{bottom}");
            pairs.push(format!("“{top}”与下一行的“{bottom}”读作“{whole}”"));
            row.push(Field {
                text: whole,
                ..xv[k].clone()
            });
        } else if !top.is_empty() {
            row.push(xv[k].clone());
        } else {
            row.push(moved(&yv[k], y));
        }
    }
    let rest: Vec<Field> = zl.iter().filter(named).map(|f| moved(f, z)).collect();
    let note = format!(
        "表格中的数字在单元格内折行印出（一行分印在三行上，第三行只有折下的数字）：{}",
        pairs.join("，")
    );
    Some((row, rest, note))
}

/// Units an amount is printed with.
const UNITS: &[&str] = &["元", "万元", "万"];

/// The word of a line that holds one, with its span in characters.
fn lone_word<'t>(line: &Line<'t>) -> Option<(&'t str, f64, f64)> {
    let t = trim(line.text);
    if t.is_empty() || t.contains(crate::normalize::is_space) {
        return None;
    }
    let lead = line
        .text
        .chars()
        .take_while(|c| crate::normalize::is_space(*c))
        .count();
    #[expect(clippy::cast_precision_loss, reason = "columns are small")]
    let (start, len) = (lead as f64, t.chars().count() as f64);
    Some((t, start, start + len))
}

/// Joins an amount and its unit printed on two lines (see the module's docs).
pub(super) fn units(lines: &mut [Line<'_>]) {
    for i in 0..lines.len().saturating_sub(1) {
        let (head, tail) = lines.split_at_mut(i + 1);
        let (row, next) = (&mut head[i], &mut tail[0]);
        if !row.spaced || next.kind != Kind::Text {
            continue;
        }
        let Kind::Row(fields) = &mut row.kind else {
            continue;
        };
        let Some(last) = fields.last_mut() else {
            continue;
        };
        let Some((word, from, to)) = lone_word(next) else {
            continue;
        };
        let start = f64::from(last.column.saturating_sub(1));
        #[expect(clippy::cast_precision_loss, reason = "columns are small")]
        let end = start + last.text.chars().count() as f64;
        // Under the field: the spans overlap, or nearly.
        if from > end + 3.0 || to < start - 3.0 {
            continue;
        }
        let number = |t: &str| is_number(t) && !UNITS.contains(&t);
        let joined = if UNITS.contains(&last.text.as_str()) && number(word) {
            format!("{word}{}", last.text)
        } else if UNITS.contains(&word) && number(&last.text) {
            format!("{}{word}", last.text)
        } else {
            continue;
        };
        row.note = Some((
            NoteCode::UnitWrapped,
            format!(
                "表格中的金额与其单位分印在两行（“{}”与下一行的“{word}”），按一个单元格“{joined}”读取",
                last.text
            ),
        ));
        last.text = joined;
        next.kind = Kind::Taken;
    }
}

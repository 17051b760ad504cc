//! A row whose label wraps in its cell, printed by `pdftotext -layout` with
//! its values spread over the label's lines: the first value(s) beside the
//! label's first line, the rest beside its last, and maybe the item number
//! alone on a line between (a narrow label column):
//!
//! ```text
//!        其他法律行政法规禁止公 0
//!        2.
//!        开              0    0   0   0   0   0
//! ```
//!
//! Two rows of a space-aligned table are one such row when together they print
//! as many values as the table's fullest rows, the first row's values all left
//! of the second's, and their labels (the item number on a line of its own put
//! in front, a piece of a group label printed beside them, `本年 `, set apart)
//! join into an official row label that neither is on its own. Nothing is
//! guessed: each value keeps its place in the printed order.

use super::line::{Field, Kind, Line};
use crate::cell::value_like;
use crate::normalize::{char_len, ends_sentence, is_space, trim};
use crate::patterns::{is_official_label, is_official_label_piece, numbering_len};

/// The most label lines between the two rows.
const MIDDLE: usize = 2;

/// A row's label texts and values (blank fields of a filled row left out),
/// each value with its column in the line.
struct Parts {
    labels: Vec<Field>,
    values: Vec<Field>,
}

fn parts(fields: &[Field]) -> Option<Parts> {
    let first = fields
        .iter()
        .rposition(|f| !f.text.is_empty() && !value_like(&f.text))
        .map_or(0, |i| i + 1);
    let labels: Vec<Field> = fields[..first]
        .iter()
        .filter(|f| !trim(&f.text).is_empty())
        .cloned()
        .collect();
    let values: Vec<Field> = fields[first..]
        .iter()
        .filter(|f| !trim(&f.text).is_empty())
        .cloned()
        .collect();
    (!labels.is_empty() && !values.is_empty()).then_some(Parts { labels, values })
}

/// A label with a piece of a group label printed beside it (`本年 （二）…`):
/// the piece and the label.
fn side_piece(label: &str) -> (Option<&str>, &str) {
    let t = trim(label);
    match t.split_once(is_space) {
        Some((head, rest))
            if is_official_label_piece(head) && numbering_len(head) != Some(head.len()) =>
        {
            (Some(head), trim(rest))
        }
        _ => (None, t),
    }
}

/// Joins the rows of each label wrapped with its values over its lines, in the
/// lines of one page of a space-aligned table whose fullest rows have `width`
/// values.
pub(super) fn join(lines: &mut [Line<'_>], width: usize) {
    let mut i = 0;
    while i < lines.len() {
        if let Some((z, row)) = joined(lines, i, width) {
            lines[i].kind = Kind::Row(row);
            for line in &mut lines[i + 1..=z] {
                if !matches!(line.kind, Kind::Blank) {
                    line.kind = Kind::Taken;
                }
            }
            i = z + 1;
        } else {
            i += 1;
        }
    }
}

/// The second row's line and the joined row, when the row at `x` and a row
/// after it are one row so printed.
fn joined(lines: &[Line<'_>], x: usize, width: usize) -> Option<(usize, Vec<Field>)> {
    let Kind::Row(xf) = &lines[x].kind else {
        return None;
    };
    let px = parts(xf)?;
    if px.values.len() >= width {
        return None;
    }
    // Label lines between, then the second row.
    let mut middle: Vec<(usize, &str)> = Vec::new();
    let mut z = None;
    for (k, line) in lines.iter().enumerate().skip(x + 1) {
        match &line.kind {
            Kind::Row(_) => {
                z = Some(k);
                break;
            }
            Kind::Blank => {}
            Kind::Text => {
                let t = trim(line.text);
                if middle.len() == MIDDLE || char_len(t) > 12 || ends_sentence(t) {
                    return None;
                }
                middle.push((k, t));
            }
            _ => return None,
        }
    }
    let z = z?;
    let Kind::Row(zf) = &lines[z].kind else {
        return None;
    };
    let pz = parts(zf)?;
    if px.values.len() + pz.values.len() != width {
        return None;
    }
    // Positions in the line (every character a column): the first row's values
    // all left of the second's.
    let at = |f: &Field| f.column;
    let last_x = px.values.iter().map(at).max()?;
    let first_z = pz.values.iter().map(at).min()?;
    if last_x >= first_z {
        return None;
    }
    let label = |p: &Parts| {
        p.labels
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (lx, lz) = (label(&px), label(&pz));
    let (piece_x, lx) = side_piece(&lx);
    let (piece_z, lz) = side_piece(&lz);
    if is_official_label(lx) || is_official_label(lz) {
        return None;
    }
    // An item number alone goes in front; other label lines in order.
    let mut whole = String::new();
    for (_, t) in middle
        .iter()
        .filter(|(_, t)| numbering_len(t) == Some(t.len()))
    {
        whole.push_str(t);
    }
    whole.push_str(lx);
    for (_, t) in middle
        .iter()
        .filter(|(_, t)| numbering_len(t) != Some(t.len()))
    {
        whole.push_str(t);
    }
    whole.push_str(lz);
    if !is_official_label(&whole) {
        return None;
    }
    let first = &px.labels[0];
    let mut row: Vec<Field> = [piece_x, piece_z]
        .into_iter()
        .flatten()
        .map(|p| Field {
            text: p.to_owned(),
            ..first.clone()
        })
        .collect();
    row.push(Field {
        text: whole,
        ..first.clone()
    });
    row.extend(px.values);
    let z_line = &lines[z];
    row.extend(pz.values.into_iter().map(|f| Field {
        column: if f.line.is_none() {
            f.column.saturating_add(z_line.offset)
        } else {
            f.column
        },
        line: f.line.or(Some(z_line.no)),
        text: f.text,
    }));
    Some((z, row))
}

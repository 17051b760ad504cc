//! Space-aligned tables drop blank cells: a row printed `自然人 26 … 26` with the
//! five columns between blank shows two numbers where the table has seven. Where
//! the run's fuller rows show where each column's numbers sit, a shorter row's
//! numbers are put under the columns they sit under, and blank fields fill the
//! gaps, so that blank cells are kept as blank cells and no number moves.
//!
//! Positions are display columns: ideographs and full-width characters are two
//! columns wide, as laid out by `pdftotext -layout` or a monospaced editor.

use super::lines::{Field, Kind, Line};
use crate::cell::read_cell;

/// Display width of a character: two for ideographs and full-width forms.
fn width(c: char) -> usize {
    let wide = matches!(c,
        '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{303E}' | '\u{3041}'..='\u{33FF}' |
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{A000}'..='\u{A4CF}' |
        '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' |
        '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}');
    if wide { 2 } else { 1 }
}

/// The display span (start, end) of a field on its line.
fn span(line: &str, f: &Field) -> (usize, usize) {
    let start_char = usize::try_from(f.column).unwrap_or(1).saturating_sub(1);
    let start: usize = line.chars().take(start_char).map(width).sum();
    (start, start + f.text.chars().map(width).sum::<usize>())
}

/// The value fields at the end of a row (after its last label), with their centres.
fn values(line: &str, fields: &[Field]) -> (usize, Vec<f64>) {
    let first = fields
        .iter()
        .rposition(|f| !f.text.is_empty() && !read_cell(&f.text).value_like)
        .map_or(0, |i| i + 1);
    let centres = fields[first..]
        .iter()
        .map(|f| {
            let (a, b) = span(line, f);
            #[expect(clippy::cast_precision_loss, reason = "display columns are small")]
            let c = (a + b) as f64 / 2.0;
            c
        })
        .collect();
    (first, centres)
}

/// Fills the gaps of short rows in a run of space-aligned rows.
pub(crate) fn fill_gaps(lines: &mut [Line<'_>]) {
    let rows: Vec<(usize, usize, Vec<f64>)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match &l.kind {
            Kind::Row(fields) => {
                let (first, centres) = values(l.text, fields);
                Some((i, first, centres))
            }
            _ => None,
        })
        .collect();
    let widest = rows.iter().map(|(_, _, c)| c.len()).max().unwrap_or(0);
    if widest < 2 {
        return;
    }
    // Column anchors from the rows as wide as the widest: their centres, averaged.
    let full: Vec<&Vec<f64>> = rows
        .iter()
        .map(|(_, _, c)| c)
        .filter(|c| c.len() == widest)
        .collect();
    let mut anchors = vec![0.0; widest];
    for c in &full {
        for (a, x) in anchors.iter_mut().zip(c.iter()) {
            *a += x;
        }
    }
    #[expect(clippy::cast_precision_loss, reason = "row counts are small")]
    let n = full.len() as f64;
    for a in &mut anchors {
        *a /= n;
    }
    // The full rows must agree on where the columns are.
    let agree = full
        .iter()
        .all(|c| c.iter().zip(&anchors).all(|(x, a)| (x - a).abs() <= 3.0));
    if !agree {
        return;
    }
    for (i, first, centres) in rows {
        if centres.is_empty() || centres.len() >= widest {
            continue;
        }
        let slots: Vec<usize> = centres
            .iter()
            .map(|x| {
                anchors
                    .iter()
                    .enumerate()
                    .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
                    .map_or(0, |(k, _)| k)
            })
            .collect();
        let close = centres
            .iter()
            .zip(&slots)
            .all(|(x, k)| (anchors[*k] - x).abs() <= 3.0);
        let distinct = slots.windows(2).all(|w| w[0] < w[1]);
        if !close || !distinct {
            continue;
        }
        let Kind::Row(fields) = &lines[i].kind else {
            continue;
        };
        let mut out: Vec<Field> = fields[..first].to_vec();
        for k in 0..widest {
            match slots.iter().position(|s| *s == k) {
                Some(v) => out.push(fields[first + v].clone()),
                None => out.push(Field {
                    text: String::new(),
                    column: 1,
                    line: None,
                }),
            }
        }
        lines[i].kind = Kind::Row(out);
    }
}

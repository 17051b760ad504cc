//! Space-aligned tables drop blank cells: a row printed `自然人 26 … 26` with the
//! five columns between blank shows two numbers where the table has seven. Where
//! the run's fuller rows show where each column's numbers sit, a shorter row's
//! numbers are put under the columns they sit under, and blank fields fill the
//! gaps, so that blank cells are kept as blank cells and no number moves. A row
//! that cannot be aligned so is left as printed (the interpreter then does not
//! read it, see [`crate::RowForm::SpaceAligned`]).
//!
//! Positions are measured two ways, since the tools that lay out such text differ:
//! - display columns, ideographs and full-width characters two wide: a monospaced
//!   editor, a hand-aligned table;
//! - characters, every one a column: `pdftotext -layout`, which puts each
//!   character of a page at the column of its position on the page however wide
//!   it is, so that numbers line up by character count after labels of any length.
//!
//! A measure counts only where the run's full rows agree on where the columns are;
//! where both do, they must put the row's numbers under the same columns. Each
//! number must sit within three columns of one column's place and clearly nearer
//! to it than to any other. Only rows whose numbers are set apart by two or more
//! spaces say anything about positions (a PDF viewer's copy with single spaces
//! does not). `pdftotext` lays out each page on its own, so the rows of each page
//! (a form feed starts one) are aligned with that page's full rows only.
//!
//! The header's labels are not used to place numbers: in `pdftotext -layout`
//! output a line of closely set labels is pushed together (each ideograph takes
//! one column for two on the page), so labels drift by several columns from the
//! numbers under them, as far as the next column's place.

use super::line::{Field, Kind, Line};
use crate::cell::value_like;
use crate::normalize::{char_len, ends_sentence, label_key, trim};
use crate::patterns::{is_title, section_heading};

/// How far (in columns) a number may sit from its column's place.
const NEAR: f64 = 3.0;

/// A way of measuring positions on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    /// Ideographs and full-width forms two columns wide.
    Display,
    /// Every character one column.
    Chars,
}

impl Measure {
    const ALL: [Measure; 2] = [Measure::Display, Measure::Chars];

    /// The width of a character; a form feed (a page break of `pdftotext`, at the
    /// start of a page's first line) takes none.
    fn width(self, c: char) -> usize {
        if c == '\u{c}' {
            return 0;
        }
        match self {
            Measure::Chars => 1,
            Measure::Display => {
                let wide = matches!(c,
                    '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{303E}' | '\u{3041}'..='\u{33FF}' |
                    '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{A000}'..='\u{A4CF}' |
                    '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' |
                    '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}');
                if wide { 2 } else { 1 }
            }
        }
    }

    /// The centre of a field on its line.
    fn centre(self, line: &str, f: &Field) -> f64 {
        let start_char = usize::try_from(f.column).unwrap_or(1).saturating_sub(1);
        let start: usize = line.chars().take(start_char).map(|c| self.width(c)).sum();
        let len: usize = f.text.chars().map(|c| self.width(c)).sum();
        #[expect(clippy::cast_precision_loss, reason = "display columns are small")]
        let c = (2 * start + len) as f64 / 2.0;
        c
    }
}

/// A row of a run: its line, where its values start among its fields, and
/// whether its values are set apart by two or more spaces.
struct Row {
    line: usize,
    first: usize,
    count: usize,
    laid_out: bool,
}

/// The value fields of a row start after its last label.
fn first_value(fields: &[Field]) -> usize {
    fields
        .iter()
        .rposition(|f| !f.text.is_empty() && !value_like(&f.text))
        .map_or(0, |i| i + 1)
}

/// Whether every value field (and the label before the first) is set apart from
/// the field before it by at least two spaces or an ideographic space.
fn laid_out(line: &str, fields: &[Field], first: usize) -> bool {
    let chars: Vec<char> = line.chars().collect();
    (first.max(1)..fields.len()).all(|i| {
        let at = |f: &Field| usize::try_from(f.column).unwrap_or(1).saturating_sub(1);
        let end = at(&fields[i - 1]) + fields[i - 1].text.chars().count();
        let start = at(&fields[i]);
        let gap = chars.get(end..start).unwrap_or(&[]);
        gap.len() >= 2 || gap.contains(&'\u{3000}')
    })
}

/// Fills the gaps of short rows in the space-aligned tables of a text: the runs
/// of rows (`runs`, first and last line) together with the label lines between
/// them (a group label or the rest of a broken label printed on a line of its
/// own) form one table, up to a block caption of table 二 (`第二十条第（X）项`), a
/// `信息内容` header row (the next block, of other columns), a section heading or
/// a line of prose.
pub(crate) fn fill_tables(lines: &mut [Line<'_>], runs: &[(usize, usize)]) {
    let mut k = 0;
    while k < runs.len() {
        let (first, mut last) = runs[k];
        k += 1;
        while let Some(&(next_first, next_last)) = runs.get(k) {
            let between = &lines[last + 1..next_first];
            if !between.iter().all(joins) || starts_block(&lines[next_first]) {
                break;
            }
            last = next_last;
            k += 1;
        }
        fill_gaps(&mut lines[first..=last]);
    }
}

/// Whether a line between two runs of rows keeps them one table: a blank line, a
/// footer, debris, or a short label line.
fn joins(line: &Line<'_>) -> bool {
    match line.kind {
        Kind::Blank | Kind::Footer | Kind::Stray => true,
        Kind::Text => {
            let t = trim(line.text);
            char_len(t) <= 40
                && !ends_sentence(t)
                && section_heading(t).is_none()
                && !is_title(t)
                && !t.contains("第二十条")
        }
        _ => false,
    }
}

/// Whether a row starts a block of table 二 (its `信息内容` header row).
fn starts_block(line: &Line<'_>) -> bool {
    matches!(&line.kind, Kind::Row(fields) if fields.iter().any(|f| label_key(&f.text) == "信息内容"))
}

/// Fills the gaps of short rows in one table of space-aligned rows, page by page.
fn fill_gaps(lines: &mut [Line<'_>]) {
    let mut start = 0;
    for i in 1..=lines.len() {
        if i == lines.len() || lines[i].text.contains('\u{c}') {
            fill_page(&mut lines[start..i]);
            start = i;
        }
    }
}

fn fill_page(lines: &mut [Line<'_>]) {
    let widest = fill_rows(lines);
    if widest >= 2 {
        super::split_rows::join(lines, widest);
    }
}

/// Fills the gaps of the page's short rows; the number of values of its
/// fullest rows.
fn fill_rows(lines: &mut [Line<'_>]) -> usize {
    let rows: Vec<Row> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match &l.kind {
            Kind::Row(fields) => {
                let first = first_value(fields);
                Some(Row {
                    line: i,
                    first,
                    count: fields.len() - first,
                    laid_out: laid_out(l.text, fields, first),
                })
            }
            _ => None,
        })
        .collect();
    let widest = rows.iter().map(|r| r.count).max().unwrap_or(0);
    if widest < 2 {
        return widest;
    }
    let full: Vec<&Row> = rows
        .iter()
        .filter(|r| r.count == widest && r.laid_out)
        .collect();
    let anchors: Vec<(Measure, Vec<f64>)> = Measure::ALL
        .iter()
        .filter_map(|m| Some((*m, anchors(lines, &full, *m)?)))
        .collect();
    if anchors.is_empty() {
        return widest;
    }
    // The rows as printed before their gaps were filled.
    let mut printed: Vec<(usize, Vec<Field>)> = Vec::new();
    for row in &rows {
        if row.count == 0 || row.count >= widest || !row.laid_out {
            continue;
        }
        let Kind::Row(fields) = &lines[row.line].kind else {
            continue;
        };
        let values = &fields[row.first..];
        let mut found: Option<Vec<usize>> = None;
        let mut agree = true;
        for (m, a) in &anchors {
            let centres: Vec<f64> = values
                .iter()
                .map(|f| m.centre(lines[row.line].text, f))
                .collect();
            let Some(s) = slots(&centres, a) else {
                continue;
            };
            match &found {
                Some(f) if *f != s => agree = false,
                _ => found = Some(s),
            }
        }
        let Some(slots) = found.filter(|_| agree) else {
            continue;
        };
        let mut out: Vec<Field> = fields[..row.first].to_vec();
        for k in 0..widest {
            match slots.iter().position(|s| *s == k) {
                Some(v) => out.push(values[v].clone()),
                None => out.push(Field {
                    text: String::new(),
                    column: 1,
                    line: None,
                }),
            }
        }
        printed.push((row.line, fields.clone()));
        lines[row.line].kind = Kind::Row(out);
    }
    super::wrapped::join(lines, widest, &printed);
    widest
}

/// The columns' places in a measure: the full rows' value centres, averaged, when
/// the full rows agree on them.
fn anchors(lines: &[Line<'_>], full: &[&Row], m: Measure) -> Option<Vec<f64>> {
    let centres: Vec<Vec<f64>> = full
        .iter()
        .filter_map(|r| match &lines[r.line].kind {
            Kind::Row(fields) => Some(
                fields[r.first..]
                    .iter()
                    .map(|f| m.centre(lines[r.line].text, f))
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    let width = centres.first()?.len();
    let mut anchors = vec![0.0; width];
    for c in &centres {
        for (a, x) in anchors.iter_mut().zip(c) {
            *a += x;
        }
    }
    #[expect(clippy::cast_precision_loss, reason = "row counts are small")]
    let n = centres.len() as f64;
    for a in &mut anchors {
        *a /= n;
    }
    let agree = centres
        .iter()
        .all(|c| c.iter().zip(&anchors).all(|(x, a)| (x - a).abs() <= NEAR));
    agree.then_some(anchors)
}

/// The column of each centre: the nearest place, within [`NEAR`] and less than
/// half as far as the next nearest; the columns in order, each taken once.
fn slots(centres: &[f64], anchors: &[f64]) -> Option<Vec<usize>> {
    let mut out = Vec::with_capacity(centres.len());
    for x in centres {
        let mut by_distance: Vec<(usize, f64)> = anchors
            .iter()
            .enumerate()
            .map(|(k, a)| (k, (a - x).abs()))
            .collect();
        by_distance.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (k, d) = *by_distance.first()?;
        let clear = by_distance.get(1).is_none_or(|(_, next)| 2.0 * d < *next);
        if d > NEAR || !clear {
            return None;
        }
        out.push(k);
    }
    out.windows(2).all(|w| w[0] < w[1]).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_goes_to_the_one_column_it_clearly_sits_under() {
        let anchors = [10.0, 20.0, 30.0];
        assert_eq!(slots(&[10.5, 29.0], &anchors), Some(vec![0, 2]));
        // Too far from every column.
        assert_eq!(slots(&[15.0], &anchors), None);
        // Near two columns at once.
        assert_eq!(slots(&[5.5], &[4.0, 7.0]), None);
        // Two numbers under one column.
        assert_eq!(slots(&[19.0, 21.0], &anchors), None);
    }

    #[test]
    fn characters_and_display_columns() {
        let f = Field {
            text: "12".into(),
            column: 5,
            line: None,
        };
        // `规章  12`: two ideographs, two spaces.
        assert!((Measure::Chars.centre("规章  12", &f) - 5.0).abs() < 1e-9);
        assert!((Measure::Display.centre("规章  12", &f) - 7.0).abs() < 1e-9);
        // A form feed takes no column.
        let g = Field {
            column: 6,
            ..f.clone()
        };
        assert!((Measure::Chars.centre("\u{c}规章  12", &g) - 5.0).abs() < 1e-9);
    }
}

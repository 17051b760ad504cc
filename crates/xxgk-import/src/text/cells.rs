//! Tables copied out of a browser whose cells hold paragraphs: the browser writes
//! each cell's text on lines of its own, a line holding only a tab between two
//! cells, a blank line around each, and two or more blank lines between rows
//! (Chromium's `innerText` and clipboard text of Word-pasted tables). A cell
//! whose paragraph ends in a line break (`<div>…<br></div>`) puts more blank
//! lines before the tab; the most frequent count before a tab is the gap inside
//! a row, and more than that ends a row. Cells
//! without paragraphs stay inline (`\t0\t`). Such runs are stitched back into
//! rows; a cell's paragraphs are joined with `\n`.

use super::line::{Field, Kind, Line};
use crate::cell::value_like;
use crate::normalize::{char_len, is_space, trim};
use crate::patterns::section_heading;

/// A piece of a cell: the line it is on, its column, its text.
type Piece = (usize, u32, String);

/// A line of nothing but whitespace with at least one tab: how many tabs.
fn tabs_only(line: &Line<'_>) -> usize {
    if trim(line.text).is_empty() {
        line.text.matches('\t').count()
    } else {
        0
    }
}

#[derive(Default)]
struct Row {
    cells: Vec<Vec<Piece>>,
    /// The cell after the last tab (its pieces so far).
    open: Vec<Piece>,
}

impl Row {
    fn tab(&mut self) {
        let open = std::mem::take(&mut self.open);
        self.cells.push(open);
    }

    fn finish(mut self) -> Vec<Vec<Piece>> {
        self.tab();
        self.cells
    }
}

fn piece(i: usize, line: &str, text: &str) -> Piece {
    let offset = line.find(text).map_or(0, |b| line[..b].chars().count());
    let lead = text.chars().take_while(|c| is_space(*c)).count();
    (
        i,
        u32::try_from(offset + lead + 1).unwrap_or(1),
        trim(text).to_owned(),
    )
}

/// Stitches tab-separated cell runs into rows (only when the text has at least
/// three tab-only lines: otherwise there is nothing of the kind).
pub(crate) fn stitch(lines: &mut [Line<'_>]) {
    if lines.iter().filter(|l| tabs_only(l) > 0).count() < 3 {
        return;
    }
    let gap = cell_gap(lines);
    let mut rows: Vec<Vec<Vec<Piece>>> = Vec::new();
    let mut row: Option<Row> = None;
    // The content line just before (at most one blank line): the first cell of a
    // row if a tab follows.
    let mut held: Option<Piece> = None;
    let mut blanks = 0usize;
    for (i, line) in lines.iter().enumerate() {
        let tabbed = line.text.contains('\t');
        let inline = tabbed && !trim(line.text).is_empty();
        // The browser surrounds every tab with blank lines; tab-separated rows of a
        // plain copy follow each other directly and are left alone.
        let after_blank = i == 0 || trim(lines[i - 1].text).is_empty();
        let starts = !inline || line.text.trim_end_matches([' ', '\r']).ends_with('\t');
        if tabbed && after_blank && (row.is_some() || starts) {
            let r = row.get_or_insert_with(|| Row {
                cells: Vec::new(),
                open: if blanks <= gap {
                    held.take().into_iter().collect()
                } else {
                    Vec::new()
                },
            });
            let mut parts = line.text.split('\t');
            if let Some(first) = parts.next()
                && !trim(first).is_empty()
            {
                r.open.push(piece(i, line.text, first));
            }
            for part in parts {
                r.tab();
                if !trim(part).is_empty() {
                    r.open.push(piece(i, line.text, part));
                }
            }
            held = None;
            blanks = 0;
            continue;
        }
        match line.kind {
            Kind::Blank => {
                blanks += 1;
                if blanks > gap
                    && let Some(r) = row.take()
                {
                    rows.push(r.finish());
                }
            }
            Kind::Text => {
                // After a cell that holds a value, or at a heading or a long
                // paragraph, the row is over (a table's last row is followed by
                // one blank line only).
                let ends = row.as_ref().is_some_and(|r| {
                    r.open.last().is_some_and(|p| value_like(&p.2))
                        || section_heading(line.text).is_some()
                        || char_len(trim(line.text)) > 60
                });
                if ends && let Some(r) = row.take() {
                    rows.push(r.finish());
                }
                match &mut row {
                    Some(r) => r.open.push(piece(i, line.text, line.text)),
                    None => held = Some(piece(i, line.text, line.text)),
                }
                blanks = 0;
            }
            _ => {
                if let Some(r) = row.take() {
                    rows.push(r.finish());
                }
                held = None;
                blanks = 0;
            }
        }
    }
    if let Some(r) = row.take() {
        rows.push(r.finish());
    }
    for cells in rows {
        apply(lines, &cells);
    }
}

/// How many blank lines the copy puts between a cell's text and the tab after
/// it: one for cells of paragraphs, more where a cell's paragraph ends in a line
/// break (`<div>…<br></div>`). The most frequent count before a tab line; more
/// blank lines than that end a row.
fn cell_gap(lines: &[Line<'_>]) -> usize {
    let mut counts = std::collections::BTreeMap::<usize, usize>::new();
    for (i, line) in lines.iter().enumerate() {
        if tabs_only(line) == 0 {
            continue;
        }
        let blanks = lines[..i]
            .iter()
            .rev()
            .take_while(|l| trim(l.text).is_empty() && !l.text.contains('\t'))
            .count();
        if blanks > 0 {
            *counts.entry(blanks).or_default() += 1;
        }
    }
    // The most frequent count; of equally frequent ones the smallest.
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or(1, |(gap, _)| *gap)
}

/// Replaces the lines of a stitched row by one row on its first line.
fn apply(lines: &mut [Line<'_>], cells: &[Vec<Piece>]) {
    let used: Vec<usize> = cells.iter().flatten().map(|p| p.0).collect();
    let Some(&first) = used.iter().min() else {
        return;
    };
    let first_no = lines[first].no;
    let fields: Vec<Field> = cells
        .iter()
        .map(|cell| Field {
            text: cell
                .iter()
                .map(|p| p.2.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            column: cell.first().map_or(1, |p| p.1),
            line: Some(cell.first().map_or(first_no, |p| lines[p.0].no)),
        })
        .collect();
    let last = used.iter().max().copied().unwrap_or(first);
    for line in &mut lines[first..=last] {
        if matches!(line.kind, Kind::Text | Kind::Row(_) | Kind::Blank) {
            line.kind = Kind::Taken;
        }
    }
    lines[first].kind = Kind::Row(fields);
    lines[first].spaced = false;
}

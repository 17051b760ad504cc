//! Tables 三 and 四: labels laid out as trees of merged cells.

use xxgk_model::schema::{TableId, applications};
use xxgk_model::{CellKey, Table};

use super::{APPLICANTS_HEADER, Builder, CellKind, TableGrid, cell_text, column_order, segments};
use crate::zh;

/// The label of a row or column that is itself a group: the group's subtotal, printed
/// under the group label as official tables print subtotals. A blank label there would
/// leave a copied text, where merged cells are not marked, without a way to tell the
/// subtotal from the values beside it.
pub const SUBTOTAL: &str = "小计";

/// A label cell of a label tree, along one axis.
struct Span<'a> {
    /// Depth in the tree (the grid column of a row label, the header row of a
    /// column label).
    level: usize,
    /// First item (row or column) it labels.
    start: usize,
    /// Number of items it labels.
    len: usize,
    /// Number of levels it covers (a leaf reaches down to the last level).
    depth: usize,
    text: &'a str,
    kind: CellKind,
}

/// Lays out the labels of items whose label paths are `paths` as a tree of merged
/// cells `depth` levels deep: consecutive items sharing a label at a level share one
/// cell; an item whose path ends covers the remaining levels; an item whose path is
/// also the group of the items beside it — the group's subtotal — is labelled
/// [`SUBTOTAL`] below the group cell.
fn label_tree<'a>(paths: &[Vec<&'a str>], depth: usize, leaf: CellKind) -> Vec<Span<'a>> {
    let mut out = Vec::new();
    // (first item, end item, level): an explicit stack, so that a label with very many
    // `/` cannot exhaust the call stack.
    let mut work = vec![(0, paths.len(), 0)];
    while let Some((from, to, level)) = work.pop() {
        let mut i = from;
        while i < to {
            let Some(&text) = paths[i].get(level) else {
                out.push(Span {
                    level,
                    start: i,
                    len: 1,
                    depth: depth - level,
                    text: SUBTOTAL,
                    kind: leaf,
                });
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < to && paths[j].get(level) == Some(&text) {
                j += 1;
            }
            if j == i + 1 && paths[i].len() == level + 1 {
                out.push(Span {
                    level,
                    start: i,
                    len: 1,
                    depth: depth - level,
                    text,
                    kind: leaf,
                });
            } else {
                out.push(Span {
                    level,
                    start: i,
                    len: j - i,
                    depth: 1,
                    text,
                    kind: leaf,
                });
                work.push((i, j, level + 1));
            }
            i = j;
        }
    }
    out
}

/// Proportions of table 三, those of the 2021 template's grid (twentieths of a
/// point): label columns 754 / 921 / 3271, seven data columns of 685. (A wider second
/// column does not make `（三）不予公开` break after `（三）` — lines fill greedily —
/// and would make more item labels wrap.)
const APPLICATION_LABEL_FIRST: u32 = 754;
const APPLICATION_LABEL_MIDDLE: u32 = 921;
const APPLICATION_LABEL_LAST: u32 = 3271;
const APPLICATION_DATA_TOTAL: u32 = 4795;

fn application_widths(labels: usize, data: usize) -> Vec<u32> {
    let mut widths = match labels {
        0 => Vec::new(),
        1 => vec![APPLICATION_LABEL_FIRST + APPLICATION_LABEL_MIDDLE + APPLICATION_LABEL_LAST],
        n => {
            let mut w = vec![APPLICATION_LABEL_FIRST];
            w.extend(std::iter::repeat_n(APPLICATION_LABEL_MIDDLE, n - 2));
            w.push(APPLICATION_LABEL_LAST);
            w
        }
    };
    if data > 0 {
        let each = (APPLICATION_DATA_TOTAL / u32::try_from(data).unwrap_or(u32::MAX)).max(1);
        widths.extend(std::iter::repeat_n(each, data));
    }
    widths
}

/// Table 三: corner note, applicant columns, result rows.
pub(super) fn applications(table: &Table, note: Option<&str>) -> TableGrid {
    let columns = column_order(table.rows().map(|(_, r)| r));
    let column_paths: Vec<Vec<&str>> = columns.iter().map(|c| segments(c)).collect();
    let row_paths: Vec<Vec<&str>> = table.rows().map(|(l, _)| segments(l)).collect();
    let labels = row_paths.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let column_depth = column_paths.iter().map(Vec::len).max().unwrap_or(0);
    let header = if columns.is_empty() {
        1
    } else {
        1 + column_depth
    };

    let mut b = Builder::new();
    let note = note.unwrap_or(applications::NOTE);
    b.place(0, 0, (header, labels), note, CellKind::Note);
    if !columns.is_empty() {
        b.place(
            0,
            labels,
            (1, columns.len()),
            APPLICANTS_HEADER,
            CellKind::Header,
        );
        for s in label_tree(&column_paths, column_depth, CellKind::Header) {
            b.place(
                1 + s.level,
                labels + s.start,
                (s.depth, s.len),
                s.text,
                s.kind,
            );
        }
    }
    for s in label_tree(&row_paths, labels, CellKind::Label) {
        b.place(header + s.start, s.level, (s.len, s.depth), s.text, s.kind);
    }
    for (i, (label, row)) in table.rows().enumerate() {
        for (j, column) in columns.iter().enumerate() {
            let (text, kind) = cell_text(row, column);
            b.place(header + i, labels + j, (1, 1), &text, kind);
            b.key(
                header + i,
                labels + j,
                CellKey::new(TableId::Applications, label, *column),
            );
        }
    }
    let widths = application_widths(labels, columns.len());
    b.finish(TableId::Applications, widths, header)
}

/// Table 四: each row of the model (行政复议, 行政诉讼/…) becomes a group of printed
/// columns over one data row.
pub(super) fn reviews(table: &Table) -> Option<TableGrid> {
    let mut paths: Vec<Vec<&str>> = Vec::new();
    let mut cells = Vec::new();
    for (label, row) in table.rows() {
        for (column, cell) in row.iter() {
            let mut path = segments(label);
            path.extend(segments(column));
            paths.push(path);
            cells.push((CellKey::new(TableId::Reviews, label, column), cell));
        }
    }
    if paths.is_empty() {
        return None;
    }
    let depth = paths.iter().map(Vec::len).max().unwrap_or(1);
    let mut b = Builder::new();
    for s in label_tree(&paths, depth, CellKind::Header) {
        b.place(s.level, s.start, (s.depth, s.len), s.text, s.kind);
    }
    for (j, (key, cell)) in cells.into_iter().enumerate() {
        b.place(depth, j, (1, 1), &zh::cell(cell), CellKind::Value);
        b.key(depth, j, key);
    }
    Some(b.finish(TableId::Reviews, vec![1; paths.len()], depth))
}

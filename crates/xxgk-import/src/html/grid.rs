//! An HTML `<table>` → a rectangular [`Grid`], with `rowspan` and `colspan`
//! expanded as the HTML table model places cells: each cell goes to the first free
//! column of its row, and a span covers the positions to its right and below.

use xxgk_model::SourcePos;

use crate::NoteCode;
use crate::expand::{MAX_WIDTH, Slot, to_rows};
use crate::{Grid, GridCell, ImportNote};

use super::collect::{collect_text, is_long, skipped};
use super::text::Lines;
use super::tree::{Kind, Tree};

/// The widest `colspan` HTML honours.
const MAX_COLSPAN: u32 = 1000;

pub(super) struct Built {
    /// Nodes inside the table but outside its cells (a caption, stray text): shown
    /// before the table.
    pub(super) before: Vec<usize>,
    pub(super) grid: Option<Grid>,
    /// A cell holds prose: the table is a layout table.
    pub(super) long_cell: bool,
}

struct SourceRow {
    pos: SourcePos,
    cells: Vec<usize>,
}

pub(super) fn build(
    tree: &Tree<'_>,
    table: usize,
    honor_hidden: bool,
    budget: &mut usize,
    notes: &mut Vec<ImportNote>,
) -> Built {
    let (rows, before) = source_rows(tree, table, honor_hidden);
    if rows.iter().all(|r| r.cells.is_empty()) {
        return Built {
            before,
            grid: None,
            long_cell: false,
        };
    }
    let placed = place(tree, &rows, honor_hidden, budget);
    let pos = tree.nodes[table].pos;
    if placed.clamped {
        notes.push(note(
            NoteCode::HtmlSpanClamped,
            "表格的合并单元格跨度过大，已按页面可容纳的宽度截断".to_owned(),
            pos,
        ));
    }
    if placed.overlap {
        notes.push(note(
            NoteCode::HtmlSpanOverlap,
            "表格的合并单元格相互重叠，重叠处按先出现的单元格读取".to_owned(),
            pos,
        ));
    }
    let placed_rows = rows.iter().map(|r| r.pos).zip(placed.slots).collect();
    // Nothing printed at a free position (a short row): an empty cell at the row.
    let (grid_rows, ragged) = to_rows(placed_rows, budget, |_, _, row| row);
    if ragged {
        notes.push(note(
            NoteCode::HtmlGridRagged,
            "表格过大，部分行未补齐为矩形".to_owned(),
            pos,
        ));
    }
    Built {
        before,
        grid: Some(Grid {
            rows: grid_rows,
            expanded: true,
            form: crate::RowForm::Inline,
            pos,
        }),
        long_cell: placed.long_cell,
    }
}

/// The rows of a table (through `<tbody>`, `<thead>`, `<tfoot>`) with their
/// cells, and the nodes that are neither (caption, stray content).
fn source_rows(tree: &Tree<'_>, table: usize, honor_hidden: bool) -> (Vec<SourceRow>, Vec<usize>) {
    let mut before = Vec::new();
    let mut rows: Vec<SourceRow> = Vec::new();
    let visible = |id: usize| match &tree.nodes[id].kind {
        Kind::Element(e) => !skipped(e, honor_hidden),
        Kind::Text(t) => !t.trim().is_empty(),
        Kind::Root => false,
    };
    for &child in &tree.nodes[table].children {
        if !visible(child) {
            continue;
        }
        match tree.name(child) {
            "tbody" | "thead" | "tfoot" => {
                for &row in &tree.nodes[child].children {
                    if !visible(row) {
                        continue;
                    }
                    if tree.name(row) == "tr" {
                        rows.push(source_row(tree, row, &visible, &mut before));
                    } else {
                        before.push(row);
                    }
                }
            }
            "tr" => rows.push(source_row(tree, child, &visible, &mut before)),
            "colgroup" | "col" => {}
            _ => before.push(child),
        }
    }
    (rows, before)
}

struct Placed {
    slots: Vec<Vec<Slot>>,
    clamped: bool,
    overlap: bool,
    long_cell: bool,
}

/// Places the cells on the grid.
fn place(tree: &Tree<'_>, rows: &[SourceRow], honor_hidden: bool, budget: &mut usize) -> Placed {
    let mut clamped = false;
    let mut overlap = false;
    let mut long_cell = false;
    let n = rows.len();
    let mut slots: Vec<Vec<Slot>> = (0..n).map(|_| Vec::new()).collect();
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for &cell in &row.cells {
            while slots[r].get(c).is_some_and(|s| !s.is_free()) {
                c += 1;
            }
            let e = tree.element(cell);
            let (want_rows, want_cols) = (
                span(e.and_then(|e| e.rowspan.as_deref()), true),
                span(e.and_then(|e| e.colspan.as_deref()), false),
            );
            // rowspan="0" spans to the end of the table; spans past it are cut
            // there, as browsers do.
            let rows_left = u32::try_from(n - r).unwrap_or(u32::MAX);
            let natural_rows = if want_rows == 0 {
                rows_left
            } else {
                want_rows.min(rows_left)
            };
            let mut rs = natural_rows;
            let mut cs = want_cols.min(MAX_COLSPAN);
            let room = u32::try_from(MAX_WIDTH.saturating_sub(c).max(1)).unwrap_or(1);
            if cs > room {
                cs = room;
            }
            let area = (rs as usize) * (cs as usize) - 1;
            if area > *budget {
                cs = 1;
                rs = rs.min(u32::try_from(*budget + 1).unwrap_or(1)).max(1);
            }
            clamped |= cs < want_cols || rs < natural_rows;
            *budget -= (rs as usize) * (cs as usize) - 1;
            let (text, first) = cell_text(tree, cell, honor_hidden);
            long_cell |= text.lines().any(is_long);
            let pos = first.unwrap_or(tree.nodes[cell].pos);
            for dr in 0..rs as usize {
                let line = &mut slots[r + dr];
                if line.len() < c + cs as usize {
                    line.resize_with(c + cs as usize, || Slot::Free);
                }
                for dc in 0..cs as usize {
                    let slot = &mut line[c + dc];
                    if !slot.is_free() {
                        overlap = true;
                        continue;
                    }
                    *slot = if dr == 0 && dc == 0 {
                        Slot::Cell(GridCell {
                            text: String::new(),
                            pos,
                            row_span: rs,
                            col_span: cs,
                            covered_by: None,
                        })
                    } else {
                        Slot::Covered(r, c)
                    };
                }
            }
            if let Slot::Cell(placed) = &mut slots[r][c] {
                placed.text = text;
            }
            c += cs as usize;
        }
    }
    Placed {
        slots,
        clamped,
        overlap,
        long_cell,
    }
}

fn source_row(
    tree: &Tree<'_>,
    row: usize,
    visible: &dyn Fn(usize) -> bool,
    before: &mut Vec<usize>,
) -> SourceRow {
    let mut cells = Vec::new();
    for &c in &tree.nodes[row].children {
        if !visible(c) {
            continue;
        }
        match tree.name(c) {
            "td" | "th" => cells.push(c),
            _ => before.push(c),
        }
    }
    SourceRow {
        pos: tree.nodes[row].pos,
        cells,
    }
}

/// A span attribute as HTML reads it: leading digits after white space, anything
/// after them ignored; missing or unreadable means 1; `colspan="0"` means 1, while
/// `rowspan="0"` (returned as 0) means to the end of the table.
fn span(value: Option<&str>, row: bool) -> u32 {
    let Some(v) = value else { return 1 };
    let digits: String = v
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .take(9)
        .collect();
    match digits.parse::<u32>() {
        Ok(0) if row => 0,
        Ok(0) | Err(_) => 1,
        Ok(n) => n,
    }
}

/// The text of a cell, lines joined with `\n`, each line trimmed of all white space
/// at its ends (`&nbsp;` padding beside a number included); and where its text
/// starts.
pub(super) fn cell_text(
    tree: &Tree<'_>,
    cell: usize,
    honor_hidden: bool,
) -> (String, Option<SourcePos>) {
    let mut lines = Lines::default();
    for &c in &tree.nodes[cell].children {
        collect_text(tree, c, honor_hidden, &mut lines);
    }
    let lines = lines.finish();
    let pos = lines.first().map(|l| l.pos);
    let text = lines
        .iter()
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    (text, pos)
}

fn note(code: NoteCode, message: String, pos: SourcePos) -> ImportNote {
    ImportNote {
        code,
        message,
        pos: Some(pos),
        pointer: None,
    }
}

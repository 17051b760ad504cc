//! Parsed tables → blocks: a data table becomes an expanded [`Grid`], a layout
//! table (one holding another table, or a cell of prose) gives up the blocks of its
//! cells.

use std::collections::HashSet;

use xxgk_model::SourcePos;

use crate::NoteCode;
use crate::expand::{BUDGET, Slot, note, to_rows};
use crate::{DocBlock, Grid, GridCell, ImportNote, Para};

use super::cell_pos;
use super::parse::{CellBuild, Item, TableBuild, VMerge};

/// A cell line longer than this (in characters) is prose.
const LONG_CELL: usize = 300;

pub(super) struct Resolver {
    budget: usize,
    pub(super) notes: Vec<ImportNote>,
}

impl Default for Resolver {
    fn default() -> Resolver {
        Resolver {
            budget: BUDGET,
            notes: Vec::new(),
        }
    }
}

impl Resolver {
    pub(super) fn blocks(&mut self, items: Vec<Item>) -> Vec<DocBlock> {
        let mut blocks = Vec::new();
        self.add(items, &mut blocks);
        blocks
    }

    fn add(&mut self, items: Vec<Item>, blocks: &mut Vec<DocBlock>) {
        for item in items {
            match item {
                Item::Para { text, pos } => blocks.push(DocBlock::Para(Para {
                    text,
                    pos,
                    heading: false,
                })),
                Item::Table(table) => {
                    if is_layout(&table) {
                        for row in table.rows {
                            for cell in row.cells {
                                self.add(cell.items, blocks);
                            }
                        }
                    } else if let Some(grid) = self.grid(table) {
                        blocks.push(DocBlock::Table(grid));
                    }
                }
            }
        }
    }

    fn grid(&mut self, table: TableBuild) -> Option<Grid> {
        let index = table.index;
        let pos = cell_pos(index, 0, 0);
        let mut clamped = false;
        let mut placed: Vec<(SourcePos, Vec<Slot>)> = Vec::with_capacity(table.rows.len());
        // The cells that start a vertical merge (`w:vMerge` on their own cell).
        let mut merging: HashSet<(usize, usize)> = HashSet::new();
        for (r, row) in table.rows.into_iter().enumerate() {
            let mut slots: Vec<Slot> = Vec::new();
            for cell in row.cells {
                clamped |= cell.clamped;
                let (mut c, mut span) = (cell.col, cell.span.max(1));
                if (c + span).saturating_sub(slots.len()).saturating_sub(1) > self.budget {
                    // No room left for the gap or span: the cell goes next, alone.
                    (c, span) = (c.min(slots.len()), 1);
                    clamped = true;
                }
                if slots.len() < c + span {
                    let grow = c + span - slots.len();
                    self.budget -= grow - 1;
                    slots.resize_with(c + span, || Slot::Free);
                }
                place(
                    &mut placed,
                    &mut slots,
                    (r, c, span),
                    index,
                    &cell,
                    &mut merging,
                );
            }
            placed.push((cell_pos(index, r, 0), slots));
        }
        if placed.iter().all(|(_, s)| s.is_empty()) {
            return None;
        }
        // A table narrower than its w:tblGrid keeps the declared width.
        if let Some((_, first)) = placed.first_mut() {
            if first.len() < table.grid_cols.min(crate::expand::MAX_WIDTH) {
                let grow = table.grid_cols.min(crate::expand::MAX_WIDTH) - first.len();
                if grow <= self.budget {
                    self.budget -= grow;
                    first.resize_with(first.len() + grow, || Slot::Free);
                }
            }
        }
        let (rows, ragged) = to_rows(placed, &mut self.budget, |r, c, _| cell_pos(index, r, c));
        if clamped {
            self.notes.push(note(
                NoteCode::DocxSpanClamped,
                "表格的合并单元格跨度过大，已截断",
                pos,
            ));
        }
        if ragged {
            self.notes.push(note(
                NoteCode::DocxGridRagged,
                "表格过大，部分行未补齐为矩形",
                pos,
            ));
        }
        Some(Grid {
            rows,
            expanded: true,
            form: crate::RowForm::Inline,
            pos,
        })
    }
}

/// Places a cell at row `r`, column `c` over `span` columns: a `vMerge`
/// continuation joins the cell above (which grows down to this row; text printed in
/// a continuation cell is kept with it), any other cell starts at `c`. A
/// continuation under a cell that is in no vertical merge starts one (as some
/// writers mark the first cell of a merge with a bare `<w:vMerge/>`); `merging`
/// holds the cells that start one.
fn place(
    placed: &mut [(SourcePos, Vec<Slot>)],
    slots: &mut [Slot],
    (r, c, span): (usize, usize, usize),
    index: u32,
    cell: &CellBuild,
    merging: &mut HashSet<(usize, usize)>,
) {
    let text = cell_text(&cell.items);
    let above = if cell.vmerge == VMerge::Continue && r > 0 {
        placed[r - 1]
            .1
            .get(c)
            .and_then(|s| match s {
                Slot::Cell(_) => Some((r - 1, c)),
                Slot::Covered(r0, c0) => Some((*r0, *c0)),
                Slot::Free => None,
            })
            .filter(|origin| merging.contains(origin))
    } else {
        None
    };
    if cell.vmerge != VMerge::None && above.is_none() {
        merging.insert((r, c));
    }
    if let Some((r0, c0)) = above {
        if let Some(Slot::Cell(origin)) = placed[r0].1.get_mut(c0) {
            origin.row_span = u32::try_from(r - r0 + 1).unwrap_or(u32::MAX);
            if !text.is_empty() {
                if !origin.text.is_empty() {
                    origin.text.push('\n');
                }
                origin.text.push_str(&text);
            }
        }
        for slot in &mut slots[c..c + span] {
            if slot.is_free() {
                *slot = Slot::Covered(r0, c0);
            }
        }
        return;
    }
    for (k, slot) in slots[c..c + span].iter_mut().enumerate() {
        if !slot.is_free() {
            continue;
        }
        *slot = if k == 0 {
            Slot::Cell(GridCell {
                text: String::new(),
                pos: cell_pos(index, r, c),
                row_span: 1,
                col_span: u32::try_from(span).unwrap_or(u32::MAX),
                covered_by: None,
            })
        } else {
            Slot::Covered(r, c)
        };
    }
    if let Some(Slot::Cell(placed_cell)) = slots.get_mut(c) {
        placed_cell.text = text;
    }
}

/// A table holding a table or a cell of prose is there for layout.
fn is_layout(table: &TableBuild) -> bool {
    table.rows.iter().flat_map(|r| &r.cells).any(|c| {
        c.items.iter().any(|i| match i {
            Item::Table(_) => true,
            Item::Para { text, .. } => text.chars().count() > LONG_CELL,
        })
    })
}

/// A cell's paragraphs joined with `\n`, each trimmed of white space.
fn cell_text(items: &[Item]) -> String {
    let mut text = String::new();
    for item in items {
        if let Item::Para { text: t, .. } = item {
            let t = t.trim();
            if !t.is_empty() {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(t);
            }
        }
    }
    text
}

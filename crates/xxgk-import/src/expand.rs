//! Shared by the HTML and Word front ends: placed grid positions → rectangular
//! [`GridRow`]s, within a budget of positions per document.

use xxgk_model::SourcePos;

use crate::NoteCode;
use crate::{GridCell, GridRow, ImportNote};

/// Positions that merged cells may cover and short rows may be padded with in one
/// document, beyond the printed cells themselves: far more than any real report
/// needs, and a bound on what a hostile file can make us allocate (a span of
/// hundreds of columns on every one of thousands of rows).
pub(crate) const BUDGET: usize = 200_000;

/// The widest a span may stretch a grid (rows with more printed cells than this are
/// still kept whole).
pub(crate) const MAX_WIDTH: usize = 256;

/// One position of a grid being placed.
pub(crate) enum Slot {
    /// Nothing printed here (yet).
    Free,
    /// A printed cell starts here.
    Cell(GridCell),
    /// Covered by the cell starting at (row, column).
    Covered(usize, usize),
}

impl Slot {
    pub(crate) fn is_free(&self) -> bool {
        matches!(self, Slot::Free)
    }
}

/// Turns placed rows (with their positions) into grid rows of equal width: covered
/// positions name their cell and take its position; free positions become empty
/// cells at `free_pos(row, column)`. Padding draws on `budget`; when it runs out the
/// remaining rows stay short and the returned flag is set.
pub(crate) fn to_rows(
    rows: Vec<(SourcePos, Vec<Slot>)>,
    budget: &mut usize,
    free_pos: impl Fn(usize, usize, SourcePos) -> SourcePos,
) -> (Vec<GridRow>, bool) {
    let width = rows.iter().map(|(_, s)| s.len()).max().unwrap_or(0);
    let mut ragged = false;
    let mut out: Vec<GridRow> = Vec::with_capacity(rows.len());
    for (r, (row_pos, slots)) in rows.into_iter().enumerate() {
        let missing = width - slots.len();
        let pad = if missing <= *budget {
            *budget -= missing;
            missing
        } else {
            ragged = true;
            0
        };
        let mut cells: Vec<GridCell> = Vec::with_capacity(slots.len() + pad);
        let padding = std::iter::repeat_with(|| Slot::Free).take(pad);
        for (c, slot) in slots.into_iter().chain(padding).enumerate() {
            let cell = match slot {
                Slot::Cell(cell) => cell,
                Slot::Covered(r0, c0) => {
                    let origin = if r0 < out.len() {
                        out[r0].cells.get(c0).map(|o| o.pos)
                    } else {
                        cells.get(c0).map(|o| o.pos)
                    };
                    GridCell {
                        text: String::new(),
                        pos: origin.unwrap_or(row_pos),
                        row_span: 1,
                        col_span: 1,
                        covered_by: Some((r0, c0)),
                    }
                }
                Slot::Free => GridCell {
                    text: String::new(),
                    pos: free_pos(r, c, row_pos),
                    row_span: 1,
                    col_span: 1,
                    covered_by: None,
                },
            };
            cells.push(cell);
        }
        out.push(GridRow {
            cells,
            pos: row_pos,
        });
    }
    (out, ragged)
}

/// The note for a grid left ragged or with spans cut short.
pub(crate) fn note(code: NoteCode, message: &str, pos: SourcePos) -> ImportNote {
    ImportNote {
        code,
        message: message.to_owned(),
        pos: Some(pos),
        pointer: None,
    }
}

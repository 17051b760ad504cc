//! Table 二: one block per 第二十条 item.

use xxgk_model::schema::TableId;
use xxgk_model::{CellKey, Row, Table};

use super::{Builder, CellKind, PROACTIVE_LABEL_HEADER, TableGrid, cell_text, column_order};

/// The caption and item label of a table 二 row: `第二十条第（一）项/规章` →
/// (`第二十条第（一）项`, `规章`); a row outside any item has no caption.
pub(crate) fn proactive_parts(label: &str) -> (Option<&str>, &str) {
    match label.split_once('/') {
        Some((caption, item)) => (Some(caption), item),
        None => (None, label),
    }
}

/// A block of table 二: consecutive rows under the same 第二十条 item.
pub(crate) struct ProactiveBlock<'a> {
    /// The item (`第二十条第（一）项`); `None` for rows outside any item.
    pub(crate) caption: Option<&'a str>,
    /// Each row's label within the item, and the row.
    pub(crate) rows: Vec<(&'a str, &'a Row)>,
    /// The block's columns in printed order.
    pub(crate) columns: Vec<&'a str>,
}

/// The blocks of table 二 in printed order.
pub(crate) fn proactive_blocks(table: &Table) -> Vec<ProactiveBlock<'_>> {
    let mut blocks: Vec<ProactiveBlock<'_>> = Vec::new();
    for (label, row) in table.rows() {
        let (caption, item) = proactive_parts(label);
        match blocks.last_mut() {
            Some(block) if block.caption == caption => block.rows.push((item, row)),
            _ => blocks.push(ProactiveBlock {
                caption,
                rows: vec![(item, row)],
                columns: Vec::new(),
            }),
        }
    }
    for block in &mut blocks {
        block.columns = column_order(block.rows.iter().map(|(_, r)| *r));
    }
    blocks
}

/// Table 二: blocks of consecutive rows under the same 第二十条 item.
pub(super) fn grid(table: &Table) -> TableGrid {
    let blocks = proactive_blocks(table);
    let width = blocks
        .iter()
        .map(|b| b.columns.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut b = Builder::new();
    let mut r = 0;
    for block in &blocks {
        let columns = &block.columns;
        if let Some(caption) = block.caption {
            b.place(r, 0, (1, width + 1), caption, CellKind::Caption);
            r += 1;
        }
        b.place(r, 0, (1, 1), PROACTIVE_LABEL_HEADER, CellKind::Header);
        spread(&mut b, r, width, columns.len(), |i| {
            (columns[i].to_owned(), CellKind::Header)
        });
        r += 1;
        for (item, row) in &block.rows {
            b.place(r, 0, (1, 1), item, CellKind::Label);
            spread(&mut b, r, width, columns.len(), |i| {
                cell_text(row, columns[i])
            });
            let label = match block.caption {
                Some(caption) => format!("{caption}/{item}"),
                None => (*item).to_owned(),
            };
            for (i, column) in columns.iter().enumerate() {
                b.key(r, 1 + i, CellKey::new(TableId::Proactive, &label, *column));
            }
            r += 1;
        }
    }
    b.finish(TableId::Proactive, vec![1; width + 1], 0)
}

/// Places `n` cells over `width` grid columns after the label column: one column
/// each, the last taking what is left (a single column spans them all); an empty
/// filler when there is nothing to place.
fn spread(
    b: &mut Builder,
    row: usize,
    width: usize,
    n: usize,
    mut cell: impl FnMut(usize) -> (String, CellKind),
) {
    if n == 0 {
        b.place(row, 1, (1, width), "", CellKind::Filler);
        return;
    }
    for i in 0..n {
        let span = if i + 1 == n { width - i } else { 1 };
        let (text, kind) = cell(i);
        b.place(row, 1 + i, (1, span), &text, kind);
    }
}

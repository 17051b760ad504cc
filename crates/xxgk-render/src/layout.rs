//! The printed shape of the three tables: which cell sits where and what it spans.
//!
//! Every output format draws its tables from one [`TableGrid`], so text, HTML and
//! Word show the same merged cells. The grid follows the official template
//! (国办公开办函〔2021〕30号 and the 2019 trial format):
//!
//! - 表二: one block per 第二十条 item — a caption row spanning the table, a header row
//!   (`信息内容` and the block's columns), one row per item. The table is as wide as
//!   the widest block; narrower blocks let their last column take the rest
//!   (`本年处理决定数量` spans three grid columns in 2021).
//! - 表三: the 勾稽关系 note in the corner spanning the label columns and the header
//!   rows, `申请人情况` over the data columns, then the column tree (`自然人`,
//!   `法人或其他组织` over its five columns, `总计`). Row labels form a tree too:
//!   `三、本年度办理结果` spans its result rows, （三）（四）（五）（六） span their items,
//!   single rows span to the values.
//! - 表四: one data row under a three-level header (`行政复议` over five results;
//!   `行政诉讼` over `未经复议直接起诉` and `复议后起诉`, five results each).
//!
//! The layout is built from what the table holds, not from the official list: absent
//! rows and cells are left out, added rows and columns appear where they were printed
//! with their labels, and a row or column that is also a group (a subtotal) gets its
//! own line or column under the group label with an empty label cell.

use xxgk_model::schema::{TableId, applications};
use xxgk_model::{Row, Table};

use crate::zh;

/// What a grid cell holds; it decides how the cell is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CellKind {
    /// Table 三's corner note (`（本列数据的勾稽关系为：…）`).
    Note,
    /// A block caption of table 二 (`第二十条第（一）项`).
    Caption,
    /// A column header or column group (`信息内容`, `申请人情况`, `法人或其他组织`).
    Header,
    /// A row label or row group (`三、本年度办理结果`, `1.属于国家秘密`).
    Label,
    /// A data cell the report prints (possibly blank).
    Value,
    /// A data position the report does not print: its row lacks the column.
    Absent,
    /// The empty label place of a row or column that is itself a group (a subtotal
    /// row's place beside its group label).
    Filler,
}

/// A cell placed in the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    /// Grid row of its top edge (0-based).
    pub row: usize,
    /// Grid column of its left edge (0-based).
    pub column: usize,
    /// Grid rows it spans (≥ 1).
    pub row_span: usize,
    /// Grid columns it spans (≥ 1).
    pub col_span: usize,
    /// The text, as printed.
    pub text: String,
    /// What the cell holds.
    pub kind: CellKind,
}

/// A table laid out as a grid of merged cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableGrid {
    /// Which table.
    pub table: TableId,
    /// Number of grid columns.
    pub columns: usize,
    /// Relative width of each grid column (proportions of the official template).
    pub widths: Vec<u32>,
    /// The leading rows that form the column header (repeated on each printed page);
    /// 0 for table 二, whose headers sit inside each block.
    pub header_rows: usize,
    rows: Vec<Vec<GridCell>>,
}

impl TableGrid {
    /// The cells that start in each grid row, left to right.
    pub fn rows(&self) -> &[Vec<GridCell>] {
        &self.rows
    }

    /// Every grid position with the cell that covers it (the cell itself at its
    /// top-left position, the merged cell elsewhere), row by row. A position no cell
    /// covers is `None`; a well-formed grid has none.
    pub fn expanded(&self) -> Vec<Vec<Option<&GridCell>>> {
        let mut grid = vec![vec![None; self.columns]; self.rows.len()];
        for cell in self.rows.iter().flatten() {
            let rows = grid.iter_mut().skip(cell.row).take(cell.row_span);
            for positions in rows {
                for slot in positions.iter_mut().skip(cell.column).take(cell.col_span) {
                    *slot = Some(cell);
                }
            }
        }
        grid
    }
}

/// Lays out a table. `note` is table 三's header note as the report holds it (the
/// official wording is used when it holds none). Returns `None` when the table has
/// nothing to print: no rows, or (table 四) no cells.
pub fn table_grid(id: TableId, table: &Table, note: Option<&str>) -> Option<TableGrid> {
    if table.is_empty() {
        return None;
    }
    match id {
        TableId::Proactive => Some(proactive(table)),
        TableId::Applications => Some(applications(table, note)),
        TableId::Reviews => reviews(table),
    }
}

/// The name a table is known by: `表二`, `表三`, `表四`.
pub fn table_name(id: TableId) -> String {
    let n = match id {
        TableId::Proactive => 2,
        TableId::Applications => 3,
        TableId::Reviews => 4,
    };
    format!("表{}", zh::numeral(n))
}

/// The columns of a set of rows in printed order: each row's order is kept, and a
/// column first seen in a later row is placed right after the column it follows
/// there (so an added subtotal column keeps its printed position).
pub(crate) fn column_order<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Vec<&'a str> {
    let mut order: Vec<&str> = Vec::new();
    for row in rows {
        let mut at = 0;
        for (column, _) in row.iter() {
            if let Some(i) = order.iter().position(|c| *c == column) {
                at = i + 1;
            } else {
                order.insert(at, column);
                at += 1;
            }
        }
    }
    order
}

/// The parts of a label path.
pub(crate) fn segments(path: &str) -> Vec<&str> {
    path.split('/').collect()
}

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

/// Twice the width of a text in ems: ASCII characters are half as wide as Chinese
/// ones (so a result of 40 is 20 ems).
pub(crate) fn title_ems(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// Where a title is best broken over two lines, as official documents break it:
/// before the year (`青禾县人民政府` / `2025年政府信息公开工作年度报告`) or before
/// `政府信息公开工作年度报告`, whichever leaves the lines most even. `None` for a
/// title with neither, or already holding a line break.
pub(crate) fn title_break(title: &str) -> Option<usize> {
    if title.contains('\n') {
        return None;
    }
    let mut candidates: Vec<usize> = Vec::new();
    // Before a year: four ASCII digits, not part of a longer number, then 年.
    for (i, _) in title.char_indices() {
        let rest = &title[i..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let starts_run = i == 0 || !title.as_bytes()[i - 1].is_ascii_digit();
        if digits == 4 && starts_run && rest[4..].starts_with('年') {
            candidates.push(i);
        }
    }
    if let Some(i) = title.find("政府信息公开工作年度报告") {
        candidates.push(i);
    }
    candidates
        .into_iter()
        .filter(|&i| i > 0 && i < title.len())
        .min_by_key(|&i| title_ems(&title[..i]).abs_diff(title_ems(&title[i..])))
}

/// The official label of the first column of every table 二 block.
pub const PROACTIVE_LABEL_HEADER: &str = "信息内容";
/// The official header over the data columns of table 三.
pub const APPLICANTS_HEADER: &str = "申请人情况";

/// Collects placed cells row by row.
struct Builder {
    rows: Vec<Vec<GridCell>>,
}

impl Builder {
    fn new() -> Builder {
        Builder { rows: Vec::new() }
    }

    fn place(
        &mut self,
        row: usize,
        column: usize,
        span: (usize, usize),
        text: &str,
        kind: CellKind,
    ) {
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        self.rows[row].push(GridCell {
            row,
            column,
            row_span: span.0.max(1),
            col_span: span.1.max(1),
            text: text.to_owned(),
            kind,
        });
    }

    fn finish(mut self, table: TableId, widths: Vec<u32>, header_rows: usize) -> TableGrid {
        for row in &mut self.rows {
            row.sort_by_key(|c| c.column);
        }
        TableGrid {
            table,
            columns: widths.len(),
            widths,
            header_rows,
            rows: self.rows,
        }
    }
}

fn cell_text(row: &Row, column: &str) -> (String, CellKind) {
    match row.get(column) {
        Some(cell) => (zh::cell(cell), CellKind::Value),
        None => (String::new(), CellKind::Absent),
    }
}

/// Table 二: blocks of consecutive rows under the same 第二十条 item.
fn proactive(table: &Table) -> TableGrid {
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
/// also the group of the items after it gets an empty filler below the group cell.
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
                    text: "",
                    kind: CellKind::Filler,
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
fn applications(table: &Table, note: Option<&str>) -> TableGrid {
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
            let kind = header_kind(s.kind);
            b.place(
                1 + s.level,
                labels + s.start,
                (s.depth, s.len),
                s.text,
                kind,
            );
        }
    }
    for s in label_tree(&row_paths, labels, CellKind::Label) {
        b.place(header + s.start, s.level, (s.len, s.depth), s.text, s.kind);
    }
    for (i, (_, row)) in table.rows().enumerate() {
        for (j, column) in columns.iter().enumerate() {
            let (text, kind) = cell_text(row, column);
            b.place(header + i, labels + j, (1, 1), &text, kind);
        }
    }
    let widths = application_widths(labels, columns.len());
    b.finish(TableId::Applications, widths, header)
}

fn header_kind(kind: CellKind) -> CellKind {
    match kind {
        CellKind::Filler => CellKind::Filler,
        _ => CellKind::Header,
    }
}

/// Table 四: each row of the model (行政复议, 行政诉讼/…) becomes a group of printed
/// columns over one data row.
fn reviews(table: &Table) -> Option<TableGrid> {
    let mut paths: Vec<Vec<&str>> = Vec::new();
    let mut cells = Vec::new();
    for (label, row) in table.rows() {
        for (column, cell) in row.iter() {
            let mut path = segments(label);
            path.extend(segments(column));
            paths.push(path);
            cells.push(cell);
        }
    }
    if paths.is_empty() {
        return None;
    }
    let depth = paths.iter().map(Vec::len).max().unwrap_or(1);
    let mut b = Builder::new();
    for s in label_tree(&paths, depth, CellKind::Header) {
        b.place(
            s.level,
            s.start,
            (s.depth, s.len),
            s.text,
            header_kind(s.kind),
        );
    }
    for (j, cell) in cells.iter().enumerate() {
        b.place(depth, j, (1, 1), &zh::cell(cell), CellKind::Value);
    }
    Some(b.finish(TableId::Reviews, vec![1; paths.len()], depth))
}

//! Table 四 (政府信息公开行政复议、行政诉讼情况): fifteen cells in one row under a
//! three-level header, or three labelled rows of five.

use xxgk_model::schema::{TableId, reviews};
use xxgk_model::{Pointer, SourcePos, Table};

use super::columns::{Column, place};
use super::items::{Row, Split, split};
use super::out::{Out, row_pointer};
use super::percell::groups;
use crate::NoteCode;
use crate::RowForm;
use crate::normalize::label_key;

const ID: TableId = TableId::Reviews;
const BLOCKS: [&str; 3] = [
    "行政复议",
    "行政诉讼/未经复议直接起诉",
    "行政诉讼/复议后起诉",
];
const LEAVES: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Block(usize),
    Lawsuit,
    Leaf(usize),
}

fn word(text: &str) -> Option<Word> {
    let key = label_key(text);
    match key.as_str() {
        "行政复议" => Some(Word::Block(0)),
        "未经复议直接起诉" => Some(Word::Block(1)),
        "复议后起诉" => Some(Word::Block(2)),
        "行政诉讼" => Some(Word::Lawsuit),
        "维持" | "结果维持" => Some(Word::Leaf(0)),
        "纠正" | "结果纠正" => Some(Word::Leaf(1)),
        "其他结果" | "其他" => Some(Word::Leaf(2)),
        "尚未审结" | "未审结" => Some(Word::Leaf(3)),
        "总计" | "合计" => Some(Word::Leaf(4)),
        _ => None,
    }
}

/// A data row's values, its fifteen cells cut from one run of digits where they
/// are run together ([`super::runs`]); `None` when the run is not read (noted).
fn run_values(
    s: Split,
    columns: &[Column],
    budget: &mut super::runs::Budget,
    out: &mut Out,
) -> Option<Split> {
    let pointer = Some(Pointer::table(ID));
    match super::runs::read_run(
        "表四数据行",
        "",
        &s.values,
        columns,
        s.pos,
        s.pos,
        pointer,
        budget,
        out,
    ) {
        super::runs::Run::Read(values) => Some(Split { values, ..s }),
        super::runs::Run::No => Some(s),
        super::runs::Run::Pending(_) | super::runs::Run::Unread => None,
    }
}

/// Reads the rows of table 四.
pub(crate) fn read(rows: &[Row], out: &mut Out) -> Table {
    let mut table = Table::new();
    let mut header: Vec<Split> = Vec::new();
    let mut cells: Option<Option<Vec<(usize, Column)>>> = None;
    let mut budget = super::runs::Budget::default();
    let mut wrapped: Option<(SourcePos, Vec<super::items::Field>)> = None;
    let mut blanks = Blanks::default();
    for row in rows {
        let s = split(row);
        let words: Vec<Option<Word>> = s.labels.iter().map(|l| word(&l.text)).collect();
        if !s.has_values() {
            without_values(s, &words, &mut header, &mut blanks, out);
            continue;
        }
        // One cell a line: a row's values come in one run, or not at all (a
        // PDF's reading order may interleave them with the header's cells).
        if let RowForm::CellPerLine { blank_cells } = s.form {
            per_line(
                &mut table,
                &header,
                &s,
                words.last().copied().flatten(),
                blank_cells,
                out,
            );
            continue;
        }
        // Three rows of five: the row names its block.
        if let Some(Some(Word::Block(b))) = words.last() {
            block_row(&mut table, &header, &s, *b, out);
            continue;
        }
        if let Some(b) = named_block(&s, out) {
            block_row(&mut table, &header, &s, b, out);
            continue;
        }
        if !s.labels.is_empty() {
            out.note(
                NoteCode::RowUnrecognised,
                format!(
                    "表四中的行“{}”无法对应到官方格式，按无行名的数据行读取",
                    s.labels
                        .iter()
                        .map(|l| l.text.trim())
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                Some(s.pos),
                None,
            );
        }
        let Some(cols) = cells.get_or_insert_with(|| fifteen(&header, s.pos, out)) else {
            continue;
        };
        let columns: Vec<Column> = cols.iter().map(|(_, c)| c.clone()).collect();
        let Some(s) = run_values(s, &columns, &mut budget, out) else {
            continue;
        };
        // A wide row wrapped onto the next line (a PDF page too narrow for 15
        // columns) continues in the next row of values.
        if !s.expanded && (s.values.len() < columns.len() || wrapped.is_some()) {
            let values = s.values.clone();
            match &mut wrapped {
                Some((_, held)) => held.extend(values),
                None => wrapped = Some((s.pos, values)),
            }
            if wrapped
                .as_ref()
                .is_some_and(|(_, v)| v.len() < columns.len())
            {
                continue;
            }
        }
        let (pos, values) = wrapped.take().unwrap_or((s.pos, s.values.clone()));
        let (placed, fit) = place(&values, &columns);
        let pointer = Pointer::table(ID);
        out.fit(&fit, "表四数据行", &values, 15, pos, pointer);
        for (i, f) in placed {
            if let Some((b, c)) = cols.get(i) {
                let block = BLOCKS[*b];
                out.at(row_pointer(ID, block), f.pos);
                out.put(&mut table, ID, block, &c.label, &f, None);
            }
        }
    }
    if let Some((pos, values)) = wrapped {
        let texts: Vec<&str> = values.iter().map(|f| &*f.text).collect();
        out.note(
            NoteCode::ValuesMissing,
            format!(
                "表四数据行只有 {} 个数值（应为 15 个），无法对应到列，未读入：“{}”",
                values.len(),
                texts.join("”“")
            ),
            Some(pos),
            Some(Pointer::table(ID)),
        );
    }
    blanks.read(&mut table, &header, out);
    table
}

/// A row without values: a row of blank cells (held), a header row, or text
/// that is no part of the table (noted).
fn without_values(
    s: Split,
    words: &[Option<Word>],
    header: &mut Vec<Split>,
    blanks: &mut Blanks,
    out: &mut Out,
) {
    if blanks.hold(&s, words) {
        return;
    }
    if !s.labels.is_empty() && words.iter().all(Option::is_some) {
        header.push(s);
    } else if let Some(l) = s.leaf() {
        out.note(
            NoteCode::TableTextSkipped,
            format!(
                "表四中的文字“{}”无法对应到任何行或列，未读入",
                l.text.trim()
            ),
            Some(l.pos),
            None,
        );
    }
}

/// Rows of blank cells: a table printed and left blank (as the official template
/// is issued) is a table with blank cells, not a missing one. They are held back
/// and read at the end, where no row of values took their cells.
#[derive(Default)]
struct Blanks {
    /// A row of fifteen blank fields without a label.
    all: Option<Split>,
    /// Rows of five blank fields named by their block.
    blocks: Vec<(usize, Split)>,
}

impl Blanks {
    /// Holds a row without values if it is a row of blank cells.
    fn hold(&mut self, s: &Split, words: &[Option<Word>]) -> bool {
        if let [Some(Word::Block(b))] = words
            && s.values.len() == LEAVES.len()
        {
            self.blocks.push((*b, s.clone()));
            true
        } else if s.labels.is_empty() && s.values.len() >= BLOCKS.len() * LEAVES.len() {
            self.all.get_or_insert_with(|| s.clone());
            true
        } else {
            false
        }
    }

    /// The row of fifteen when no value was read at all, and a block's row of
    /// five when its block has none.
    fn read(self, table: &mut Table, header: &[Split], out: &mut Out) {
        if table.is_empty()
            && let Some(s) = self.all
            && let Some(cols) = fifteen(header, s.pos, out)
        {
            let columns: Vec<Column> = cols.iter().map(|(_, c)| c.clone()).collect();
            let (placed, _) = place(&s.values, &columns);
            for (i, f) in placed {
                if let Some((b, c)) = cols.get(i) {
                    let block = BLOCKS[*b];
                    out.at(row_pointer(ID, block), f.pos);
                    out.put(table, ID, block, &c.label, &f, None);
                }
            }
        }
        for (b, s) in self.blocks {
            if table.row(BLOCKS[b]).is_none_or(xxgk_model::Row::is_empty) {
                block_row(table, header, &s, b, out);
            }
        }
    }
}

/// A row of text with one cell a line: a block's five values after its label,
/// or all fifteen in one run; anything else is not read, with a note.
fn per_line(
    table: &mut Table,
    header: &[Split],
    s: &Split,
    last: Option<Word>,
    blank_cells: bool,
    out: &mut Out,
) {
    let block = match last {
        Some(Word::Block(b)) => Some(b),
        _ => None,
    };
    let n = if block.is_some() { 5 } else { 15 };
    let one = match groups(&s.values, n, blank_cells) {
        Ok(rows) if rows.len() == 1 => rows.into_iter().next(),
        _ => None,
    };
    match (one, block) {
        (Some(values), Some(b)) => {
            let s = Split {
                values,
                ..s.clone()
            };
            block_row(table, header, &s, b, out);
        }
        (Some(values), None) => {
            let Some(cols) = fifteen(header, s.pos, out) else {
                return;
            };
            let columns: Vec<Column> = cols.iter().map(|(_, c)| c.clone()).collect();
            let (placed, _) = place(&values, &columns);
            for (i, f) in placed {
                if let Some((b, c)) = cols.get(i) {
                    let block = BLOCKS[*b];
                    out.at(row_pointer(ID, block), f.pos);
                    out.put(table, ID, block, &c.label, &f, None);
                }
            }
        }
        (None, _) => {
            let texts: Vec<&str> = s.values.iter().map(|f| &*f.text).collect();
            let what = block.map_or_else(
                || "表四的 15 个数值没有连续印出（文本把它们与列标题交错排列），无法确定各数值所在的列".to_owned(),
                |b| format!("表四“{}”行应有 5 个数值", BLOCKS[b]),
            );
            out.note(
                NoteCode::ValuesUnplaced,
                format!("{what}，未读入这一段中的数值：“{}”", texts.join("”“")),
                Some(s.pos),
                Some(Pointer::table(ID)),
            );
        }
    }
}

/// The block a row's label names with more words around it: its group in front
/// (`行政诉讼（未经复议直接起诉）`, `行政诉讼—复议后起诉`) or a lead-in
/// (`其中：复议后起诉`). Only a label that names one block and no result column;
/// noted.
fn named_block(s: &Split, out: &mut Out) -> Option<usize> {
    let [label] = s.labels.as_slice() else {
        return None;
    };
    let key = label_key(&label.text);
    let direct = key.contains("未经复议直接起诉");
    let after = key.contains("复议后起诉");
    let review = key.contains("行政复议") && !key.contains("诉讼");
    let leaf = LEAVES.iter().any(|l| key.contains(l));
    let b = match (direct, after, review, leaf) {
        (true, false, false, false) => 1,
        (false, true, false, false) => 2,
        (false, false, true, false) => 0,
        _ => return None,
    };
    out.note(
        NoteCode::LabelVariant,
        format!(
            "表四行名“{}”按官方行名“{}”读取",
            label.text.trim(),
            xxgk_model::schema::leaf_label(BLOCKS[b])
        ),
        Some(s.pos),
        Some(row_pointer(ID, BLOCKS[b])),
    );
    Some(b)
}

/// A row of five that names its block (`行政复议  1  0  0  0  1`).
fn block_row(table: &mut Table, header: &[Split], s: &Split, b: usize, out: &mut Out) {
    let cols: Vec<Column> = leaf_order(header)
        .iter()
        .map(|l| Column::new(LEAVES[*l]))
        .collect();
    let block = BLOCKS[b];
    let pointer = row_pointer(ID, block);
    let what = format!("表四“{block}”行");
    if out.unaligned(
        s.form,
        &what,
        &s.values,
        cols.len(),
        s.pos,
        Some(pointer.clone()),
    ) {
        return;
    }
    let (placed, fit) = place(&s.values, &cols);
    out.fit(
        &fit,
        &format!("表四“{block}”行"),
        &s.values,
        5,
        s.pos,
        pointer.clone(),
    );
    out.at(pointer, s.pos);
    for (i, f) in placed {
        if let Some(c) = cols.get(i) {
            out.put(table, ID, block, &c.label, &f, None);
        }
    }
}

/// The order of the five result columns as the header prints them (official
/// order unless the header lists all five differently).
fn leaf_order(header: &[Split]) -> Vec<usize> {
    let mut seen = Vec::new();
    for l in header.iter().flat_map(|s| &s.labels) {
        if let Some(Word::Leaf(i)) = word(&l.text)
            && !seen.contains(&i)
        {
            seen.push(i);
        }
    }
    if seen.len() == 5 {
        seen
    } else {
        (0..5).collect()
    }
}

/// The fifteen columns of the one-row layout: (block, column) in printed order;
/// `None` (noted) when the header's words name the five results of a block in
/// no order that can be one (a PDF's reading order mixing the header's cells).
fn fifteen(header: &[Split], pos: SourcePos, out: &mut Out) -> Option<Vec<(usize, Column)>> {
    let expanded = header.iter().any(|s| s.expanded);
    if expanded && let Some(cols) = by_position(header) {
        return Some(cols);
    }
    // Leaves in reading order, five to a block, blocks in printed order.
    let leaves: Vec<usize> = header
        .iter()
        .flat_map(|s| &s.labels)
        .filter_map(|l| match word(&l.text) {
            Some(Word::Leaf(i)) => Some(i),
            _ => None,
        })
        .collect();
    let mut blocks: Vec<usize> = Vec::new();
    for l in header.iter().flat_map(|s| &s.labels) {
        if let Some(Word::Block(b)) = word(&l.text)
            && !blocks.contains(&b)
        {
            blocks.push(b);
        }
    }
    if blocks.len() != 3 {
        blocks = vec![0, 1, 2];
    }
    if leaves.len() != 15 {
        out.note(
            NoteCode::HeaderMissing,
            "表四未找到完整的列标题，按官方列序（行政复议、未经复议直接起诉、复议后起诉，各为结果维持、结果纠正、其他结果、尚未审结、总计）读取".into(),
            Some(header.first().map_or(pos, |s| s.pos)),
            None,
        );
        return Some(
            blocks
                .iter()
                .flat_map(|b| (0..5).map(move |l| (*b, Column::new(LEAVES[l]))))
                .collect(),
        );
    }
    // Each block names each of the five results once.
    let whole = leaves.chunks(5).all(|chunk| {
        let mut seen = [false; 5];
        chunk.iter().all(|l| {
            seen.get_mut(*l)
                .is_some_and(|s| !std::mem::replace(s, true))
        })
    });
    if !whole {
        out.note(
            NoteCode::ValuesUnplaced,
            "表四列标题中的“结果维持”“结果纠正”等没有按每类五列依次印出（文本的阅读顺序与表格不同），无法确定各数值所在的列，表四的数值未读入".into(),
            Some(header.first().map_or(pos, |s| s.pos)),
            Some(Pointer::table(ID)),
        );
        return None;
    }
    Some(
        leaves
            .chunks(5)
            .zip(&blocks)
            .flat_map(|(chunk, b)| chunk.iter().map(move |l| (*b, Column::new(LEAVES[*l]))))
            .collect(),
    )
}

/// Expanded grids: each grid column takes its block and result from the header
/// cells over it.
fn by_position(header: &[Split]) -> Option<Vec<(usize, Column)>> {
    let mut cols: Vec<(usize, Option<usize>, Option<usize>)> = Vec::new();
    for l in header.iter().flat_map(|s| &s.labels) {
        let Some(w) = word(&l.text) else { continue };
        let i = if let Some(i) = cols.iter().position(|(c, _, _)| *c == l.col) {
            i
        } else {
            cols.push((l.col, None, None));
            cols.len() - 1
        };
        let slot = cols.get_mut(i)?;
        match w {
            Word::Block(b) => slot.1 = Some(b),
            Word::Leaf(i) => slot.2 = Some(i),
            Word::Lawsuit => {}
        }
    }
    cols.sort_by_key(|(c, _, _)| *c);
    // A block label spans its five columns: carry it to the right.
    let mut block = None;
    let mut out = Vec::new();
    for (col, b, leaf) in cols {
        if b.is_some() {
            block = b;
        }
        if let (Some(b), Some(l)) = (block, leaf) {
            let mut c = Column::new(reviews::COLUMNS[l].label);
            c.grid_col = Some(col);
            out.push((b, c));
        }
    }
    (out.len() == 15).then_some(out)
}

//! Which rows belong to which table, and which format version the tables follow.
//!
//! Rows go to the table of the section they sit in, unless they carry the mark
//! of another table's start (table 二's `第二十条第（X）项`/`信息内容`, table 三's
//! note or `申请人情况`, table 四's `行政复议`/`行政诉讼` header) — so a page that
//! prints all tables in one layout table, or a report that lost a heading, is
//! still read. Paragraphs of a table section that are table labels printed on a
//! line of their own (a block caption, a header note) are rows too.

use xxgk_model::schema::TableId;
use xxgk_model::{FormatVersion, SourcePos};

use super::items::{Item, Row, para_row};
use super::proactive::caption;
use crate::Para;
use crate::normalize::{char_len, ends_sentence, label_key};
use crate::patterns::{is_official_label, is_official_label_start};

/// The most rows read into one table (header rows, blank rows and rows a report
/// adds included): the official tables have at most 36 rows, and a report adds a
/// handful; rows beyond it are not read, with a note, so that a table of
/// hundreds of thousands of rows cannot make every later pass (and the notes and
/// findings about each added row) grow with it.
pub const MAX_TABLE_ROWS: usize = 2000;

/// Table rows collected per table, in the order the tables first appear.
#[derive(Debug, Default)]
pub(crate) struct TableRows {
    pub(crate) tables: Vec<(TableId, Vec<Row>, usize)>,
    /// Tables that reached [`MAX_TABLE_ROWS`], with the first row not read.
    pub(crate) cut: Vec<(TableId, SourcePos)>,
}

impl TableRows {
    fn push(&mut self, id: TableId, row: Row, at: usize) {
        match self.tables.iter_mut().find(|(t, _, _)| *t == id) {
            Some((_, rows, _)) if rows.len() >= MAX_TABLE_ROWS => {
                if !self.cut.iter().any(|(t, _)| *t == id) {
                    self.cut.push((id, row.pos));
                }
            }
            Some((_, rows, _)) => rows.push(row),
            None => self.tables.push((id, vec![row], at)),
        }
    }

    /// The rows of a table.
    pub(crate) fn rows(&self, id: TableId) -> Option<&[Row]> {
        self.tables
            .iter()
            .find(|(t, _, _)| *t == id)
            .map(|(_, r, _)| r.as_slice())
    }
}

/// The narrative of a segment around its table rows.
#[derive(Debug, Default)]
pub(crate) struct Around {
    /// Paragraphs before the first table row.
    pub(crate) before: Vec<Para>,
    /// Paragraphs after it.
    pub(crate) after: Vec<Para>,
    /// Rows that belong to no table, kept as text (fields joined by tabs).
    pub(crate) loose: Vec<Para>,
}

/// The table a row marks the start of, if any.
fn marker(row: &Row) -> Option<TableId> {
    let keys: Vec<String> = row.fields.iter().map(|f| label_key(&f.text)).collect();
    let all = keys.concat();
    let has = |w: &str| all.contains(w);
    if has("行政复议")
        && (has("行政诉讼") || has("结果维持") || has("复议后起诉") || has("结果纠正"))
    {
        return Some(TableId::Reviews);
    }
    if has("本列数据")
        || has("申请人情况")
        || has("本年新收政府信息公开申请")
        || keys.iter().any(|k| k == "自然人")
    {
        return Some(TableId::Applications);
    }
    if keys.iter().any(|k| k == "信息内容") || row.fields.iter().any(|f| caption(&f.text).is_some())
    {
        return Some(TableId::Proactive);
    }
    None
}

/// Whether a paragraph is a table label printed on a line of its own.
fn is_label_para(p: &Para, between_rows: bool) -> bool {
    let len = char_len(&p.text);
    if ends_sentence(&p.text) {
        return false;
    }
    let key = label_key(&p.text);
    // `度办理结 （二）部分公开…`: a piece of a group label printed beside the
    // rows, then a row's label.
    let tail = p
        .text
        .trim()
        .rsplit_once(crate::normalize::is_space)
        .map_or(p.text.as_str(), |(_, t)| t);
    let official = |t: &str| is_official_label(t) || is_official_label_start(t);
    (key.contains("本列数据") && len <= 80)
        || (len <= 40 && (caption(&p.text).is_some() || official(&p.text) || official(tail)))
        || (between_rows && len <= 20)
}

/// Whether a paragraph is two or more digits and nothing else.
fn is_digit_run(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() >= 2
        && t.chars()
            .all(|c| crate::normalize::fold_width(c).is_ascii_digit())
}

/// Sorts the items of a segment (or of the text before the first heading) into
/// table rows and narrative. `default` is the segment's own table; `base` the
/// index of the segment's first item in the whole stream.
pub(crate) fn assign(
    items: &[Item],
    default: Option<TableId>,
    base: usize,
    tables: &mut TableRows,
) -> Around {
    let is_row = |i: &Item| matches!(i, Item::Row(_));
    let first = items.iter().position(is_row);
    let last = items.iter().rposition(is_row);
    let mut current = default;
    let mut around = Around::default();
    let mut seen_row = false;
    for (i, item) in items.iter().enumerate() {
        let row = match item {
            Item::Row(r) => r.clone(),
            Item::Para(p) => {
                let between = first.is_some_and(|f| f < i) && last.is_some_and(|l| i < l);
                let in_table = current.is_some() || between;
                // A line of digits alone after the table's rows: a row's cells
                // run together (`527819`), too short to be told from a count
                // by the front end; its table says whether it can be read.
                let run = seen_row && is_digit_run(&p.text);
                if in_table && (is_label_para(p, between) || run) {
                    para_row(p)
                } else {
                    if seen_row {
                        around.after.push(p.clone());
                    } else {
                        around.before.push(p.clone());
                    }
                    continue;
                }
            }
        };
        if let Some(m) = marker(&row) {
            current = Some(m);
        }
        match current {
            Some(id) => {
                tables.push(id, row, base + i);
                seen_row = true;
            }
            None => around.loose.push(Para {
                text: row
                    .fields
                    .iter()
                    .map(|f| &*f.text)
                    .collect::<Vec<_>>()
                    .join("\t"),
                pos: row.pos,
                heading: false,
            }),
        }
    }
    around
}

/// The format version the table labels are written in, with the position of a
/// label that shows it; `None` when no label tells.
pub(crate) fn detect_version(tables: &TableRows) -> Option<(FormatVersion, SourcePos)> {
    const V2019: &[&str] = &[
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增减",
        "处理决定数量",
        "采购项目数量",
        "采购总金额",
        "其他对外管理服务事项",
        "政府集中采购",
    ];
    const V2021: &[&str] = &[
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年处理决定数量",
        "本年收费金额单位万元",
        "本年收费金额",
    ];
    let mut score = [0usize, 0usize];
    let mut first: [Option<SourcePos>; 2] = [None, None];
    for (_, rows, _) in &tables.tables {
        for f in rows.iter().flat_map(|r| &r.fields) {
            let key = label_key(&f.text);
            for (i, list) in [V2019, V2021].iter().enumerate() {
                if list.contains(&key.as_str()) {
                    score[i] += 1;
                    first[i].get_or_insert(f.pos);
                }
            }
        }
    }
    match score[0].cmp(&score[1]) {
        std::cmp::Ordering::Greater => first[0].map(|p| (FormatVersion::V2019, p)),
        std::cmp::Ordering::Less => first[1].map(|p| (FormatVersion::V2021, p)),
        std::cmp::Ordering::Equal => None,
    }
}

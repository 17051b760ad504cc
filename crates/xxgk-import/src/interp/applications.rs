//! Table 三 (收到和处理政府信息公开申请情况): header → columns, rows by label.

use xxgk_model::schema::{TableId, applications, parent_label};
use xxgk_model::{FormatVersion, SourcePos, Table};

use super::columns::{Column, place};
use super::items::{Row, Split, split};
use super::labels::{Hit, Index, Tolerance};
use super::out::{Out, row_pointer};
use crate::normalize::{label_key, strip_spaces, trim};

const ID: TableId = TableId::Applications;

/// The words of table 三's header.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Word {
    Person,
    Org(usize),
    Total,
    OrgGroup,
    Subtotal,
    Skip,
    Note,
    Other(String),
}

const ORGS: [&str; 5] = [
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
];

fn word(text: &str) -> Word {
    let key = label_key(text);
    if key.contains("本列数据") {
        return Word::Note;
    }
    match key.as_str() {
        "自然人" => Word::Person,
        "企业" | "商业企业" => Word::Org(0),
        "科研机构" => Word::Org(1),
        "社会公益组织" => Word::Org(2),
        "法律服务机构" => Word::Org(3),
        "其他" => Word::Org(4),
        "总计" | "合计" => Word::Total,
        "法人或其他组织" => Word::OrgGroup,
        "小计" => Word::Subtotal,
        "申请人情况" | "申请人" => Word::Skip,
        _ => Word::Other(strip_spaces(text)),
    }
}

fn column_label(w: &Word) -> Option<String> {
    Some(match w {
        Word::Person => applications::NATURAL_PERSON.to_owned(),
        Word::Org(i) => format!("{}/{}", applications::ORGANISATIONS, ORGS.get(*i)?),
        Word::Total => applications::TOTAL_COLUMN.to_owned(),
        Word::OrgGroup | Word::Subtotal => applications::ORGANISATIONS.to_owned(),
        Word::Other(label) => label.clone(),
        Word::Skip | Word::Note => return None,
    })
}

fn is_header_word(w: &Word) -> bool {
    !matches!(w, Word::Other(_))
}

/// What reading table 三 gives besides the table.
pub(crate) struct Read {
    pub(crate) table: Table,
    /// The header note as printed.
    pub(crate) note: Option<(String, SourcePos)>,
}

/// Reads the rows of table 三.
pub(crate) fn read(rows: &[Row], version: FormatVersion, out: &mut Out) -> Read {
    let index = Index::new(version.spec().table(ID));
    let mut r = Reader {
        index,
        version,
        table: Table::new(),
        header: Vec::new(),
        columns: None,
        note: None,
        hint: None,
        pending: Vec::new(),
    };
    for row in rows {
        r.row(&split(row), out);
    }
    r.skip_pending(out);
    Read {
        table: r.table,
        note: r.note,
    }
}

struct Reader {
    index: Index,
    version: FormatVersion,
    table: Table,
    header: Vec<Split>,
    columns: Option<Vec<Column>>,
    note: Option<(String, SourcePos)>,
    /// The group the next rows belong to (`三、本年度办理结果/（三）不予公开`).
    hint: Option<String>,
    /// Label text without values (a label broken over lines), waiting to be
    /// joined to the next row's label.
    pending: Vec<(String, SourcePos)>,
}

impl Reader {
    fn row(&mut self, s: &Split, out: &mut Out) {
        for l in &s.labels {
            if word(&l.text) == Word::Note && self.note.is_none() {
                self.note = Some((trim(&l.text).replace(['\n', '\r'], ""), l.pos));
            }
        }
        let Some(leaf) = s.leaf().cloned().or_else(|| self.pending_label(s)) else {
            if s.has_values() {
                let values: Vec<&str> = s.values.iter().map(|f| f.text.as_str()).collect();
                out.note(
                    "row-unlabelled",
                    format!(
                        "表三中有一行数值没有行名，无法对应到任何行，未读入：“{}”",
                        values.join("”“")
                    ),
                    Some(s.pos),
                    None,
                );
            }
            return;
        };
        let leaf = &leaf;
        if self.columns.is_none() && s.labels.iter().all(|l| is_header_word(&word(&l.text))) {
            self.header.push(s.clone());
            return;
        }
        // A group named in the row (`（三）不予公开` before `1.属于国家秘密`).
        for l in &s.labels[..s.labels.len().saturating_sub(1)] {
            if let Some(g) = self.index.group_by_label(&l.text) {
                self.hint = Some(g.to_owned());
            } else if label_key(&l.text) == label_key(applications::RESULTS) {
                self.hint = Some(applications::RESULTS.to_owned());
            }
        }
        let (label, hit) = self.resolve(&leaf.text);
        // A row labelled 小计 is a row even when all its cells are blank.
        let row_label = matches!(hit, Hit::Row(..)) || is_subtotal(&label);
        if s.values.is_empty() || (!s.has_values() && !row_label) {
            self.context(hit, label, leaf.pos, out);
            return;
        }
        let path = self.path(&hit, &label, leaf.pos, out);
        self.skip_pending(out);
        self.hint = match &hit {
            Hit::Row(p, _) => parent_label(p).map(str::to_owned),
            Hit::Group(p, _) => Some(p.clone()),
            Hit::None => self.hint.take(),
        };
        self.values(s, &path, leaf.pos, out);
    }

    /// The label (joined to waiting fragments where that reads better) and what it names.
    fn resolve(&mut self, leaf: &str) -> (String, Hit) {
        let mut label = trim(leaf).to_owned();
        // `小计` under a result group (printed beside the group label or after its
        // rows): the group's subtotal row.
        if is_subtotal(&label)
            && let Some(group) = &self.hint
        {
            return (label, Hit::Group(group.clone(), None));
        }
        let mut hit = self.lookup(&label);
        // `（三）不予公开 1.属于国家秘密` in one field (a row copied with single
        // spaces): the part after the last space, when it names a row exactly.
        if !matches!(hit, Hit::Row(_, None))
            && let Some((head, tail)) = label.rsplit_once(|c: char| crate::normalize::is_space(c))
            && let Hit::Row(p, None) = self.lookup(tail)
        {
            if let Some(g) = self.index.group_by_label(head) {
                self.hint = Some(g.to_owned());
            }
            let tail = trim(tail).to_owned();
            label = tail;
            hit = Hit::Row(p, None);
        }
        let weak = match &hit {
            Hit::None => true,
            Hit::Row(_, t) => *t == Some(Tolerance::Typo),
            Hit::Group(..) => false,
        };
        if !weak || self.pending.is_empty() {
            return (label, hit);
        }
        // The latest fragment first, then runs of fragments ending with the latest,
        // then each earlier fragment alone (a group label may sit between).
        let n = self.pending.len();
        let mut tries: Vec<(String, std::ops::Range<usize>)> = (0..n)
            .rev()
            .map(|i| {
                let run: String = self.pending[i..].iter().map(|(t, _)| t.as_str()).collect();
                (format!("{run}{label}"), i..n)
            })
            .collect();
        tries.extend(
            (0..n.saturating_sub(1))
                .rev()
                .map(|i| (format!("{}{label}", self.pending[i].0), i..i + 1)),
        );
        for (joined, used) in tries {
            let joined_hit = self.lookup(&joined);
            let better = match (&hit, &joined_hit) {
                (_, Hit::None) => false,
                (Hit::None, _) => true,
                (_, Hit::Row(_, t)) => *t != Some(Tolerance::Typo),
                _ => false,
            };
            if better {
                self.pending.drain(used);
                return (joined, joined_hit);
            }
        }
        (label, hit)
    }

    /// For a row of values printed without a label (the label was broken onto
    /// lines of its own): the waiting fragments that name a row, as its label.
    fn pending_label(&mut self, s: &Split) -> Option<super::items::Field> {
        if !s.has_values() || self.pending.is_empty() {
            return None;
        }
        let n = self.pending.len();
        for i in (0..n).rev() {
            let run: String = self.pending[i..].iter().map(|(t, _)| t.as_str()).collect();
            if matches!(self.lookup(&run), Hit::Row(..) | Hit::Group(..)) {
                let pos = self.pending[i].1;
                self.pending.truncate(i);
                return Some(super::items::Field {
                    text: run,
                    pos,
                    covered: false,
                    col: 0,
                });
            }
        }
        None
    }

    /// A row without values: a group label, the results label, or a fragment.
    fn context(&mut self, hit: Hit, label: String, pos: SourcePos, out: &mut Out) {
        match hit {
            Hit::Group(path, _) => self.hint = Some(path),
            _ if label_key(&label) == label_key(applications::RESULTS) => {
                self.hint = Some(applications::RESULTS.to_owned());
            }
            _ => self.hold(label, pos, out),
        }
    }

    /// The row path of a data row, noting tolerances and shapes.
    fn path(&self, hit: &Hit, label: &str, pos: SourcePos, out: &mut Out) -> String {
        let (path, tolerance) = match hit {
            Hit::Row(path, t) => ((*path).to_owned(), t.clone()),
            Hit::Group(path, t) => {
                self.shape_note(path, pos, out);
                (path.clone(), t.clone())
            }
            Hit::None => {
                let published = strip_spaces(label);
                let path = match &self.hint {
                    Some(h) => format!("{h}/{published}"),
                    None => published,
                };
                out.note(
                    "row-added",
                    format!(
                        "表三的行“{}”不是官方格式中的行，按原行名保留为“{path}”",
                        trim(label)
                    ),
                    Some(pos),
                    Some(row_pointer(ID, &path)),
                );
                (path, None)
            }
        };
        if let Some(t) = tolerance {
            out.note(
                t.code(),
                tolerance_message(label, &path, &t),
                Some(pos),
                Some(row_pointer(ID, &path)),
            );
        }
        path
    }

    fn skip_pending(&mut self, out: &mut Out) {
        for (text, pos) in self.pending.drain(..) {
            out.note(
                "table-text-skipped",
                format!("表三中的文字“{text}”无法对应到任何行，未读入"),
                Some(pos),
                None,
            );
        }
    }

    fn lookup(&self, label: &str) -> Hit {
        let hit = self.index.lookup(label, self.hint.as_deref());
        if matches!(hit, Hit::None) && self.hint.is_some() {
            return self.index.lookup(label, None);
        }
        hit
    }

    fn hold(&mut self, label: String, pos: SourcePos, out: &mut Out) {
        // A label is broken over a few lines at most.
        if self.pending.len() >= 4 {
            let (text, p) = self.pending.remove(0);
            out.note(
                "table-text-skipped",
                format!("表三中的文字“{text}”无法对应到任何行，未读入"),
                Some(p),
                None,
            );
        }
        self.pending.push((label, pos));
    }

    fn shape_note(&self, path: &str, pos: SourcePos, out: &mut Out) {
        let message =
            if path == applications::OTHER_HANDLING && self.version == FormatVersion::V2021 {
                "表三“（六）其他处理”印为一行（2021年格式应分为1—3三个子行），按一行保留".to_owned()
            } else {
                format!(
                    "表三印有分类小计行“{}”（官方格式无此行），按原样保留",
                    xxgk_model::schema::leaf_label(path)
                )
            };
        out.note(
            "shape-subtotal-row",
            message,
            Some(pos),
            Some(row_pointer(ID, path)),
        );
    }

    fn values(&mut self, s: &Split, path: &str, pos: SourcePos, out: &mut Out) {
        if self.columns.is_none() {
            let columns = header_columns(&self.header, s.pos, out);
            self.columns = Some(columns);
        }
        let mut columns = self.columns.clone().unwrap_or_default();
        // Text columns placed by field position hold only for rows as wide as the
        // header whose labels stand left of the first column.
        let first_column = columns.iter().filter_map(|c| c.grid_col).min();
        let aligned = Some(s.width()) == header_width(&self.header)
            && s.labels.iter().all(|l| Some(l.col) < first_column);
        if !s.expanded && !aligned {
            for c in &mut columns {
                c.grid_col = None;
            }
        }
        let (placed, fit) = place(&s.values, &columns);
        let pointer = row_pointer(ID, path);
        out.fit(
            &fit,
            &format!("表三“{path}”行"),
            &s.values,
            columns.len(),
            s.pos,
            pointer.clone(),
        );
        out.at(pointer, pos);
        self.table.row_entry(path);
        for (i, field) in placed {
            if let Some(c) = columns.get(i) {
                out.put(&mut self.table, ID, path, &c.label, &field, None);
            }
        }
    }
}

/// Whether a row label is `小计` (a subtotal of the group it sits in).
fn is_subtotal(label: &str) -> bool {
    label_key(label) == "小计"
}

fn tolerance_message(published: &str, official: &str, t: &Tolerance) -> String {
    let what = match t {
        Tolerance::Variant => "写法不同",
        Tolerance::Wording => "措辞不同或不完整",
        Tolerance::Typo => "疑有错别字",
    };
    format!(
        "表三行名“{}”与官方行名“{}”{what}，按官方行读取",
        trim(published),
        xxgk_model::schema::leaf_label(official)
    )
}

/// The columns the header names, in printed order; the official seven when the
/// table prints no header.
fn header_columns(header: &[Split], first_row: SourcePos, out: &mut Out) -> Vec<Column> {
    let expanded = header.iter().any(|s| s.expanded);
    let words: Vec<Vec<(Word, usize, SourcePos)>> = header
        .iter()
        .map(|s| {
            s.labels
                .iter()
                .map(|l| (word(&l.text), l.col, l.pos))
                .filter(|(w, _, _)| !matches!(w, Word::Skip | Word::Note))
                .collect()
        })
        .collect();
    for l in header.iter().flat_map(|s| &s.labels) {
        if label_key(&l.text) == "企业" {
            out.note(
                "label-wording",
                "表三列名“企业”按官方列名“商业企业”读取".into(),
                Some(l.pos),
                None,
            );
        }
    }
    let cols: Vec<(Word, Option<usize>)> = if expanded || header_width(header).is_some() {
        by_position(&words)
    } else {
        by_reading(&words)
    };
    let cols: Vec<(Word, Option<usize>)> = if cols
        .iter()
        .any(|(w, _)| matches!(w, Word::Person | Word::Total))
    {
        cols
    } else {
        out.note(
            "header-missing",
            "表三未找到列标题，按官方列序（自然人、五类法人或其他组织、总计）读取".into(),
            Some(header.first().map_or(first_row, |s| s.pos)),
            None,
        );
        let mut official = vec![(Word::Person, None)];
        official.extend((0..5).map(|i| (Word::Org(i), None)));
        official.push((Word::Total, None));
        official
    };
    for (w, _) in &cols {
        if *w == Word::OrgGroup || *w == Word::Subtotal {
            let pos = header.first().map(|s| s.pos);
            out.note(
                "shape-subtotal-column",
                "表三印有“法人或其他组织”小计列（官方格式无此列），按原样保留为“法人或其他组织”列"
                    .into(),
                pos,
                None,
            );
        }
        if let Word::Other(label) = w {
            out.note(
                "column-added",
                format!("表三的列“{label}”不是官方格式中的列，按原列名保留"),
                header.first().map(|s| s.pos),
                None,
            );
        }
    }
    cols.into_iter()
        .filter_map(|(w, col)| {
            let mut c = Column::new(column_label(&w)?);
            c.grid_col = col;
            Some(c)
        })
        .collect()
}

/// The width of a text header whose rows all have the same number of fields, as
/// a spreadsheet or a copy that writes every merged position gives them: its
/// fields are then grid positions. `None` for other headers and for expanded grids.
fn header_width(header: &[Split]) -> Option<usize> {
    let first = header.first()?;
    if first.expanded || header.len() < 2 {
        return None;
    }
    let w = first.width();
    header.iter().all(|s| s.width() == w).then_some(w)
}

/// Expanded grids, and text headers whose rows are equally wide: each grid column
/// takes the deepest header word over it.
fn by_position(words: &[Vec<(Word, usize, SourcePos)>]) -> Vec<(Word, Option<usize>)> {
    let mut cols: Vec<(usize, Word)> = Vec::new();
    for row in words {
        for (w, col, _) in row {
            match cols.iter_mut().find(|(c, _)| c == col) {
                Some(slot) => {
                    // A merged group label over a sub-label yields to the sub-label.
                    if !matches!(w, Word::OrgGroup) || matches!(slot.1, Word::OrgGroup) {
                        slot.1 = w.clone();
                    }
                }
                None => cols.push((*col, w.clone())),
            }
        }
    }
    cols.sort_by_key(|(c, _)| *c);
    cols.into_iter().map(|(c, w)| (w, Some(c))).collect()
}

/// Text grids: the row naming 自然人 and 总计 gives the top level; the group
/// 法人或其他组织 expands to the sub-labels of the rows below it.
fn by_reading(words: &[Vec<(Word, usize, SourcePos)>]) -> Vec<(Word, Option<usize>)> {
    let top_count = |r: &Vec<(Word, usize, SourcePos)>| {
        r.iter()
            .filter(|(w, _, _)| matches!(w, Word::Person | Word::Total | Word::OrgGroup))
            .count()
    };
    let top = (0..words.len())
        .filter(|i| top_count(&words[*i]) > 0)
        .max_by_key(|i| (top_count(&words[*i]), std::cmp::Reverse(*i)));
    let Some(top) = top else {
        return words
            .iter()
            .flatten()
            .map(|(w, _, _)| (w.clone(), None))
            .collect();
    };
    // 自然人 or 总计 printed in a row above the top row (a merged cell copied early).
    let early: Vec<Word> = words[..top]
        .iter()
        .flatten()
        .map(|(w, _, _)| w.clone())
        .filter(|w| matches!(w, Word::Person | Word::Total))
        .filter(|w| !words[top].iter().any(|(t, _, _)| t == w))
        .collect();
    let sub: Vec<Word> = words[top + 1..]
        .iter()
        .flatten()
        .map(|(w, _, _)| w.clone())
        .collect();
    let mut out = Vec::new();
    for (w, _, _) in &words[top] {
        match w {
            Word::OrgGroup if !sub.is_empty() => {
                out.extend(sub.iter().cloned().map(|w| (w, None)));
            }
            // Sub-labels printed in the same row as the top level.
            _ => out.push((w.clone(), None)),
        }
    }
    if early.contains(&Word::Person) {
        out.insert(0, (Word::Person, None));
    }
    if early.contains(&Word::Total) {
        out.push((Word::Total, None));
    }
    if !words[top].iter().any(|(w, _, _)| *w == Word::OrgGroup) {
        // No group label: sub-labels (if any) sit between 自然人 and 总计.
        let i = out
            .iter()
            .position(|(w, _)| *w == Word::Total)
            .unwrap_or(out.len());
        let tail = out.split_off(i);
        out.extend(sub.into_iter().map(|w| (w, None)));
        out.extend(tail);
    }
    out
}

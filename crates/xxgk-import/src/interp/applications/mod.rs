//! Table 三 (收到和处理政府信息公开申请情况): header → columns, rows by label.

use xxgk_model::schema::{TableId, applications, parent_label};
use xxgk_model::{FormatVersion, Pointer, SourcePos, Table};

use super::columns::Column;
use super::items::{Field, Row, Split, split};
use super::labels::{Hit, Index, Tolerance};
use super::out::{Out, row_pointer};
use super::percell::{LineRows, LineState, has_row, labelled, settle, unlabelled};
use super::runs::{self, Budget, Pending, Run};
use crate::NoteCode;
use crate::RowForm;
use crate::normalize::{label_key, strip_spaces, trim};
use header::{Word, header_columns, header_width, is_header_word, word};

mod centred;
mod header;
mod stacked;

const ID: TableId = TableId::Applications;

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
        deferred: None,
        settling: false,
        lines: LineState::default(),
        doubt: false,
        stacked: Vec::new(),
        budget: Budget::default(),
        runs: Vec::new(),
    };
    for row in rows {
        r.row(&split(row), out);
    }
    r.unstack(out);
    r.settle_deferred(out);
    settle(&mut r, None, out);
    r.skip_pending(out);
    // A run's cells are placed in order, never by field position.
    let mut columns = r.columns.clone().unwrap_or_default();
    for c in &mut columns {
        c.grid_col = None;
    }
    runs::settle(
        &mut r.table,
        std::mem::take(&mut r.runs),
        &columns,
        version,
        out,
    );
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
    /// A row of values whose label is printed around it, waiting for the label
    /// lines below it ([`centred`]).
    deferred: Option<centred::Deferred>,
    /// A waiting row is being read as printed: it does not wait again.
    settling: bool,
    /// Rows of text with one cell a line.
    lines: LineState,
    /// A row of values came without a label and no waiting label took it: the
    /// text may print values before their labels (a PDF's reading order), so a
    /// label on a line of its own cannot be known to own the values after it,
    /// until a row prints its label and values on one line.
    doubt: bool,
    /// Rows of values waiting under labels stacked above them ([`stacked`]).
    stacked: Vec<Split>,
    /// What the table's runs of digits may still spend ([`runs`]).
    budget: Budget,
    /// Runs of digits whose row's sums left several cuts, for the table's
    /// identities to choose from when all rows are read.
    runs: Vec<Pending>,
}

impl Reader {
    fn row(&mut self, s: &Split, out: &mut Out) {
        if self.deferred.is_some() {
            if let Some(leaf) = s.leaf().filter(|_| self.is_fragment(s)) {
                // Below a waiting row: the lines of its label, kept apart.
                self.hold(trim(&leaf.text).to_owned(), leaf.pos, out);
                return;
            }
            self.settle_deferred(out);
        }
        for l in &s.labels {
            if word(&l.text) == Word::Note && self.note.is_none() {
                self.note = Some((trim(&l.text).replace(['\n', '\r'], ""), l.pos));
            }
        }
        if self.stack(s, out) {
            return;
        }
        self.unstack(out);
        let own = s.leaf().is_some();
        if own && s.has_values() {
            self.doubt = false;
        }
        let Some(leaf) = s.leaf().cloned().or_else(|| self.pending_label(s)) else {
            if let RowForm::CellPerLine { blank_cells } = s.form
                && s.has_values()
            {
                unlabelled(self, s, blank_cells, out);
                return;
            }
            if self.defer(s, None) {
                return;
            }
            if s.has_values() {
                self.doubt = true;
                let values: Vec<&str> = s.values.iter().map(|f| &*f.text).collect();
                out.note(
                    NoteCode::RowUnlabelled,
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
        // Header rows are words; a row of values whose label waited on a line of
        // its own is not one.
        if self.columns.is_none()
            && !s.labels.is_empty()
            && s.labels.iter().all(|l| is_header_word(&word(&l.text)))
        {
            self.header.push(s.clone());
            return;
        }
        if self.header_among_rows(s, out) {
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
        if matches!(hit, Hit::None)
            && self.index.in_group_label(&label)
            && self.defer(s, Some(leaf.clone()))
        {
            return;
        }
        if self.doubt && !own {
            let values: Vec<&str> = s.values.iter().map(|f| &*f.text).collect();
            out.note(
                NoteCode::ValuesUnplaced,
                format!(
                    "表三行名“{}”印在单独一行，其下一行的数值未必属于它：此前已有一行数值没有行名（文本可能把数值印在行名之前），无法确定这些数值属于哪一行，未读入：“{}”",
                    trim(&leaf.text),
                    values.join("”“")
                ),
                Some(s.pos),
                Some(Pointer::table(ID)),
            );
            self.skip_pending(out);
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

    /// Column labels printed among the data rows after the columns were set
    /// (`科研机构` / `其他` / `总计` between values: a PDF's reading order): no
    /// row's label (`总计` is no `（七）总计` here), and the values after them
    /// cannot be known to follow a label.
    fn header_among_rows(&mut self, s: &Split, out: &mut Out) -> bool {
        if !matches!(s.form, RowForm::CellPerLine { .. })
            || s.has_values()
            || s.labels.len() < 2
            || !s.labels.iter().all(|l| is_header_word(&word(&l.text)))
        {
            return false;
        }
        let words: Vec<String> = s.labels.iter().map(|l| strip_spaces(&l.text)).collect();
        out.note(
            NoteCode::TableTextSkipped,
            format!(
                "表三的列名“{}”印在数据行之间（文本的阅读顺序与表格不同），不作行名读取",
                words.join("”“")
            ),
            Some(s.pos),
            None,
        );
        self.skip_pending(out);
        self.doubt = true;
        true
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
        // A piece of a group label beside a row's values (`果` of
        // `三、本年度办理结果`) is no part of the row's label: the row waits for
        // its label's lines below it instead ([`centred`]).
        let group_piece = matches!(hit, Hit::None) && self.index.in_group_label(&label);
        if !weak || self.pending.is_empty() || group_piece {
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
                // An earlier waiting label that names a row not yet read on its
                // own (a row printed with every cell blank, or labels stacked
                // above their values) could own these values as well.
                if self.pending[..i]
                    .iter()
                    .any(|(t, _)| self.names_unread_row(t))
                {
                    return None;
                }
                let pos = self.pending[i].1;
                self.pending.truncate(i);
                return Some(super::items::Field {
                    text: run.into(),
                    pos,
                    covered: false,
                    col: 0,
                });
            }
        }
        None
    }

    /// Whether a label (or its part after the last space, `（三） 3.危及…`) names
    /// an official row not yet read.
    fn names_unread_row(&self, text: &str) -> bool {
        let tail = text
            .rsplit_once(|c: char| crate::normalize::is_space(c))
            .map_or(text, |(_, t)| t);
        [text, tail].into_iter().any(|t| {
            matches!(self.lookup(t), Hit::Row(p, None | Some(Tolerance::Variant)) if !has_row(&self.table, p))
        })
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
                    NoteCode::RowAdded,
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
        for (text, pos) in std::mem::take(&mut self.pending) {
            // A label printed apart from its values, whose row was read by order.
            if let Hit::Row(p, None | Some(Tolerance::Variant)) = self.lookup(&text)
                && has_row(&self.table, p)
            {
                out.note(
                    NoteCode::TableTextSkipped,
                    format!(
                        "表三中单独印出的行名“{text}”，其行“{}”已读入，此处不再读入",
                        xxgk_model::schema::leaf_label(p)
                    ),
                    Some(pos),
                    None,
                );
                continue;
            }
            out.note(
                NoteCode::TableTextSkipped,
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
        // `度办理结 （二）部分公开…`: a piece of a group label printed beside the
        // rows, one space before the row's own label, is no part of it.
        let label = match label.split_once(|c: char| crate::normalize::is_space(c)) {
            Some((head, tail)) if self.index.in_group_label(head) && !trim(tail).is_empty() => {
                trim(tail).to_owned()
            }
            _ => label,
        };
        // A label is broken over a few lines at most (more wait around a row
        // whose label is printed around it).
        let most = if self.deferred.is_some() { 8 } else { 4 };
        if self.pending.len() >= most {
            let (text, p) = self.pending.remove(0);
            out.note(
                NoteCode::TableTextSkipped,
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
            NoteCode::ShapeSubtotalRow,
            message,
            Some(pos),
            Some(row_pointer(ID, path)),
        );
    }

    /// The columns, from the header rows read so far (once).
    fn columns(&mut self, at: SourcePos, out: &mut Out) -> Vec<Column> {
        if self.columns.is_none() {
            let columns = header_columns(&self.header, at, out);
            self.columns = Some(columns);
        }
        self.columns.clone().unwrap_or_default()
    }

    fn values(&mut self, s: &Split, path: &str, pos: SourcePos, out: &mut Out) {
        let mut columns = self.columns(s.pos, out);
        if let RowForm::CellPerLine { blank_cells } = s.form {
            labelled(self, s, path, pos, blank_cells, out);
            return;
        }
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
        let what = format!("表三“{path}”行");
        let pointer = Some(row_pointer(ID, path));
        let values = match runs::read_run(
            &what,
            path,
            &s.values,
            &columns,
            pos,
            s.pos,
            pointer.clone(),
            &mut self.budget,
            out,
        ) {
            Run::Read(cut) => cut,
            Run::No => s.values.clone(),
            Run::Pending(p) => {
                self.runs.push(p);
                return;
            }
            Run::Unread => return,
        };
        if out.unaligned(s.form, &what, &values, columns.len(), s.pos, pointer) {
            return;
        }
        out.row(&mut self.table, ID, path, &values, &columns, pos, s.pos);
    }
}

impl LineRows for Reader {
    const NAME: &'static str = "表三";
    const ID: TableId = ID;

    fn width(&mut self, _: Option<&str>, at: SourcePos, out: &mut Out) -> usize {
        self.columns(at, out).len()
    }

    fn scope(&self) -> Option<(Vec<&'static str>, Option<String>)> {
        let order = self.version.spec().table(ID).rows.iter().map(|r| r.label);
        Some((order.collect(), None))
    }

    fn table(&self) -> &Table {
        &self.table
    }

    fn state(&mut self) -> &mut LineState {
        &mut self.lines
    }

    fn write(
        &mut self,
        path: &str,
        values: &[Field],
        pos: SourcePos,
        at: SourcePos,
        out: &mut Out,
    ) {
        let columns = self.columns.clone().unwrap_or_default();
        out.row(&mut self.table, ID, path, values, &columns, pos, at);
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

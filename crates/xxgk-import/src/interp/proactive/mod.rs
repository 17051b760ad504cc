//! Table 二 (主动公开政府信息情况): blocks headed `第二十条第（X）项`, each with a
//! `信息内容` header row naming its columns, rows matched by label.

use xxgk_model::schema::{TableId, ValueKind};
use xxgk_model::{FormatVersion, MoneyUnit, Pointer, SourcePos, Table};

use super::columns::Column;
use super::items::{Field, Row, Split, split};
use super::labels::{Hit, Index, Tolerance};
use super::out::{Out, row_pointer};
use super::percell::{LineRows, LineState, labelled, settle, unlabelled};
use crate::NoteCode;
use crate::RowForm;

mod held;
use crate::normalize::{label_key, strip_spaces, trim};
pub(crate) use crate::patterns::caption;

const ID: TableId = TableId::Proactive;

/// Reads the rows of table 二.
pub(crate) fn read(rows: &[Row], version: FormatVersion, out: &mut Out) -> Table {
    let spec = version.spec().table(ID);
    let mut r = Reader {
        index: Index::new(spec),
        version,
        table: Table::new(),
        group: None,
        header: Vec::new(),
        lines: LineState::default(),
        header_shape: None,
        held: None,
        pending_header: None,
    };
    if let Some((word, pos)) = r.interleaved(rows) {
        // The cells came by column, not by row (`pdftotext` without `-layout`
        // of a page whose blocks stand side by side): no value's row is known.
        out.note(
            NoteCode::ValuesUnplaced,
            format!(
                "表二的单元格没有按行印出（列名“{word}”印在同一段的数值之后，文本按列或按栏排列），无法确定各数值所在的行和列，表二未读入"
            ),
            Some(pos),
            Some(Pointer::table(ID)),
        );
        return r.table;
    }
    for row in rows {
        r.take(split(row), out);
    }
    r.release(out);
    r.set_header(out);
    settle(&mut r, None, out);
    r.table
}

struct Reader {
    index: Index,
    version: FormatVersion,
    table: Table,
    group: Option<String>,
    /// The columns of the current block's header row.
    header: Vec<Column>,
    /// Rows of text with one cell a line (of the current block).
    lines: LineState,
    /// In text, the number of fields of the header row and the field of its
    /// `信息内容`: a row as wide with its label in that field has its values at the
    /// header's field positions.
    header_shape: Option<(usize, usize)>,
    /// A label line without values (maybe the first part of a label a PDF
    /// centres in a tall cell) and the row of values printed under it without a
    /// label, waiting for the line after them ([`Reader::take`]).
    held: Option<(Split, Option<Split>)>,
    /// A header row waiting for the line after it ([`Reader::continued`]).
    pending_header: Option<Split>,
}

impl Reader {
    pub(super) fn row(&mut self, mut s: Split, out: &mut Out) {
        if self.pending_header.is_some() && self.continued(&s, out) {
            return;
        }
        if let Some(i) = s.labels.iter().position(|l| caption(&l.text).is_some()) {
            let label = s.labels.remove(i);
            settle(self, None, out);
            self.lines.last = None;
            self.group = caption(&label.text);
            self.header.clear();
            s.labels.drain(..i);
        }
        let Some(leaf) = s.leaf().cloned() else {
            if let RowForm::CellPerLine { blank_cells } = s.form
                && s.has_values()
            {
                unlabelled(self, &s, blank_cells, out);
                return;
            }
            if s.has_values() {
                out.note(
                    NoteCode::RowUnlabelled,
                    "表二中有一行数值没有行名，未读入".into(),
                    Some(s.pos),
                    None,
                );
            }
            return;
        };
        if let Some(words) = self.flattened_header(&s) {
            s.labels = words;
        }
        if self.is_header(&s) {
            // It waits for a line that may hold the rest of its labels.
            self.set_header(out);
            self.pending_header = Some(s);
            return;
        }
        let hit = self.index.lookup(&leaf.text, self.group.as_deref());
        // A label printed apart from its values (one cell a line): its values come
        // (or came) without it and are placed by the row order.
        if matches!(s.form, RowForm::CellPerLine { .. })
            && s.values.is_empty()
            && matches!(hit, Hit::Row(..))
        {
            return;
        }
        let path = match &hit {
            Hit::Row(p, _) => (*p).to_owned(),
            Hit::Group(..) => return,
            Hit::None if s.values.is_empty() => {
                out.note(
                    NoteCode::TableTextSkipped,
                    format!(
                        "表二中的文字“{}”无法对应到任何行或列，未读入",
                        trim(&leaf.text)
                    ),
                    Some(leaf.pos),
                    None,
                );
                return;
            }
            Hit::None => {
                let published = strip_spaces(&leaf.text);
                let path = match &self.group {
                    Some(g) => format!("{g}/{published}"),
                    None => published,
                };
                out.note(
                    NoteCode::RowAdded,
                    format!(
                        "表二的行“{}”不是官方格式中的行，按原行名保留为“{path}”",
                        trim(&leaf.text)
                    ),
                    Some(leaf.pos),
                    Some(row_pointer(ID, &path)),
                );
                path
            }
        };
        if let Hit::Row(p, Some(t)) = &hit {
            tolerance_note(&leaf.text, p, t, leaf.pos, out);
        }
        if self.group.is_none()
            && let Some(g) = xxgk_model::schema::parent_label(&path)
        {
            self.group = Some(g.to_owned());
        }
        self.values(&s, &path, leaf.pos, out);
    }

    fn values(&mut self, s: &Split, path: &str, pos: xxgk_model::SourcePos, out: &mut Out) {
        if let RowForm::CellPerLine { blank_cells } = s.form {
            labelled(self, s, path, pos, blank_cells, out);
            return;
        }
        let official = self.official_columns(path);
        let filled = s
            .values
            .iter()
            .filter(|f| !f.text.trim().is_empty())
            .count();
        let columns = if self.header.is_empty() {
            official
        } else if !s.expanded && self.header.len() < filled && official.len() == filled {
            // A header broken over lines (`本年新` / `制作数量`) names fewer columns
            // than the row has values: the official columns, in order.
            out.note(
                NoteCode::HeaderUnclear,
                format!(
                    "表二“{path}”行有 {filled} 个数值，而列标题只读出 {} 列，按官方列序读取",
                    self.header.len()
                ),
                Some(s.pos),
                Some(row_pointer(ID, path)),
            );
            official
        } else {
            let mut header = self.header.clone();
            // In text, field positions name columns only in a row that has the
            // header's shape (a copy that writes every merged position).
            let shape = s.leaf().map(|l| (s.width(), l.col));
            if !s.expanded && (self.header_shape.is_none() || self.header_shape != shape) {
                for c in &mut header {
                    c.grid_col = None;
                }
            }
            header
        };
        let pointer = row_pointer(ID, path);
        let what = format!("表二“{path}”行");
        if out.unaligned(
            s.form,
            &what,
            &s.values,
            columns.len(),
            s.pos,
            Some(pointer.clone()),
        ) {
            return;
        }
        out.at(pointer.clone(), pos);
        if columns.is_empty() {
            out.note(
                NoteCode::HeaderMissing,
                format!("表二“{path}”行没有列标题，数值无法对应到列，未读入"),
                Some(s.pos),
                Some(pointer),
            );
            return;
        }
        out.row(&mut self.table, ID, path, &s.values, &columns, pos, s.pos);
    }

    /// A header row flattened into one label (`信息内容 上一年项目数量 本年增/减
    /// 处理决定数量`, a page's text with its cells' breaks lost): its words, when
    /// the first is `信息内容` and every other one an official column.
    fn flattened_header(&self, s: &Split) -> Option<Vec<Field>> {
        let [only] = s.labels.as_slice() else {
            return None;
        };
        if s.has_values() {
            return None;
        }
        let text = only.text.as_ref();
        let words: Vec<Field> = crate::normalize::words(text)
            .into_iter()
            .enumerate()
            .map(|(i, (from, to))| {
                let before = u32::try_from(text[..from].chars().count()).unwrap_or(u32::MAX);
                let pos = match only.pos {
                    SourcePos::Text { line, column } => SourcePos::Text {
                        line,
                        column: column.saturating_add(before),
                    },
                    other => other,
                };
                Field {
                    text: std::rc::Rc::from(&text[from..to]),
                    pos,
                    covered: only.covered,
                    col: only.col + i,
                }
            })
            .collect();
        let (first, rest) = words.split_first()?;
        (label_key(&first.text) == "信息内容"
            && !rest.is_empty()
            && rest.iter().all(|w| self.official_column(&w.text).is_some()))
        .then_some(words)
    }

    /// Text with one cell a line whose block prints, after values of its own
    /// rows, a column label that is no column of the block or one its header
    /// named already (a header row with `信息内容`, as a page repeats at the top
    /// of a new page, starts a block): the text runs by column, and the label
    /// and where it stands are returned. (A header cell printed after the first row's values, one of
    /// the block's columns not named yet, is only out of place.)
    fn interleaved(&self, rows: &[Row]) -> Option<(String, SourcePos)> {
        let spec = self.version.spec().table(ID);
        let mut group: Option<String> = None;
        let mut named: Vec<&'static str> = Vec::new();
        let mut values = false;
        for row in rows {
            if !matches!(row.form, RowForm::CellPerLine { .. }) {
                continue;
            }
            let s = split(row);
            // A caption starts a block; a header row (`信息内容`) too, whose
            // caption may be printed elsewhere.
            let captioned = s.labels.iter().find_map(|l| caption(&l.text));
            if captioned.is_some() || s.labels.iter().any(|l| label_key(&l.text) == "信息内容")
            {
                group = captioned;
                named.clear();
                values = false;
            }
            if s.has_values() {
                values = true;
                continue;
            }
            let columns: Option<Vec<&'static str>> = s
                .labels
                .iter()
                .filter(|l| label_key(&l.text) != "信息内容" && caption(&l.text).is_none())
                .map(|l| self.official_column(&l.text).map(|(c, _)| c))
                .collect();
            let Some(columns) = columns.filter(|c| !c.is_empty()) else {
                continue;
            };
            let of_block = |c: &str| {
                spec.rows.iter().any(|r| {
                    group
                        .as_deref()
                        .is_none_or(|g| xxgk_model::schema::parent_label(r.label) == Some(g))
                        && r.columns.iter().any(|rc| rc.label == c)
                })
            };
            if values && columns.iter().any(|c| named.contains(c) || !of_block(c)) {
                return Some((trim(&s.labels[0].text).to_owned(), s.pos));
            }
            named.extend(columns);
        }
        None
    }

    /// A header row: names `信息内容`, or only column labels and no values.
    fn is_header(&self, s: &Split) -> bool {
        s.labels.iter().any(|l| label_key(&l.text) == "信息内容")
            || (!s.has_values()
                && s.labels
                    .iter()
                    .all(|l| self.official_column(&l.text).is_some()))
    }

    fn official_column(&self, text: &str) -> Option<(&'static str, Option<MoneyUnit>)> {
        let key = label_key(text);
        let spec = self.version.spec().table(ID);
        for row in spec.rows {
            for c in row.columns {
                if label_key(c.label) == key {
                    return Some((c.label, None));
                }
                // `本年收费金额（万元）`, `本年收费金额（单位：元）`, `采购总金额（万元）`.
                if let ValueKind::Amount { unit } = c.kind {
                    let stem: String = label_key(c.label)
                        .chars()
                        .take_while(|ch| *ch != '单')
                        .collect();
                    let stem = stem.trim_end_matches("万元").to_owned();
                    if let Some(rest) = key.strip_prefix(&stem) {
                        let printed = if rest.contains("万元") {
                            Some(MoneyUnit::Wan)
                        } else if rest.contains('元') {
                            Some(MoneyUnit::Yuan)
                        } else {
                            None
                        };
                        let differs = printed.is_some() && printed != unit;
                        return Some((c.label, if differs { printed } else { None }));
                    }
                }
            }
        }
        // The other version's wording of the same column (`处理决定数量` for
        // `本年处理决定数量`): one official label that contains the printed one or is
        // contained in it.
        let mut found = spec
            .rows
            .iter()
            .flat_map(|r| r.columns)
            .map(|c| c.label)
            .filter(|l| {
                let k = label_key(l);
                key.chars().count() >= 4 && (k.ends_with(&key) || key.ends_with(&k))
            })
            .collect::<Vec<_>>();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [one] => Some((one, None)),
            _ => None,
        }
    }

    fn columns(&self, s: &Split, out: &mut Out) -> Vec<Column> {
        let start = s
            .labels
            .iter()
            .position(|l| label_key(&l.text) == "信息内容")
            .map_or(0, |i| i + 1);
        s.labels[start..]
            .iter()
            .map(|l| {
                let mut c = if let Some((label, unit)) = self.official_column(&l.text) {
                    if let Some(u) = unit {
                        out.note(
                            NoteCode::ColumnUnit,
                            format!(
                                "表二列名“{}”注明的单位为{u}，该列数值按{u}读取",
                                trim(&l.text)
                            ),
                            Some(l.pos),
                            None,
                        );
                    } else if label_key(&l.text) != label_key(label) {
                        out.note(
                            NoteCode::LabelVariant,
                            format!("表二列名“{}”按官方列名“{label}”读取", trim(&l.text)),
                            Some(l.pos),
                            None,
                        );
                    }
                    let mut c = Column::new(label);
                    c.unit = unit;
                    c
                } else {
                    out.note(
                        NoteCode::ColumnAdded,
                        format!(
                            "表二的列“{}”不是{}年格式的官方列，按原列名保留",
                            trim(&l.text),
                            self.version
                        ),
                        Some(l.pos),
                        None,
                    );
                    Column::new(strip_spaces(&l.text))
                };
                c.grid_col = Some(l.col);
                c
            })
            .collect()
    }

    fn official_columns(&self, path: &str) -> Vec<Column> {
        let spec = self.version.spec().table(ID);
        spec.row(path)
            .map(|r| r.columns.iter().map(|c| Column::new(c.label)).collect())
            .unwrap_or_default()
    }
}

impl LineRows for Reader {
    const NAME: &'static str = "表二";
    const ID: TableId = ID;

    /// The block's header, else the official columns of the row (or of the
    /// block's first row).
    fn width(&mut self, path: Option<&str>, _: SourcePos, _: &mut Out) -> usize {
        self.line_columns(path).len()
    }

    /// The rows of the current block; outside a block nothing is placed by order.
    fn scope(&self) -> Option<(Vec<&'static str>, Option<String>)> {
        let order = self.version.spec().table(ID).rows.iter().map(|r| r.label);
        Some((order.collect(), Some(self.group.clone()?)))
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
        let columns = self.line_columns(Some(path));
        out.row(&mut self.table, ID, path, values, &columns, pos, at);
    }
}

impl Reader {
    /// The columns of a row of text with one cell a line in the current block.
    fn line_columns(&self, path: Option<&str>) -> Vec<Column> {
        if !self.header.is_empty() {
            return self.header.clone();
        }
        let spec = self.version.spec().table(ID);
        let row = path.map(str::to_owned).or_else(|| {
            let g = self.group.as_deref()?;
            spec.rows
                .iter()
                .find(|r| xxgk_model::schema::parent_label(r.label) == Some(g))
                .map(|r| r.label.to_owned())
        });
        row.map(|p| self.official_columns(&p)).unwrap_or_default()
    }
}

fn tolerance_note(
    published: &str,
    official: &str,
    t: &Tolerance,
    pos: xxgk_model::SourcePos,
    out: &mut Out,
) {
    let what = match t {
        Tolerance::Variant => "写法不同",
        Tolerance::Wording => "措辞不同",
        Tolerance::Typo => "疑有错别字",
    };
    out.note(
        t.code(),
        format!(
            "表二行名“{}”与官方行名“{}”{what}，按官方行读取",
            trim(published),
            xxgk_model::schema::leaf_label(official)
        ),
        Some(pos),
        Some(row_pointer(ID, official)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_in_their_printed_forms() {
        assert_eq!(
            caption("第二十条第（一）项").as_deref(),
            Some("第二十条第（一）项")
        );
        assert_eq!(
            caption("第二十条 第(五)项").as_deref(),
            Some("第二十条第（五）项")
        );
        assert_eq!(
            caption("第二十条第（十三）项").as_deref(),
            Some("第二十条第（十三）项")
        );
        assert_eq!(caption("第二十条"), None);
        assert_eq!(caption("信息内容"), None);
    }
}

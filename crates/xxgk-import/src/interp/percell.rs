//! Rows rebuilt from text with one cell a line ([`RowForm::CellPerLine`]): how
//! many values make a row, and values whose label the text printed elsewhere.
//!
//! The front end gives each label the values that follow it up to the next
//! label. Where a PDF's reading order printed some labels away from their
//! numbers, a label is followed by the values of several rows, or values follow
//! a header with no label at all. Such groups of values are assigned only where
//! the official row order and the labelled rows around them leave exactly one
//! way to do it: as many groups as official rows missing between the two
//! labelled neighbours. Otherwise they are left out with a note, and so are the
//! values after the label before them, which may belong to any of those rows.

use xxgk_model::schema::{leaf_label, parent_label};
use xxgk_model::{SourcePos, Table};

use super::items::{Field, Split};
use super::out::{Out, row_pointer};
use crate::NoteCode;
use crate::normalize::trim;

/// Why a row's values cannot be split into rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unsplit {
    /// Fewer values than columns in text that does not print blank cells.
    Short(usize),
    /// More values than columns, not a whole number of rows.
    Ragged(usize),
}

impl Unsplit {
    /// The reason, in Chinese, for a row of `n` columns.
    pub(crate) fn message(&self, n: usize) -> String {
        match self {
            Unsplit::Short(m) => format!(
                "只有 {m} 个数值，少于 {n} 列，而此文本每行一个单元格、不印空白单元格，无法确定各数值所在的列"
            ),
            Unsplit::Ragged(m) => {
                format!("有 {m} 个数值，既不是 {n} 列，也不是 {n} 列的整数倍，无法分行")
            }
        }
    }
}

/// Splits the values after a label into rows of `n` values: one row, or several
/// when the labels of the next rows were printed elsewhere. With `blank_cells`,
/// blank fields are cells: those beyond the last row are merged cells' lines and
/// dropped; a row of fewer lines than columns is not read (the text shows no
/// blank cell there).
pub(crate) fn groups(
    values: &[Field],
    n: usize,
    blank_cells: bool,
) -> Result<Vec<Vec<Field>>, Unsplit> {
    let filled = |f: &Field| !trim(&f.text).is_empty();
    let end = values.iter().rposition(filled).map_or(0, |i| i + 1);
    if n == 0 {
        return Err(Unsplit::Ragged(end));
    }
    if blank_cells {
        let mut row: Vec<Field> = values.iter().take(n).cloned().collect();
        // A row's last cells are blank only where the text shows them: fewer
        // lines than columns, blank or not, come from a text that prints no
        // blank cell there (`pdftotext` of a table whose cells follow each
        // other without blank lines).
        if values.len() < n {
            return Err(Unsplit::Short(end));
        }
        if end <= n {
            if let Some(last) = values.last() {
                while row.len() < n {
                    let mut blank = last.clone();
                    blank.text = "".into();
                    blank.col = row.len();
                    row.push(blank);
                }
            }
            return Ok(vec![row]);
        }
        if end % n == 0 {
            return Ok(values[..end].chunks(n).map(<[Field]>::to_vec).collect());
        }
        return Err(Unsplit::Ragged(end));
    }
    let values: Vec<Field> = values.iter().filter(|f| filled(f)).cloned().collect();
    let m = values.len();
    if m < n {
        Err(Unsplit::Short(m))
    } else if m % n == 0 {
        Ok(values.chunks(n).map(<[Field]>::to_vec).collect())
    } else {
        Err(Unsplit::Ragged(m))
    }
}

/// Groups of values waiting for the next labelled row to say whose they are.
#[derive(Debug, Clone, Default)]
pub(crate) struct Floating {
    /// The labelled row the groups follow, with its own values (when it was
    /// followed by more values than one row), or `None` after a row already read
    /// or at the table's start.
    pub(crate) anchor: Option<(String, Vec<Field>, SourcePos)>,
    /// The last row read before the groups (`None`: the table's or block's start).
    pub(crate) after: Option<String>,
    /// The groups, each with where it starts.
    pub(crate) groups: Vec<Vec<Field>>,
}

impl Floating {
    /// The row the groups follow (the anchor, else the row before).
    pub(crate) fn after_row(&self) -> Option<&str> {
        self.anchor
            .as_ref()
            .map(|(p, _, _)| p.as_str())
            .or(self.after.as_deref())
    }

    /// All values held, as quoted text for a note.
    pub(crate) fn quoted(&self) -> String {
        let anchor = self.anchor.iter().flat_map(|(_, v, _)| v);
        let texts: Vec<&str> = anchor
            .chain(self.groups.iter().flatten())
            .map(|f| &*f.text)
            .collect();
        format!("“{}”", texts.join("”“"))
    }
}

/// The official rows (in `order`) strictly between `after` and `before` that are
/// not `present`, limited to the rows under `within` when given. `None` when a
/// bound is not an official row or group (an added row: nothing can be said).
pub(crate) fn candidates(
    order: &[&'static str],
    present: &dyn Fn(&str) -> bool,
    after: Option<&str>,
    before: Option<&str>,
    within: Option<&str>,
) -> Option<Vec<&'static str>> {
    let under = |row: &str, path: &str| {
        row == path
            || row
                .strip_prefix(path)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    let start = match after {
        Some(p) => order.iter().rposition(|r| under(r, p))? + 1,
        None => 0,
    };
    let end = match before {
        Some(p) => order.iter().position(|r| under(r, p))?,
        None => order.len(),
    };
    Some(
        order
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|r| within.is_none_or(|w| under(r, w)))
            .filter(|r| !present(r))
            .collect(),
    )
}

/// Whether a table has a row, or a row printed for its group (a single
/// `（六）其他处理` row stands for the three rows under it).
pub(crate) fn has_row(table: &xxgk_model::Table, row: &str) -> bool {
    let mut path = Some(row);
    while let Some(p) = path {
        if table.row(p).is_some() {
            return true;
        }
        path = parent_label(p);
    }
    false
}

/// What a table reader keeps for rows of text with one cell a line.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineState {
    /// Values whose rows are not known yet.
    pub(crate) floating: Option<Floating>,
    /// The last labelled data row (of the table, or of table 二's block).
    pub(crate) last: Option<String>,
}

/// A table reader that takes rows of text with one cell a line.
pub(crate) trait LineRows {
    /// The table's name in messages (`表三`).
    const NAME: &'static str;
    /// The table.
    const ID: xxgk_model::schema::TableId;
    /// How many values make a row (`None`: a group of values without a label).
    fn width(&mut self, path: Option<&str>, at: SourcePos, out: &mut Out) -> usize;
    /// The official rows in order, and the group a displaced row must be under
    /// (table 二's block), if any; `None` where nothing can be placed by order.
    fn scope(&self) -> Option<(Vec<&'static str>, Option<String>)>;
    /// The table read so far.
    fn table(&self) -> &Table;
    /// The reader's state for these rows.
    fn state(&mut self) -> &mut LineState;
    /// Writes one row's values (as many as its columns).
    fn write(&mut self, path: &str, values: &[Field], pos: SourcePos, at: SourcePos, out: &mut Out);
}

fn quoted(values: &[Field]) -> String {
    let texts: Vec<&str> = values.iter().map(|f| &*f.text).collect();
    format!("“{}”", texts.join("”“"))
}

/// The values after a row label: one row, or the first of several whose other
/// rows wait for the next labelled row.
pub(crate) fn labelled<T: LineRows>(
    t: &mut T,
    s: &Split,
    path: &str,
    pos: SourcePos,
    blank_cells: bool,
    out: &mut Out,
) {
    let n = t.width(Some(path), s.pos, out);
    let split = groups(&s.values, n, blank_cells);
    settle(t, Some(path), out);
    match split {
        Err(why) => out.note(
            NoteCode::ValuesUnplaced,
            format!(
                "{}“{path}”行{}，未读入：{}",
                T::NAME,
                why.message(n),
                quoted(&s.values)
            ),
            Some(s.pos),
            Some(row_pointer(T::ID, path)),
        ),
        Ok(mut rows) if rows.len() > 1 => {
            let first = rows.remove(0);
            let after = t.state().last.clone();
            t.state().floating = Some(Floating {
                anchor: Some((path.to_owned(), first, pos)),
                after,
                groups: rows,
            });
        }
        Ok(rows) => {
            let values = rows.into_iter().next().unwrap_or_default();
            t.write(path, &values, pos, s.pos, out);
        }
    }
    t.state().last = Some(path.to_owned());
}

/// Values without a label of their own (after a header, or a label printed
/// elsewhere): they wait for the next labelled row.
pub(crate) fn unlabelled<T: LineRows>(t: &mut T, s: &Split, blank_cells: bool, out: &mut Out) {
    let n = t.width(None, s.pos, out);
    match groups(&s.values, n, blank_cells) {
        Err(why) => out.note(
            NoteCode::ValuesUnplaced,
            format!(
                "{}中有一组没有行名的数值{}，未读入：{}",
                T::NAME,
                why.message(n),
                quoted(&s.values)
            ),
            Some(s.pos),
            None,
        ),
        Ok(rows) => {
            let state = t.state();
            match &mut state.floating {
                Some(f) => f.groups.extend(rows),
                None => {
                    state.floating = Some(Floating {
                        anchor: None,
                        after: state.last.clone(),
                        groups: rows,
                    });
                }
            }
        }
    }
}

/// Assigns the waiting values, now that the next labelled row (`before`) or
/// the end of the table (or block) is known: to the official rows missing
/// between the two neighbours when there are as many as groups, else to none.
pub(crate) fn settle<T: LineRows>(t: &mut T, before: Option<&str>, out: &mut Out) {
    let Some(held) = t.state().floating.take() else {
        return;
    };
    let table = t.table();
    let found = t.scope().and_then(|(order, within)| {
        candidates(
            &order,
            &|r| has_row(table, r),
            held.after_row(),
            before,
            within.as_deref(),
        )
    });
    let count = held.groups.len();
    match found {
        Some(rows) if rows.len() == count => {
            if let Some((path, values, pos)) = &held.anchor {
                let at = values.first().map_or(*pos, |v| v.pos);
                t.write(path, values, *pos, at, out);
            }
            for (row, values) in rows.iter().zip(&held.groups) {
                let Some(at) = values.first().map(|v| v.pos) else {
                    continue;
                };
                out.note(
                    NoteCode::RowDisplaced,
                    format!(
                        "{}中的数值{}没有紧随行名（文本把行名印在了别处），前后两行之间只缺“{}”行，按官方行序读作该行，请核对",
                        T::NAME,
                        quoted(values),
                        leaf_label(row)
                    ),
                    Some(at),
                    Some(row_pointer(T::ID, row)),
                );
                t.write(row, values, at, at, out);
            }
        }
        found => {
            let between = match (held.after_row(), before) {
                (Some(a), Some(b)) => format!("“{}”与“{}”行之间", leaf_label(a), leaf_label(b)),
                (Some(a), None) => format!("“{}”行之后", leaf_label(a)),
                (None, Some(b)) => format!("“{}”行之前", leaf_label(b)),
                (None, None) => "此处".to_owned(),
            };
            let missing = found.map_or_else(
                || "无法按官方行序确定缺少哪些行".to_owned(),
                |rows| format!("缺少的官方行有 {} 行", rows.len()),
            );
            let what = match &held.anchor {
                Some((path, _, _)) => format!(
                    "{}“{path}”行之后还有 {count} 组数值（文本把这些数值的行名印在了别处），而{between}{missing}，无法确定各组数值所属的行，该行及这些数值均未读入：{}",
                    T::NAME,
                    held.quoted()
                ),
                None => format!(
                    "{}中有 {count} 组数值没有行名，而{between}{missing}，无法确定所属的行，未读入：{}",
                    T::NAME,
                    held.quoted()
                ),
            };
            let at = held
                .anchor
                .as_ref()
                .map(|(_, _, p)| *p)
                .or_else(|| held.groups.first().and_then(|g| g.first()).map(|v| v.pos));
            let pointer = held.anchor.as_ref().map(|(p, _, _)| row_pointer(T::ID, p));
            out.note(NoteCode::ValuesUnplaced, what, at, pointer);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(texts: &[&str]) -> Vec<Field> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Field {
                text: (*t).into(),
                pos: SourcePos::Text {
                    line: u32::try_from(i + 1).unwrap(),
                    column: 1,
                },
                covered: false,
                col: i,
            })
            .collect()
    }

    fn texts(g: &[Vec<Field>]) -> Vec<Vec<&str>> {
        g.iter()
            .map(|r| r.iter().map(|f| &*f.text).collect())
            .collect()
    }

    #[test]
    fn values_split_into_whole_rows_only() {
        let g = groups(&fields(&["1", "2", "3", "4"]), 2, false).unwrap();
        assert_eq!(texts(&g), [["1", "2"], ["3", "4"]]);
        assert_eq!(
            groups(&fields(&["1", "2", "3"]), 2, false).unwrap_err(),
            Unsplit::Ragged(3)
        );
        assert_eq!(
            groups(&fields(&["1"]), 2, false).unwrap_err(),
            Unsplit::Short(1)
        );
        // Blank cells kept: the lines of merged cells after the row are dropped, a
        // short row is blank to the end.
        let g = groups(&fields(&["1", "", "3", "", ""]), 3, true).unwrap();
        assert_eq!(texts(&g), [["1", "", "3"]]);
        let g = groups(&fields(&["1", "", ""]), 3, true).unwrap();
        assert_eq!(texts(&g), [["1", "", ""]]);
        // Fewer lines than columns: the text shows no blank cell there.
        assert_eq!(
            groups(&fields(&["1", "2"]), 3, true).unwrap_err(),
            Unsplit::Short(2)
        );
        assert_eq!(
            groups(&fields(&["1", ""]), 3, true).unwrap_err(),
            Unsplit::Short(1)
        );
        let g = groups(&fields(&["1", "", "3", "4", "", "6", ""]), 3, true).unwrap();
        assert_eq!(texts(&g), [["1", "", "3"], ["4", "", "6"]]);
    }

    #[test]
    fn candidates_are_the_missing_rows_between_two_neighbours() {
        let order = ["a", "g/1", "g/2", "g/3", "b"];
        let present = |r: &str| r == "g/2";
        assert_eq!(
            candidates(&order, &present, Some("a"), Some("b"), None),
            Some(vec!["g/1", "g/3"])
        );
        assert_eq!(
            candidates(&order, &present, None, Some("g"), None),
            Some(vec!["a"])
        );
        assert_eq!(
            candidates(&order, &present, Some("g/1"), None, Some("g")),
            Some(vec!["g/3"])
        );
        assert_eq!(candidates(&order, &present, Some("x"), None, None), None);
    }
}

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

use xxgk_model::SourcePos;
use xxgk_model::schema::parent_label;

use super::items::Field;
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
/// dropped, and a short row is filled with blank cells.
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
        if end <= n {
            if let Some(last) = values.last() {
                while row.len() < n {
                    let mut blank = last.clone();
                    blank.text.clear();
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
            .map(|f| f.text.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(texts: &[&str]) -> Vec<Field> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Field {
                text: (*t).to_owned(),
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
            .map(|r| r.iter().map(|f| f.text.as_str()).collect())
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
        let g = groups(&fields(&["1", ""]), 3, true).unwrap();
        assert_eq!(texts(&g), [["1", "", ""]]);
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

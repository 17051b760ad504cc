//! Rows of table 二 that wait for the line after them: a label line without
//! values (the first part of a label printed around its values) and a header row
//! (whose labels may go on in the next line).

use super::super::items::{Field, Split};
use super::super::labels::{Hit, Tolerance};
use super::super::out::Out;
use super::{Reader, caption};
use crate::RowForm;
use crate::normalize::{label_key, trim};

impl Reader {
    /// Takes a row, holding a label line without values until the next lines
    /// show whether it is the first part of a label printed around its values
    /// (`pdftotext -layout` of a label centred in a tall cell):
    ///
    /// ```text
    /// 其他对外管理服务事
    ///                3      0     12
    /// 项
    /// ```
    ///
    /// A row of values without a label under it is that label's row; the label
    /// line after them is its rest when the parts together name an official row
    /// that the first part alone does not name exactly. So is a label beside the
    /// values that completes the one above (`其他对外管理服务` / `事项  3  0  12`).
    pub(super) fn take(&mut self, s: Split, out: &mut Out) {
        let lone = self.lone_label(&s);
        match self.held.take() {
            None => {}
            Some((label, None)) => {
                if s.has_values() && !matches!(s.form, RowForm::CellPerLine { .. }) {
                    match s.leaf() {
                        None => {
                            self.held = Some((label, Some(s)));
                            return;
                        }
                        Some(rest) => {
                            if let Some(joined) = self.joined(&label, rest) {
                                let mut s = s;
                                s.labels = vec![joined];
                                self.row(s, out);
                                return;
                            }
                        }
                    }
                }
                self.row(label, out);
            }
            Some((label, Some(mut values))) => {
                let rest = s.leaf().filter(|_| lone);
                if let Some(joined) = rest.and_then(|r| self.joined(&label, r)) {
                    values.labels = vec![joined];
                    self.row(values, out);
                    return;
                }
                values.labels = label.labels;
                self.row(values, out);
            }
        }
        if lone {
            self.held = Some((s, None));
        } else {
            self.row(s, out);
        }
    }

    /// Reads what is held.
    pub(super) fn release(&mut self, out: &mut Out) {
        match self.held.take() {
            None => {}
            Some((label, None)) => self.row(label, out),
            Some((label, Some(mut values))) => {
                values.labels = label.labels;
                self.row(values, out);
            }
        }
    }

    /// A line of one label and no values that may be the first or the last part
    /// of a row label (not a block caption, a header or a group).
    fn lone_label(&self, s: &Split) -> bool {
        !matches!(s.form, RowForm::CellPerLine { .. })
            && !s.has_values()
            && s.labels.len() == 1
            && caption(&s.labels[0].text).is_none()
            && !self.is_header(s)
            && !matches!(
                self.index.lookup(&s.labels[0].text, self.group.as_deref()),
                Hit::Group(..)
            )
    }

    /// The label of `first` joined with `rest`, when together they name an
    /// official row (exactly or in another writing) and `first` alone does not.
    fn joined(&self, first: &Split, rest: &Field) -> Option<Field> {
        let head = first.leaf()?;
        let text = format!("{}{}", trim(&head.text), trim(&rest.text));
        let exact = |t: &str| {
            matches!(
                self.index.lookup(t, self.group.as_deref()),
                Hit::Row(_, None | Some(Tolerance::Variant))
            )
        };
        (exact(&text) && !exact(&head.text)).then(|| Field {
            text: text.into(),
            ..head.clone()
        })
    }

    /// Reads the header row that waits, if any, as the block's columns.
    pub(super) fn set_header(&mut self, out: &mut Out) {
        let Some(s) = self.pending_header.take() else {
            return;
        };
        self.header = self.columns(&s, out);
        self.header_shape = s
            .labels
            .iter()
            .find(|l| label_key(&l.text) == "信息内容")
            .filter(|_| !s.expanded)
            .map(|l| (s.width(), l.col));
    }

    /// A line of labels without values right under the header row that holds
    /// the rest of its column labels (`本年制发` / `件数`, a header cell wrapped in
    /// a PDF or printed over two rows): joined to the header, when every label
    /// it holds completes a header label, at the same field (or, in text set by
    /// spaces, in order from the right) into an official column label that the
    /// header label alone is not. Returns whether the row was so taken.
    pub(super) fn continued(&mut self, s: &Split, out: &mut Out) -> bool {
        let Some(mut header) = self.pending_header.take() else {
            return false;
        };
        let start = header
            .labels
            .iter()
            .position(|l| label_key(&l.text) == "信息内容")
            .map_or(0, |i| i + 1);
        let fits = !s.has_values() && !s.labels.is_empty() && start < header.labels.len();
        let mut joined: Vec<(usize, String)> = Vec::new();
        if fits {
            let columns = &header.labels[start..];
            let by_field = s
                .labels
                .iter()
                .all(|l| columns.iter().any(|c| c.col == l.col));
            for (k, l) in s.labels.iter().enumerate() {
                let at = if by_field {
                    columns.iter().position(|c| c.col == l.col)
                } else {
                    (columns.len() + k).checked_sub(s.labels.len())
                };
                let Some(at) = at else {
                    joined.clear();
                    break;
                };
                let head = &columns[at].text;
                let text = format!("{}{}", trim(head), trim(&l.text));
                if self.official_column(head).is_some() || self.official_column(&text).is_none() {
                    joined.clear();
                    break;
                }
                joined.push((start + at, text));
            }
        }
        if joined.is_empty() {
            self.pending_header = Some(header);
            self.set_header(out);
            return false;
        }
        for (i, text) in joined {
            header.labels[i].text = text.into();
        }
        self.pending_header = Some(header);
        self.set_header(out);
        true
    }
}

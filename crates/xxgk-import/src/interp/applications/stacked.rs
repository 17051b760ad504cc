//! Labels stacked above their values: `pdftotext` may print two or more row
//! labels, each on a line of its own, and then their rows of values, one a line:
//!
//! ```text
//!        5.属于三类内部事务信息
//!        6.属于四类过程性信息
//!                        0 0 0 0 0 0 0
//!                        2 0 0 0 0 0 2
//! ```
//!
//! When every waiting label names one official row not yet read, in the official
//! order, the rows of values after them wait too; as many rows of values as
//! labels go to them in order. Fewer (a label line or the table's end comes
//! first) cannot be paired without guessing: they are not read, with a note.

use super::super::items::Split;
use super::super::labels::{Hit, Tolerance};
use super::super::out::Out;
use super::super::percell::has_row;
use super::{ID, Reader};
use crate::NoteCode;
use crate::RowForm;
use crate::normalize::trim;
use xxgk_model::Pointer;

impl Reader {
    /// The official rows the waiting labels name one each, in official order,
    /// when there are two or more and none is read yet.
    fn stacked_rows(&self) -> Option<Vec<&'static str>> {
        if self.pending.len() < 2 {
            return None;
        }
        let spec = self.version.spec().table(ID);
        let mut rows = Vec::new();
        for (text, _) in &self.pending {
            match self.lookup(text) {
                Hit::Row(path, None | Some(Tolerance::Variant)) if !has_row(&self.table, path) => {
                    rows.push(path);
                }
                _ => return None,
            }
        }
        let at = |p: &str| spec.rows.iter().position(|r| r.label == p);
        let ordered = rows.windows(2).all(|w| match (at(w[0]), at(w[1])) {
            (Some(a), Some(b)) => a < b,
            _ => false,
        });
        ordered.then_some(rows)
    }

    /// Takes a row of values without a label while labels are stacked above:
    /// returns whether it was taken (it waits, or completes the stack).
    pub(super) fn stack(&mut self, s: &Split, out: &mut Out) -> bool {
        let plain =
            s.leaf().is_none() && s.has_values() && !matches!(s.form, RowForm::CellPerLine { .. });
        if !plain || self.doubt {
            return false;
        }
        let Some(rows) = self.stacked_rows() else {
            return false;
        };
        self.stacked.push(s.clone());
        if self.stacked.len() < rows.len() {
            return true;
        }
        let labels = std::mem::take(&mut self.pending);
        let values = std::mem::take(&mut self.stacked);
        for ((path, (_, pos)), v) in rows.into_iter().zip(labels).zip(values) {
            self.hint = xxgk_model::schema::parent_label(path).map(str::to_owned);
            self.values(&v, path, pos, out);
        }
        true
    }

    /// Rows of values waiting under stacked labels when something else comes:
    /// fewer than the labels, so not read.
    pub(super) fn unstack(&mut self, out: &mut Out) {
        for v in std::mem::take(&mut self.stacked) {
            let values: Vec<&str> = v.values.iter().map(|f| trim(&f.text)).collect();
            let labels: Vec<&str> = self.pending.iter().map(|(t, _)| trim(t)).collect();
            out.note(
                NoteCode::ValuesUnplaced,
                format!(
                    "表三中行名“{}”各印在单独一行，其下的数值行比行名少，无法确定属于哪一行，未读入：“{}”",
                    labels.join("”“"),
                    values.join("”“")
                ),
                Some(v.pos),
                Some(Pointer::table(ID)),
            );
        }
    }
}

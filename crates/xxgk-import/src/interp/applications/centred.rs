//! Rows whose label a PDF prints around its values. A label centred in a tall
//! cell comes out of `pdftotext -layout` as its first part on the line above
//! the values and its rest on the line below, while the values' own line holds
//! nothing or a piece of the group label centred beside the rows (`无法提` of
//! `（四）无法提供`):
//!
//! ```text
//!               2.没有现成信
//!     无法提                      1     1     0 …
//!               息需要另行制作
//! ```
//!
//! Such a row waits for the label lines below it; when the next row or group
//! comes, the fragments before and after it that together name one official row
//! not yet read are its label. Otherwise it is read as it was printed (an added
//! row, or values without a label).

use super::super::items::{Field, Split};
use super::super::labels::{Hit, Tolerance};
use super::super::out::Out;
use super::super::percell::has_row;
use super::Reader;
use crate::NoteCode;
use crate::RowForm;

/// A row of values waiting for the label lines below it.
pub(super) struct Deferred {
    split: Split,
    /// The text printed on the values' line (a piece of a group label), if any.
    fragment: Option<Field>,
    /// How many label fragments were waiting above it.
    above: usize,
}

impl Reader {
    /// Makes the row wait for label lines below it, when label fragments wait
    /// above it (a centred label). Returns whether it waits.
    pub(super) fn defer(&mut self, s: &Split, fragment: Option<Field>) -> bool {
        let waits = self.deferred.is_none()
            && !self.settling
            && !self.pending.is_empty()
            && s.has_values()
            && !matches!(s.form, RowForm::CellPerLine { .. });
        if waits {
            self.deferred = Some(Deferred {
                split: s.clone(),
                fragment,
                above: self.pending.len(),
            });
        }
        waits
    }

    /// Whether a row is a label fragment without values (a line of a broken
    /// label), which a waiting row lets pass.
    pub(super) fn is_fragment(&self, s: &Split) -> bool {
        !s.has_values()
            && s.leaf()
                .is_some_and(|l| matches!(self.lookup(&l.text), Hit::None | Hit::Row(..)))
            && s.labels.len() == 1
    }

    /// Reads the waiting row: under the official row its fragments above and
    /// below name, else as it was printed.
    pub(super) fn settle_deferred(&mut self, out: &mut Out) {
        let Some(d) = self.deferred.take() else {
            return;
        };
        let above = d.above.min(self.pending.len());
        if let Some((range, path, tolerance)) = self.centred_label(above) {
            let after = self.pending.split_off(range.end);
            let used = self.pending.split_off(range.start);
            let label: String = used.iter().map(|(t, _)| t.as_str()).collect();
            let pos = used.first().map_or(d.split.pos, |(_, p)| *p);
            if let Some(f) = &d.fragment {
                out.note(
                    NoteCode::TableTextSkipped,
                    format!(
                        "表三中与数值同行的文字“{}”不是行名（疑为分组名称的一部分），该行按其上下两行的行名“{label}”读入",
                        f.text.trim()
                    ),
                    Some(f.pos),
                    None,
                );
            }
            let hit = Hit::Row(path, tolerance);
            let path = self.path(&hit, &label, pos, out);
            self.skip_pending(out);
            self.hint = xxgk_model::schema::parent_label(&path).map(str::to_owned);
            self.values(&d.split, &path, pos, out);
            self.pending = after;
            return;
        }
        // As printed: the fragments below wait for the rows after it.
        let after = self.pending.split_off(above);
        self.settling = true;
        self.row(&d.split, out);
        self.settling = false;
        self.pending.extend(after);
    }

    /// The waiting fragments, from one above the row to one below it, that name
    /// an official row not yet read (exactly or in another writing), with the
    /// fewest fragments below.
    fn centred_label(
        &self,
        above: usize,
    ) -> Option<(std::ops::Range<usize>, &'static str, Option<Tolerance>)> {
        let n = self.pending.len();
        for end in above..=n {
            for start in (0..above).rev() {
                let run: String = self.pending[start..end]
                    .iter()
                    .map(|(t, _)| t.as_str())
                    .collect();
                // The first line below may start with the group label's last
                // piece, printed beside it without a space (`理申请`: `理` of
                // `（五）不予处理`, `申请` of the row's label).
                let headless = (end > above)
                    .then(|| self.group_head(&self.pending[above].0))
                    .flatten()
                    .map(|head| {
                        let mut r = String::new();
                        for (i, (t, _)) in self.pending[start..end].iter().enumerate() {
                            r.push_str(if start + i == above { &t[head..] } else { t });
                        }
                        r
                    });
                for run in std::iter::once(run).chain(headless) {
                    if let Hit::Row(path, t @ (None | Some(Tolerance::Variant))) = self.lookup(&run)
                        && !has_row(&self.table, path)
                    {
                        return Some((start..end, path, t));
                    }
                }
            }
        }
        None
    }

    /// The length in bytes of a line's head that is a piece of a group label
    /// (one to three characters, with more after it).
    fn group_head(&self, text: &str) -> Option<usize> {
        let t = text.trim_start();
        let lead = text.len() - t.len();
        t.char_indices()
            .skip(1)
            .take(3)
            .map(|(i, _)| i)
            .find(|&i| self.index.in_group_label(&t[..i]))
            .map(|i| lead + i)
    }
}

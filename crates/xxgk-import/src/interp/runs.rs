//! Cells run together: some PDF viewers copy a table row without anything
//! between its cells (`一、本年新收政府信息公开申请数量 520010154`), so a row's
//! values come as one run of digits. Where the table's own arithmetic admits
//! exactly one way to cut the runs into the rows' cells, that is the reading;
//! where it admits several, the cells are not read and the note says how many
//! readings remain. No guess is ever stored.
//!
//! The arithmetic used:
//! - the row's own: a column labelled `总计` is the sum of the columns since
//!   the last `总计` before it (table 三: 自然人 and the five organisations;
//!   table 四: each block's four results);
//! - across the rows of table 三, for every column: 一 + 二 = （七）总计 + 四, and
//!   （七）总计 = the sum of the result rows. A row that its own sums leave
//!   several cuts keeps those cuts ([`MAX_KEEP`] at most) until the table is
//!   read; then the cuts of the rows in one identity that together make it
//!   hold, where exactly one combination does, are the reading.
//!
//! A cut never gives a cell a leading zero (`05`), nor more than [`MAX_DIGITS`]
//! digits. A total is no choice: its digits must be those of the sum before it.
//!
//! The search is bounded per table: it visits at most [`MAX_STEPS`] partial
//! cuts for all the runs of one table together, and runs left when the budget
//! is spent are not read (noted). The worst table is measured by the criterion
//! bench `runs` of this crate (docs/import.md gives the figure).

use std::rc::Rc;

use xxgk_model::schema::applications::{CARRIED_IN, CARRIED_OUT, NEW, RESULTS_TOTAL, result_rows};
use xxgk_model::schema::{TableId, leaf_label};
use xxgk_model::{FormatVersion, Pointer, SourcePos, Table};

use super::columns::Column;
use super::items::Field;
use super::out::Out;
use crate::NoteCode;
use crate::normalize::fold_width;

/// The most partial cuts the runs of one table visit together.
pub(crate) const MAX_STEPS: usize = 2_000_000;

/// The most digits one cell may take (a count of applications, documents or
/// cases never comes near).
pub(crate) const MAX_DIGITS: usize = 12;

/// The most cuts a row keeps for the table's identities to choose from.
pub(crate) const MAX_KEEP: usize = 64;

/// The most combinations of kept cuts one identity tries.
const MAX_COMBINATIONS: usize = 100_000;

/// What a table's runs may still spend.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Budget(pub(crate) usize);

impl Default for Budget {
    fn default() -> Self {
        Budget(MAX_STEPS)
    }
}

/// What the arithmetic leaves of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reading {
    /// The cuts that fit, up to [`MAX_KEEP`], and how many fit in all (one or
    /// more).
    Fits(Vec<Vec<u64>>, usize),
    /// No cut fits.
    None,
    /// The budget ran out before the search was done.
    Unbounded,
}

/// The digits of a run, when `text` is one (ASCII or full-width digits only, as
/// many at least as the cells it should fill).
pub(crate) fn run_digits(text: &str, cells: usize) -> Option<Vec<u8>> {
    let digits: Vec<u8> = text
        .trim()
        .chars()
        .map(|c| {
            let c = fold_width(c);
            c.is_ascii_digit()
                .then(|| u8::try_from(u32::from(c) - u32::from('0')).unwrap_or(0))
        })
        .collect::<Option<Vec<u8>>>()?;
    (cells >= 2 && digits.len() >= cells).then_some(digits)
}

/// For each cell, whether it is a `总计` that sums the cells since the previous
/// `总计` (by the columns' leaf labels).
pub(crate) fn totals(leaves: &[&str]) -> Vec<bool> {
    leaves.iter().map(|l| *l == "总计").collect()
}

/// Cuts `digits` into `total.len()` numbers so that every total cell is the
/// sum of the cells since the previous total, spending from `budget`.
pub(crate) fn split(digits: &[u8], total: &[bool], budget: &mut Budget) -> Reading {
    let cells = total.len();
    let mut search = Search {
        digits,
        total,
        cut: Vec::with_capacity(cells),
        found: Vec::new(),
        count: 0,
        budget,
    };
    if !search.go(0, 0, 0) {
        return Reading::Unbounded;
    }
    if search.count == 0 {
        Reading::None
    } else {
        Reading::Fits(search.found, search.count)
    }
}

struct Search<'a> {
    digits: &'a [u8],
    total: &'a [bool],
    cut: Vec<u64>,
    found: Vec<Vec<u64>>,
    count: usize,
    budget: &'a mut Budget,
}

/// The number of decimal digits of a value.
fn width(v: u64) -> usize {
    v.checked_ilog10().map_or(1, |d| d as usize + 1)
}

impl Search<'_> {
    /// Extends the cut from digit `at` with cell `cell`, `sum` being the sum of
    /// the cells since the last total; false when the budget ran out.
    fn go(&mut self, at: usize, cell: usize, sum: u64) -> bool {
        if self.budget.0 == 0 {
            return false;
        }
        self.budget.0 -= 1;
        let cells = self.total.len();
        let left = self.digits.len() - at;
        if cell == cells {
            if left == 0 {
                self.count += 1;
                if self.found.len() < MAX_KEEP {
                    self.found.push(self.cut.clone());
                }
            }
            return true;
        }
        let rest = cells - cell - 1;
        if self.total[cell] {
            // The total is the sum: its digits must be next.
            let w = width(sum);
            if w > MAX_DIGITS || w + rest > left || !self.spells(at, sum, w) {
                return true;
            }
            self.cut.push(sum);
            let ok = self.go(at + w, cell + 1, 0);
            self.cut.pop();
            return ok;
        }
        // The next total (if any) takes at least as many digits as the sum so
        // far; the cells between, one each.
        let next_total = self.total[cell + 1..].iter().position(|t| *t);
        let max = left.saturating_sub(rest).min(MAX_DIGITS);
        // A zero is a cell of its own.
        let max = if self.digits.get(at) == Some(&0) {
            max.min(1)
        } else {
            max
        };
        let mut value = 0u64;
        for len in 1..=max {
            value = value * 10 + u64::from(self.digits[at + len - 1]);
            let s = sum + value;
            if let Some(k) = next_total {
                // Cells before that total, after this one, one digit each; the
                // total at least as wide as the sum; the cells after it, one each.
                let need = k + width(s) + (rest - k - 1);
                if left - len < need {
                    break;
                }
            }
            self.cut.push(value);
            let ok = self.go(at + len, cell + 1, s);
            self.cut.pop();
            if !ok {
                return false;
            }
        }
        true
    }

    /// Whether the `w` digits at `at` spell `value`.
    fn spells(&self, at: usize, value: u64, w: usize) -> bool {
        let mut v = value;
        for i in (0..w).rev() {
            if u64::from(self.digits[at + i]) != v % 10 {
                return false;
            }
            v /= 10;
        }
        true
    }
}

/// The sums a row's cut is checked against, for a note.
fn sums_said(columns: &[Column]) -> &'static str {
    if columns.iter().any(|c| leaf_label(&c.label) == "总计") {
        "各“总计”等于其前各列之和"
    } else {
        "本表没有可用的合计关系"
    }
}

/// A run the row's own sums left several cuts: kept until the table is read.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    /// The row's path in the table.
    pub(crate) path: String,
    /// `表三“…”行`, for notes.
    pub(crate) what: String,
    /// The run as printed.
    pub(crate) run: String,
    /// The run's field (its position).
    pub(crate) field: Field,
    /// The label's and the row's positions.
    pub(crate) pos: SourcePos,
    pub(crate) at: SourcePos,
    /// The cuts that fit the row's sums, and how many fit in all.
    pub(crate) cuts: Vec<Vec<u64>>,
    pub(crate) count: usize,
}

/// What a row's values are, when they may be one run.
pub(crate) enum Run {
    /// No run: the values as printed.
    No,
    /// One cut fits (noted): the cells.
    Read(Vec<Field>),
    /// Several cuts fit the row's own sums: the table's identities may choose.
    Pending(Pending),
    /// Not read (noted).
    Unread,
}

/// A row's values when they are one run of digits for two or more columns:
/// the cells the row's own arithmetic cuts it into, the cuts kept for the
/// table's identities, or nothing read (noted).
#[expect(
    clippy::too_many_arguments,
    reason = "the row's parts, as the table reader holds them"
)]
pub(crate) fn read_run(
    what: &str,
    path: &str,
    values: &[Field],
    columns: &[Column],
    pos: SourcePos,
    at: SourcePos,
    pointer: Option<Pointer>,
    budget: &mut Budget,
    out: &mut Out,
) -> Run {
    let [only] = values else {
        return Run::No;
    };
    let Some(digits) = run_digits(&only.text, columns.len()) else {
        return Run::No;
    };
    if digits.len() == 1 {
        return Run::No;
    }
    let leaves: Vec<&str> = columns.iter().map(|c| leaf_label(&c.label)).collect();
    let run = only.text.trim();
    let sums = sums_said(columns);
    match split(&digits, &totals(&leaves), budget) {
        Reading::Fits(mut cuts, 1) => {
            let cells = cuts.pop().unwrap_or_default();
            out.note(
                NoteCode::ValuesSplitBySum,
                format!(
                    "{what}的数字连写为“{run}”（单元格之间没有分隔），按本行的合计关系（{sums}）只有一种拆分成立，读作“{}”",
                    joined(&cells)
                ),
                Some(at),
                pointer,
            );
            Run::Read(fields(&cells, only))
        }
        Reading::Fits(cuts, count) if count <= MAX_KEEP && !path.is_empty() => {
            Run::Pending(Pending {
                path: path.to_owned(),
                what: what.to_owned(),
                run: run.to_owned(),
                field: only.clone(),
                pos,
                at,
                cuts,
                count,
            })
        }
        reading => {
            let why = match reading {
                Reading::Fits(_, n) => format!("有 {n} 种拆分都成立"),
                Reading::None => "没有一种拆分成立".to_owned(),
                Reading::Unbounded => {
                    format!("本表各行可能的拆分超过 {MAX_STEPS} 步的查找上限，未查完")
                }
            };
            out.note(
                NoteCode::ValuesUnplaced,
                format!(
                    "{what}的数字连写为“{run}”（单元格之间没有分隔），按本行的合计关系（{sums}）{why}，无法确定各单元格，未读入"
                ),
                Some(at),
                pointer,
            );
            Run::Unread
        }
    }
}

fn joined(cells: &[u64]) -> String {
    let texts: Vec<String> = cells.iter().map(u64::to_string).collect();
    texts.join("”“")
}

fn fields(cells: &[u64], only: &Field) -> Vec<Field> {
    cells
        .iter()
        .map(|v| Field {
            text: Rc::from(v.to_string()),
            ..only.clone()
        })
        .collect()
}

/// The rows of table 三 in one identity, with their signs: 一 + 二 − （七）总计 −
/// 四 = 0, and （七）总计 − the result rows = 0.
fn identities(version: FormatVersion) -> Vec<Vec<(&'static str, i128)>> {
    let mut total = vec![(RESULTS_TOTAL, 1)];
    total.extend(result_rows(version).map(|l| (l, -1)));
    vec![
        vec![
            (NEW, 1),
            (CARRIED_IN, 1),
            (RESULTS_TOTAL, -1),
            (CARRIED_OUT, -1),
        ],
        total,
    ]
}

/// A row's known values in the columns' order, when every cell is a whole
/// number.
fn known(table: &Table, path: &str, columns: &[Column]) -> Option<Vec<u64>> {
    let row = table.row(path)?;
    columns
        .iter()
        .map(|c| row.get(&c.label)?.as_count())
        .collect()
}

/// Settles the runs of table 三 its rows' own sums left several cuts: the cuts
/// the table's identities leave one of are read (noted), the others not
/// (noted with how many readings remain).
pub(crate) fn settle(
    table: &mut Table,
    mut pending: Vec<Pending>,
    columns: &[Column],
    version: FormatVersion,
    out: &mut Out,
) {
    if pending.is_empty() {
        return;
    }
    let identities = identities(version);
    let mut used = vec![false; pending.len()];
    // Narrow until nothing changes (each pass removes cuts or stops).
    loop {
        let mut changed = false;
        for identity in &identities {
            changed |= narrow(table, &mut pending, &mut used, identity, columns);
        }
        if !changed {
            break;
        }
    }
    let sums = sums_said(columns);
    for (p, by_table) in pending.into_iter().zip(used) {
        let pointer = Some(super::out::row_pointer(TableId::Applications, &p.path));
        if let [cells] = p.cuts.as_slice() {
            let how = if by_table {
                format!(
                    "按本行的合计关系（{sums}）有 {} 种拆分，再按表三各行之间的勾稽关系（第一项加第二项等于第三项加第四项，（七）总计等于各办理结果之和）只有一种成立",
                    p.count
                )
            } else {
                format!("按本行的合计关系（{sums}）只有一种拆分成立")
            };
            out.note(
                NoteCode::ValuesSplitBySum,
                format!(
                    "{}的数字连写为“{}”（单元格之间没有分隔），{how}，读作“{}”",
                    p.what,
                    p.run,
                    joined(cells)
                ),
                Some(p.at),
                pointer,
            );
            out.row(
                table,
                TableId::Applications,
                &p.path,
                &fields(cells, &p.field),
                columns,
                p.pos,
                p.at,
            );
        } else {
            out.note(
                NoteCode::ValuesUnplaced,
                format!(
                    "{}的数字连写为“{}”（单元格之间没有分隔），按本行的合计关系（{sums}）有 {} 种拆分都成立，表三各行之间的勾稽关系也不能确定其中一种，无法确定各单元格，未读入",
                    p.what,
                    p.run,
                    p.count
                ),
                Some(p.at),
                pointer,
            );
        }
    }
}

/// Narrows the cuts of the pending rows in one identity to those of the one
/// combination that makes it hold in every column (when exactly one does).
/// Whether any cut was removed.
fn narrow(
    table: &Table,
    pending: &mut [Pending],
    used: &mut [bool],
    identity: &[(&str, i128)],
    columns: &[Column],
) -> bool {
    // Each term: a known row, or a pending row (index); an unknown row makes the
    // identity unusable.
    enum Term {
        Known(Vec<u64>),
        Open(usize),
    }
    let mut terms: Vec<(Term, i128)> = Vec::new();
    for (path, sign) in identity {
        if let Some(i) = pending.iter().position(|p| p.path == *path) {
            terms.push((Term::Open(i), *sign));
        } else if let Some(v) = known(table, path, columns) {
            terms.push((Term::Known(v), *sign));
        } else {
            return false;
        }
    }
    let open: Vec<usize> = terms
        .iter()
        .filter_map(|(t, _)| match t {
            Term::Open(i) if pending[*i].cuts.len() > 1 => Some(*i),
            _ => None,
        })
        .collect();
    if open.is_empty() {
        return false;
    }
    let combinations = open
        .iter()
        .try_fold(1usize, |n, i| n.checked_mul(pending[*i].cuts.len()));
    if combinations.is_none_or(|n| n > MAX_COMBINATIONS) {
        return false;
    }
    // The sum of the fixed terms, per column.
    let width = columns.len();
    let mut base = vec![0i128; width];
    for (t, sign) in &terms {
        let v = match t {
            Term::Known(v) => v.as_slice(),
            Term::Open(i) if pending[*i].cuts.len() == 1 => pending[*i].cuts[0].as_slice(),
            Term::Open(_) => continue,
        };
        for (b, x) in base.iter_mut().zip(v) {
            *b += sign * i128::from(*x);
        }
    }
    let signs: Vec<i128> = open
        .iter()
        .map(|i| {
            terms
                .iter()
                .find(|(t, _)| matches!(t, Term::Open(j) if j == i))
                .map_or(0, |(_, s)| *s)
        })
        .collect();
    // Every combination of the open rows' cuts (an odometer over their indices).
    let mut index = vec![0usize; open.len()];
    let mut fits: Vec<Vec<usize>> = Vec::new();
    loop {
        let holds = (0..width).all(|c| {
            let mut s = base[c];
            for (k, i) in open.iter().enumerate() {
                s += signs[k] * i128::from(pending[*i].cuts[index[k]].get(c).copied().unwrap_or(0));
            }
            s == 0
        });
        if holds {
            fits.push(index.clone());
            if fits.len() > 1 {
                return false;
            }
        }
        let mut k = 0;
        loop {
            if k == open.len() {
                break;
            }
            index[k] += 1;
            if index[k] < pending[open[k]].cuts.len() {
                break;
            }
            index[k] = 0;
            k += 1;
        }
        if k == open.len() {
            break;
        }
    }
    let [fit] = fits.as_slice() else {
        return false;
    };
    for (k, i) in open.iter().enumerate() {
        let cut = pending[*i].cuts[fit[k]].clone();
        pending[*i].cuts = vec![cut];
        used[*i] = true;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row3() -> Vec<bool> {
        totals(&[
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
        ])
    }

    fn cut(text: &str, total: &[bool]) -> Reading {
        split(
            &run_digits(text, total.len()).unwrap(),
            total,
            &mut Budget::default(),
        )
    }

    #[test]
    fn a_run_with_one_cut_that_adds_up_is_read() {
        // 52 + 0 + 0 + 1 + 0 + 1 = 54.
        assert_eq!(
            cut("520010154", &row3()),
            Reading::Fits(vec![vec![52, 0, 0, 1, 0, 1, 54]], 1)
        );
        // As many digits as cells: one digit each.
        assert_eq!(
            cut("1000001", &row3()),
            Reading::Fits(vec![vec![1, 0, 0, 0, 0, 0, 1]], 1)
        );
    }

    #[test]
    fn a_run_with_several_cuts_is_counted() {
        // 1 + 10 = 11 and 11 + 0 = 11: both cuts of `110000011` fit.
        assert!(matches!(cut("110000011", &row3()), Reading::Fits(_, 2)));
        assert!(matches!(cut("111000012", &row3()), Reading::Fits(_, 3)));
        // No total column: any cut fits.
        assert!(matches!(cut("1234", &[false; 3]), Reading::Fits(_, 3)));
    }

    #[test]
    fn no_cut_and_no_run() {
        assert_eq!(cut("9999999", &row3()), Reading::None);
        assert!(run_digits("12 3", 2).is_none());
        assert!(run_digits("123", 7).is_none());
        assert!(run_digits("１２３", 3).is_some());
    }

    #[test]
    fn the_budget_bounds_the_search() {
        let digits = vec![1u8; 42];
        let mut budget = Budget(1000);
        assert_eq!(split(&digits, &row3(), &mut budget), Reading::Unbounded);
        assert_eq!(budget.0, 0);
    }
}

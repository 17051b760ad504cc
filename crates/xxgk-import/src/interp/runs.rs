//! Cells run together: some PDF viewers copy a table row without anything
//! between its cells (`一、本年新收政府信息公开申请数量 520010154`), so a row's
//! values come as one run of digits. Where the table's own arithmetic admits
//! exactly one way to cut the run into the row's cells, that is the reading;
//! where it admits several, the cells are not read and the note says how many
//! readings remain. No guess is ever stored.
//!
//! The arithmetic used is the row's own: a column labelled `总计` is the sum of
//! the columns since the last `总计` before it (table 三: 自然人 and the five
//! organisations; table 四: each block's four results). A cut never gives a cell
//! a leading zero (`05`), nor more than [`MAX_DIGITS`] digits.
//!
//! The search is bounded: it visits at most [`MAX_STEPS`] partial cuts, then
//! stops and reads nothing. Measured (release build, `/usr/bin/time xxgk export
//! --csv`, the development machine): a table 三 row of 7 cells run into 42 ones,
//! no cut satisfying its total, takes about 55 ms; a whole table 三 of 25 such
//! rows about 1.4 s (docs/import.md).

use std::rc::Rc;

use xxgk_model::SourcePos;

use super::columns::Column;
use super::items::Field;
use super::out::Out;
use crate::normalize::fold_width;

/// The most partial cuts one run's search visits.
pub(crate) const MAX_STEPS: usize = 2_000_000;

/// The most digits one cell may take (a count of applications, documents or
/// cases never comes near).
pub(crate) const MAX_DIGITS: usize = 12;

/// What the arithmetic leaves of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Exactly one cut fits: the cells' texts.
    One(Vec<String>),
    /// This many cuts fit (two or more).
    Several(usize),
    /// No cut fits.
    None,
    /// The search reached [`MAX_STEPS`] before it was done.
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

/// Cuts `digits` into `cells` numbers so that every total cell is the sum of the
/// cells since the previous total.
pub(crate) fn split(digits: &[u8], total: &[bool]) -> Reading {
    let cells = total.len();
    let mut search = Search {
        digits,
        total,
        cut: Vec::with_capacity(cells),
        found: 0,
        first: None,
        steps: 0,
    };
    if !search.go(0, 0) {
        return Reading::Unbounded;
    }
    match (search.found, search.first) {
        (0, _) => Reading::None,
        (1, Some(cut)) => Reading::One(cut),
        (n, _) => Reading::Several(n),
    }
}

struct Search<'a> {
    digits: &'a [u8],
    total: &'a [bool],
    cut: Vec<u64>,
    found: usize,
    first: Option<Vec<String>>,
    steps: usize,
}

impl Search<'_> {
    /// Extends the cut from digit `at` with cell `cell`; false when the step
    /// budget ran out.
    fn go(&mut self, at: usize, cell: usize) -> bool {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return false;
        }
        let cells = self.total.len();
        let left = self.digits.len() - at;
        if cell == cells {
            if left == 0 {
                self.found += 1;
                if self.found == 1 {
                    self.first = Some(self.cut.iter().map(u64::to_string).collect());
                }
            }
            return true;
        }
        let rest = cells - cell - 1;
        // Every later cell takes one digit at least and MAX_DIGITS at most.
        let min = left.saturating_sub(rest * MAX_DIGITS).max(1);
        let max = left.saturating_sub(rest).min(MAX_DIGITS);
        // A zero is a cell of its own.
        let max = if self.digits.get(at) == Some(&0) {
            max.min(1)
        } else {
            max
        };
        for len in min..=max {
            let value = self.digits[at..at + len]
                .iter()
                .fold(0u64, |v, d| v * 10 + u64::from(*d));
            if self.total[cell] && value != self.since_total(cell) {
                continue;
            }
            self.cut.push(value);
            let ok = self.go(at + len, cell + 1);
            self.cut.pop();
            if !ok {
                return false;
            }
        }
        true
    }

    /// The sum of the cells cut since the last total before `cell`.
    fn since_total(&self, cell: usize) -> u64 {
        let start = self.total[..cell]
            .iter()
            .rposition(|t| *t)
            .map_or(0, |i| i + 1);
        self.cut[start..cell].iter().sum()
    }
}

/// A row's values when they are one run of digits for two or more columns:
/// the cells the arithmetic cuts it into (note `values-split-by-sum`), or
/// `Err(())` when it admits no single cut (note `values-unplaced`, with the
/// number of readings that remain: the row is not read). `Ok(None)` when the
/// values are no run.
pub(crate) fn read_run(
    what: &str,
    values: &[Field],
    columns: &[Column],
    pos: SourcePos,
    pointer: Option<String>,
    out: &mut Out,
) -> Result<Option<Vec<Field>>, ()> {
    let [only] = values else {
        return Ok(None);
    };
    let Some(digits) = run_digits(&only.text, columns.len()) else {
        return Ok(None);
    };
    if digits.len() == 1 {
        return Ok(None);
    }
    let leaves: Vec<&str> = columns
        .iter()
        .map(|c| xxgk_model::schema::leaf_label(&c.label))
        .collect();
    let run = only.text.trim();
    let sums = if leaves.contains(&"总计") {
        "各“总计”等于其前各列之和"
    } else {
        "本表没有可用的合计关系"
    };
    match split(&digits, &totals(&leaves)) {
        Reading::One(cells) => {
            out.note(
                "values-split-by-sum",
                format!(
                    "{what}的数字连写为“{run}”（单元格之间没有分隔），按本行的合计关系（{sums}）只有一种拆分成立，读作“{}”",
                    cells.join("”“")
                ),
                Some(pos),
                pointer,
            );
            Ok(Some(
                cells
                    .into_iter()
                    .map(|text| Field {
                        text: Rc::from(text),
                        ..only.clone()
                    })
                    .collect(),
            ))
        }
        reading => {
            let why = match reading {
                Reading::Several(n) => format!("有 {n} 种拆分都成立"),
                Reading::None => "没有一种拆分成立".to_owned(),
                _ => format!("可能的拆分超过 {MAX_STEPS} 步的查找上限"),
            };
            out.note(
                "values-unplaced",
                format!(
                    "{what}的数字连写为“{run}”（单元格之间没有分隔），按本行的合计关系（{sums}）{why}，无法确定各单元格，未读入"
                ),
                Some(pos),
                pointer,
            );
            Err(())
        }
    }
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

    #[test]
    fn a_run_with_one_cut_that_adds_up_is_read() {
        // 52 + 0 + 0 + 1 + 0 + 1 = 54.
        let d = run_digits("520010154", 7).unwrap();
        assert_eq!(
            split(&d, &row3()),
            Reading::One(
                vec!["52", "0", "0", "1", "0", "1", "54"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            )
        );
        // As many digits as cells: one digit each.
        let d = run_digits("1000001", 7).unwrap();
        assert_eq!(
            split(&d, &row3()),
            Reading::One(
                vec!["1", "0", "0", "0", "0", "0", "1"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            )
        );
    }

    #[test]
    fn a_run_with_several_cuts_is_counted_not_read() {
        // 1 + 10 = 11 and 11 + 0 = 11: both cuts of `110000011` fit.
        let d = run_digits("110000011", 7).unwrap();
        assert_eq!(split(&d, &row3()), Reading::Several(2));
        let d = run_digits("111000012", 7).unwrap();
        assert_eq!(split(&d, &row3()), Reading::Several(3));
        // No total column: any cut fits.
        let d = run_digits("1234", 3).unwrap();
        assert_eq!(split(&d, &[false; 3]), Reading::Several(3));
    }

    #[test]
    fn no_cut_and_no_run() {
        let d = run_digits("9999999", 7).unwrap();
        assert_eq!(split(&d, &row3()), Reading::None);
        assert!(run_digits("12 3", 2).is_none());
        assert!(run_digits("123", 7).is_none());
        assert!(run_digits("１２３", 3).is_some());
    }
}

//! The arithmetic identities of tables 三 and 四 as data: which printed cells must
//! add up to which (the sums the official format states, for table 三 in its header
//! note, and the subtotals that non-standard layouts print), and whether each holds,
//! fails, or cannot be verified.
//!
//! Every identity is a sum of operands on each side; an operand is one cell or a
//! group of cells (a category whose sub-rows are summed, or the printed category row
//! that stands in for them). Cells that are blank, hold a placeholder, are not a
//! valid count or are not printed make their operand unknown. Counts are never
//! negative, so known parts that already exceed a complete other side prove the
//! identity wrong even with unknown operands.

mod build;

use std::fmt::{self, Write};

use xxgk_model::schema::TableId;
use xxgk_model::{Cell, CellKey, Table};

pub(crate) use build::identities;

use crate::labels::{cell_text, count, row_name, table_name};

/// The kind of identity; each is checked by one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// I-1: per column of table 三, 第一项 + 第二项 = 第三项（七）总计 + 第四项.
    Balance,
    /// I-2: per column of table 三, （七）总计 = （一） + … + （六）.
    ResultsTotal,
    /// I-3: per row of table 三, 总计 = 自然人 + the 法人或其他组织 columns.
    RowTotal,
    /// I-4 to I-6: per block of table 四, 总计 = 维持 + 纠正 + 其他 + 尚未审结.
    Reviews,
    /// A printed subtotal row or column equals its parts.
    Subtotal,
}

impl Family {
    /// What the identity says, for messages about identities that cannot be verified.
    pub(crate) fn description(self) -> &'static str {
        match self {
            Family::Balance => "表三各列“第一项加第二项之和，等于第三项加第四项之和”",
            Family::ResultsTotal => "表三各列“（七）总计”等于（一）至（六）之和",
            Family::RowTotal => "表三各行“总计”等于自然人与法人或其他组织各列之和",
            Family::Reviews => "表四各项“总计”等于结果维持、结果纠正、其他结果、尚未审结之和",
            Family::Subtotal => "印出的小计行、小计列等于其各项之和",
        }
    }
}

/// One cell an identity reads, borrowed from the report (labels from the table or
/// the schema): what messages print of it is made only for a finding.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Term<'r> {
    pub(crate) table: TableId,
    pub(crate) row: &'r str,
    pub(crate) column: &'r str,
    /// The cell, if printed.
    pub(crate) cell: Option<&'r Cell>,
    /// The count, if the cell is printed and holds a valid count.
    pub(crate) count: Option<u64>,
}

impl<'r> Term<'r> {
    pub(super) fn read(table: &'r Table, id: TableId, row: &'r str, column: &'r str) -> Term<'r> {
        let cell = table.get(row, column);
        Term {
            table: id,
            row,
            column,
            cell,
            count: count(cell),
        }
    }

    /// Whether the cell is printed at all.
    pub(crate) fn printed(&self) -> bool {
        self.cell.is_some()
    }

    /// The cell's value as messages print it (`12`, `空白`, `“/”`, `未列出`).
    pub(crate) fn text(&self) -> String {
        cell_text(self.cell)
    }

    /// Whether the cell holds nothing (blank), as messages group unknown cells.
    fn is_blank(&self) -> bool {
        matches!(self.cell, Some(Cell::Blank))
    }

    /// The cell's key.
    pub(crate) fn key(&self) -> CellKey {
        CellKey::new(self.table, self.row, self.column)
    }

    fn is(&self, table: TableId, row: &str, column: &str) -> bool {
        self.table == table && self.row == row && self.column == column
    }

    /// How related locations name the cell: `“（一）予以公开”行“自然人”列：3`.
    pub(crate) fn label(&self) -> String {
        format!(
            "“{}”行“{}”列：{}",
            row_name(self.row),
            self.column,
            self.text()
        )
    }
}

/// What an operand is called in messages.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Name<'r> {
    /// As written.
    Plain(&'r str),
    /// A row label, printed as [`row_name`] prints it.
    Row(&'r str),
}

impl Name<'_> {
    fn text(self) -> String {
        match self {
            Name::Plain(s) => s.to_owned(),
            Name::Row(s) => row_name(s),
        }
    }
}

/// One side's summand: a cell, or a group of cells counted together.
#[derive(Debug, Clone)]
pub(crate) struct Operand<'r> {
    pub(crate) name: Name<'r>,
    pub(crate) terms: Vec<Term<'r>>,
}

impl<'r> Operand<'r> {
    pub(super) fn single(name: &'r str, term: Term<'r>) -> Operand<'r> {
        Operand {
            name: Name::Plain(name),
            terms: vec![term],
        }
    }

    /// The sum of the known terms, and whether every term is known.
    fn known(&self) -> (u128, bool) {
        sum(self.terms.iter())
    }

    fn text(&self) -> String {
        let (known, complete) = self.known();
        let value = match self.terms.as_slice() {
            [one] => one.text(),
            _ if complete => known.to_string(),
            _ if known > 0 => format!("≥{known}"),
            terms if terms.iter().all(|t| !t.printed()) => "未列出".to_owned(),
            terms if terms.iter().all(Term::is_blank) => "空白".to_owned(),
            _ => "无有效数字".to_owned(),
        };
        format!("{} {value}", self.name.text())
    }
}

/// Sums the known counts of terms (checked: `u128` holds any sum of `u64` counts a
/// table can print, and an overflow would make the sum unknown rather than wrong).
fn sum<'a, 'r: 'a>(terms: impl Iterator<Item = &'a Term<'r>>) -> (u128, bool) {
    let mut total: u128 = 0;
    let mut complete = true;
    for t in terms {
        match t.count.and_then(|c| total.checked_add(u128::from(c))) {
            Some(s) => total = s,
            None => complete = false,
        }
    }
    (total, complete)
}

/// Whether an identity holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Every operand is known and both sides are equal.
    Holds,
    /// The known operands prove the sides unequal.
    Violated,
    /// Unknown operands leave it open.
    Unverifiable,
}

/// What an identity is about, as messages name it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Subject<'r> {
    /// `表三“自然人”列`.
    Column(&'r str),
    /// `表三“（一）予以公开”行`.
    Row(&'r str),
    /// `表四“行政复议”`.
    Block(&'r str),
    /// `表三“（三）不予公开”小计行“自然人”列`.
    SubtotalRow(TableId, &'r str, &'r str),
    /// `表三“（一）予以公开”行“法人或其他组织”小计列`.
    SubtotalColumn(TableId, &'r str, &'r str),
}

impl fmt::Display for Subject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Subject::Column(c) => write!(f, "表三“{c}”列"),
            Subject::Row(r) => write!(f, "表三“{}”行", row_name(r)),
            Subject::Block(r) => write!(f, "表四“{r}”"),
            Subject::SubtotalRow(t, r, c) => {
                write!(f, "{}“{}”小计行“{c}”列", table_name(t), row_name(r))
            }
            Subject::SubtotalColumn(t, r, c) => {
                write!(f, "{}“{}”行“{c}”小计列", table_name(t), row_name(r))
            }
        }
    }
}

/// One instance of an identity: `lhs` sums to the same as `rhs`.
#[derive(Debug, Clone)]
pub(crate) struct Identity<'r> {
    pub(crate) family: Family,
    /// What the identity is about: `表三“自然人”列`.
    pub(crate) subject: Subject<'r>,
    /// The cell a finding points at (the total): table, row, column.
    pub(crate) anchor: (TableId, &'r str, &'r str),
    pub(crate) lhs: Vec<Operand<'r>>,
    pub(crate) rhs: Vec<Operand<'r>>,
    /// Whether it holds (computed once, when built).
    outcome: Outcome,
}

fn side_sum(side: &[Operand<'_>]) -> (u128, bool) {
    sum(side.iter().flat_map(|o| o.terms.iter()))
}

fn side_text(side: &[Operand<'_>]) -> String {
    let parts: Vec<String> = side.iter().map(Operand::text).collect();
    let mut text = parts.join(" + ");
    if side.len() > 1 {
        let (known, complete) = side_sum(side);
        if complete {
            let _ = write!(text, " = {known}");
        } else {
            let _ = write!(text, " ≥ {known}");
        }
    }
    text
}

impl<'r> Identity<'r> {
    /// An identity with its outcome.
    pub(super) fn new(
        family: Family,
        subject: Subject<'r>,
        anchor: (TableId, &'r str, &'r str),
        lhs: Vec<Operand<'r>>,
        rhs: Vec<Operand<'r>>,
    ) -> Identity<'r> {
        let (l, l_complete) = side_sum(&lhs);
        let (r, r_complete) = side_sum(&rhs);
        let outcome = match (l_complete, r_complete) {
            (true, true) if l == r => Outcome::Holds,
            (true, true) => Outcome::Violated,
            (true, false) if r > l => Outcome::Violated,
            (false, true) if l > r => Outcome::Violated,
            _ => Outcome::Unverifiable,
        };
        Identity {
            family,
            subject,
            anchor,
            lhs,
            rhs,
            outcome,
        }
    }

    pub(crate) fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// The key of the cell a finding points at.
    pub(crate) fn anchor_key(&self) -> CellKey {
        let (t, row, column) = self.anchor;
        CellKey::new(t, row, column)
    }

    /// `表三“自然人”列：第一项 1 + 第二项 0 = 1，但第三项（七）总计 0 + 第四项 0 = 0`.
    pub(crate) fn message(&self) -> String {
        format!(
            "{}：{}，但{}",
            self.subject,
            side_text(&self.lhs),
            side_text(&self.rhs)
        )
    }

    /// What the anchor should hold: the sum of the other side, when the anchor is
    /// a side of its own and every cell of the other side is known.
    pub(crate) fn expected(&self) -> Option<u64> {
        let (t, row, column) = self.anchor;
        let alone = |side: &[Operand<'_>]| matches!(side, [one] if matches!(one.terms.as_slice(), [term] if term.is(t, row, column)));
        let other = if alone(&self.lhs) {
            &self.rhs
        } else if alone(&self.rhs) {
            &self.lhs
        } else {
            return None;
        };
        match side_sum(other) {
            (sum, true) => u64::try_from(sum).ok(),
            _ => None,
        }
    }

    /// Every cell the identity reads.
    pub(crate) fn terms(&self) -> impl Iterator<Item = &Term<'r>> {
        self.lhs
            .iter()
            .chain(&self.rhs)
            .flat_map(|o| o.terms.iter())
    }

    /// The cells other than the anchor, for related locations.
    pub(crate) fn others(&self) -> impl Iterator<Item = &Term<'r>> {
        let (t, row, column) = self.anchor;
        self.terms().filter(move |term| !term.is(t, row, column))
    }
}

//! The arithmetic identities of tables 三 and 四 as data: which printed cells must
//! add up to which (format.md §5, I-1 to I-6, and the subtotals that non-standard
//! layouts print), and whether each holds, fails, or cannot be verified.
//!
//! Every identity is a sum of operands on each side; an operand is one cell or a
//! group of cells (a category whose sub-rows are summed, or the printed category row
//! that stands in for them). Cells that are blank, hold a placeholder, are not a
//! valid count or are not printed make their operand unknown. Counts are never
//! negative, so known parts that already exceed a complete other side prove the
//! identity wrong even with unknown operands.

use std::fmt::Write;

use xxgk_model::schema::applications::{
    self, CARRIED_IN, CARRIED_OUT, NEW, ORGANISATIONS, RESULTS, RESULTS_TOTAL,
};
use xxgk_model::schema::{TableId, parent_label};
use xxgk_model::{CellKey, FormatVersion, Report, Table};

use crate::labels::{cell_text, count, leaf, row_name, table_name};

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

/// One cell an identity reads.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub(crate) key: CellKey,
    /// The count, if the cell is printed and holds a valid count.
    pub(crate) count: Option<u64>,
    /// The cell's value as messages print it (`12`, `空白`, `“/”`, `未列出`).
    pub(crate) text: String,
    /// Whether the cell is printed at all.
    pub(crate) printed: bool,
}

impl Term {
    fn read(table: &Table, id: TableId, row: &str, column: &str) -> Term {
        let cell = table.get(row, column);
        Term {
            key: CellKey::new(id, row, column),
            count: count(cell),
            text: cell_text(cell),
            printed: cell.is_some(),
        }
    }

    /// How related locations name the cell: `“（一）予以公开”行“自然人”列：3`.
    pub(crate) fn label(&self) -> String {
        format!(
            "“{}”行“{}”列：{}",
            row_name(&self.key.row),
            self.key.column,
            self.text
        )
    }
}

/// One side's summand: a cell, or a group of cells counted together.
#[derive(Debug, Clone)]
pub(crate) struct Operand {
    pub(crate) name: String,
    pub(crate) terms: Vec<Term>,
}

impl Operand {
    fn single(name: impl Into<String>, term: Term) -> Operand {
        Operand {
            name: name.into(),
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
            [one] => one.text.clone(),
            _ if complete => known.to_string(),
            _ if known > 0 => format!("≥{known}"),
            terms if terms.iter().all(|t| !t.printed) => "未列出".to_owned(),
            terms if terms.iter().all(|t| t.text == "空白") => "空白".to_owned(),
            _ => "无有效数字".to_owned(),
        };
        format!("{} {value}", self.name)
    }
}

/// Sums the known counts of terms (checked: `u128` holds any sum of `u64` counts a
/// table can print, and an overflow would make the sum unknown rather than wrong).
fn sum<'a>(terms: impl Iterator<Item = &'a Term>) -> (u128, bool) {
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

/// One instance of an identity: `lhs` sums to the same as `rhs`.
#[derive(Debug, Clone)]
pub(crate) struct Identity {
    pub(crate) family: Family,
    /// What the identity is about: `表三“自然人”列`.
    pub(crate) subject: String,
    /// The cell a finding points at (the total).
    pub(crate) anchor: CellKey,
    pub(crate) lhs: Vec<Operand>,
    pub(crate) rhs: Vec<Operand>,
}

fn side_sum(side: &[Operand]) -> (u128, bool) {
    sum(side.iter().flat_map(|o| o.terms.iter()))
}

fn side_text(side: &[Operand]) -> String {
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

impl Identity {
    pub(crate) fn outcome(&self) -> Outcome {
        let (l, l_complete) = side_sum(&self.lhs);
        let (r, r_complete) = side_sum(&self.rhs);
        match (l_complete, r_complete) {
            (true, true) if l == r => Outcome::Holds,
            (true, true) => Outcome::Violated,
            (true, false) if r > l => Outcome::Violated,
            (false, true) if l > r => Outcome::Violated,
            _ => Outcome::Unverifiable,
        }
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

    /// Every cell the identity reads.
    pub(crate) fn terms(&self) -> impl Iterator<Item = &Term> {
        self.lhs
            .iter()
            .chain(&self.rhs)
            .flat_map(|o| o.terms.iter())
    }

    /// The cells other than the anchor, for related locations.
    pub(crate) fn others(&self) -> impl Iterator<Item = &Term> {
        self.terms().filter(|t| t.key != self.anchor)
    }
}

/// The terms of an operand named by a row or column label that may have parts:
/// the printed parts (official parts that are not printed count as unknown), or the
/// label's own cell where no part is printed, or where it is printed with a number
/// and some part is not printed or holds none (a category printed as one row with
/// blank sub-rows beside it). Whether a printed label agrees with its parts is the
/// subtotal rule's question.
fn group_terms(
    label: &str,
    official_parts: &[&str],
    printed: &[&str],
    read: impl Fn(&str) -> Term,
) -> Vec<Term> {
    let printed_parts: Vec<&str> = printed
        .iter()
        .copied()
        .filter(|l| parent_label(l) == Some(label))
        .collect();
    let own = read(label);
    if printed_parts.is_empty() && (own.printed || official_parts.is_empty()) {
        return vec![own];
    }
    let parts: Vec<Term> = union(official_parts.to_vec(), &printed_parts)
        .into_iter()
        .map(read)
        .collect();
    if own.count.is_some() && parts.iter().any(|t| t.count.is_none()) {
        return vec![own];
    }
    parts
}

/// The official parts, then the printed parts that are not official.
fn union<'a>(mut official: Vec<&'a str>, printed: &[&'a str]) -> Vec<&'a str> {
    for p in printed {
        if !official.contains(p) {
            official.push(p);
        }
    }
    official
}

/// The official parts of a row or column label in a list of official labels.
fn official_parts<'a>(label: &str, official: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    official
        .filter(|l| parent_label(l) == Some(label))
        .collect()
}

/// Official columns first, then the columns the given rows add, in printed order.
fn columns_of(table: &Table, rows: impl Fn(&str) -> bool) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in applications::COLUMNS {
        out.push(c.label);
    }
    for (label, row) in table.rows() {
        if !rows(label) {
            continue;
        }
        for (c, _) in row.iter() {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

fn push(out: &mut Vec<Identity>, identity: Identity) {
    if identity.terms().any(|t| t.printed) {
        out.push(identity);
    }
}

/// Every identity the report's tables 三 and 四 give.
pub(crate) fn identities(report: &Report) -> Vec<Identity> {
    let mut out = Vec::new();
    let version = report.meta.format;
    if let Some(t) = report.table(TableId::Applications) {
        balance(t, &mut out);
        results_total(version, t, &mut out);
        row_totals(t, &mut out);
        subtotals(version, TableId::Applications, t, &mut out);
    }
    if let Some(t) = report.table(TableId::Reviews) {
        reviews(t, &mut out);
        subtotals(version, TableId::Reviews, t, &mut out);
    }
    out
}

const T3: TableId = TableId::Applications;

fn balance(t: &Table, out: &mut Vec<Identity>) {
    let rows = [NEW, CARRIED_IN, RESULTS_TOTAL, CARRIED_OUT];
    for c in columns_of(t, |r| rows.contains(&r)) {
        let op = |name: &str, row: &str| Operand::single(name, Term::read(t, T3, row, c));
        push(
            out,
            Identity {
                family: Family::Balance,
                subject: format!("表三“{c}”列"),
                anchor: CellKey::new(T3, RESULTS_TOTAL, c),
                lhs: vec![op("第一项", NEW), op("第二项", CARRIED_IN)],
                rhs: vec![
                    op("第三项（七）总计", RESULTS_TOTAL),
                    op("第四项", CARRIED_OUT),
                ],
            },
        );
    }
}

/// The result categories of a version: （一）, （二）, then the categories with
/// sub-rows, in official order.
fn categories(version: FormatVersion) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for row in version.spec().table(T3).rows {
        let Some(rest) = row
            .label
            .strip_prefix(RESULTS)
            .and_then(|r| r.strip_prefix('/'))
        else {
            continue;
        };
        if row.label == RESULTS_TOTAL {
            continue;
        }
        let top = rest.split('/').next().unwrap_or(rest);
        let label = &row.label[..RESULTS.len() + 1 + top.len()];
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out
}

fn results_total(version: FormatVersion, t: &Table, out: &mut Vec<Identity>) {
    let official: Vec<&str> = version
        .spec()
        .table(T3)
        .rows
        .iter()
        .map(|r| r.label)
        .collect();
    let printed: Vec<&str> = t.rows().map(|(l, _)| l).collect();
    let in_results = |r: &str| r.starts_with(RESULTS);
    for c in columns_of(t, in_results) {
        let parts = categories(version)
            .into_iter()
            .map(|cat| Operand {
                name: row_name(cat),
                terms: group_terms(
                    cat,
                    &official_parts(cat, official.iter().copied()),
                    &printed,
                    |row| Term::read(t, T3, row, c),
                ),
            })
            .collect();
        push(
            out,
            Identity {
                family: Family::ResultsTotal,
                subject: format!("表三“{c}”列"),
                anchor: CellKey::new(T3, RESULTS_TOTAL, c),
                lhs: vec![Operand::single(
                    "（七）总计",
                    Term::read(t, T3, RESULTS_TOTAL, c),
                )],
                rhs: parts,
            },
        );
    }
}

fn row_totals(t: &Table, out: &mut Vec<Identity>) {
    let official_columns: Vec<&str> = applications::COLUMNS.iter().map(|c| c.label).collect();
    let organisations = official_parts(ORGANISATIONS, official_columns.iter().copied());
    for (row, cells) in t.rows() {
        if cells.is_empty() {
            continue;
        }
        let printed: Vec<&str> = cells.iter().map(|(c, _)| c).collect();
        let read = |c: &str| Term::read(t, T3, row, c);
        let total = applications::TOTAL_COLUMN;
        push(
            out,
            Identity {
                family: Family::RowTotal,
                subject: format!("表三“{}”行", row_name(row)),
                anchor: CellKey::new(T3, row, total),
                lhs: vec![Operand::single("总计", read(total))],
                rhs: vec![
                    Operand::single("自然人", read(applications::NATURAL_PERSON)),
                    Operand {
                        name: ORGANISATIONS.to_owned(),
                        terms: group_terms(ORGANISATIONS, &organisations, &printed, read),
                    },
                ],
            },
        );
    }
}

fn reviews(t: &Table, out: &mut Vec<Identity>) {
    use xxgk_model::schema::reviews::{COLUMNS, TOTAL_COLUMN};
    let t4 = TableId::Reviews;
    for (row, cells) in t.rows() {
        if cells.is_empty() {
            continue;
        }
        let parts = COLUMNS
            .iter()
            .filter(|c| c.label != TOTAL_COLUMN)
            .map(|c| Operand::single(c.label, Term::read(t, t4, row, c.label)))
            .collect();
        push(
            out,
            Identity {
                family: Family::Reviews,
                subject: format!("表四“{row}”"),
                anchor: CellKey::new(t4, row, TOTAL_COLUMN),
                lhs: vec![Operand::single(
                    "总计",
                    Term::read(t, t4, row, TOTAL_COLUMN),
                )],
                rhs: parts,
            },
        );
    }
}

fn subtotals(version: FormatVersion, id: TableId, t: &Table, out: &mut Vec<Identity>) {
    let spec = version.spec().table(id);
    let official_rows: Vec<&str> = spec.rows.iter().map(|r| r.label).collect();
    let official_columns: Vec<&str> = spec
        .rows
        .first()
        .map(|r| r.columns.iter().map(|c| c.label).collect())
        .unwrap_or_default();
    let printed_rows: Vec<&str> = t.rows().map(|(l, _)| l).collect();
    let table = table_name(id);
    for (row, cells) in t.rows() {
        // Subtotal rows: a printed row with printed sub-rows. The group label of the
        // results is not a subtotal: its parts include （七）总计 itself.
        let sub_rows: Vec<&str> = printed_rows
            .iter()
            .copied()
            .filter(|l| parent_label(l) == Some(row))
            .collect();
        if !sub_rows.is_empty() && row != RESULTS {
            let parts = union(
                official_parts(row, official_rows.iter().copied()),
                &sub_rows,
            );
            for (c, _) in cells.iter() {
                push(
                    out,
                    Identity {
                        family: Family::Subtotal,
                        subject: format!("{table}“{}”小计行“{c}”列", row_name(row)),
                        anchor: CellKey::new(id, row, c),
                        lhs: vec![Operand::single("小计", Term::read(t, id, row, c))],
                        rhs: parts
                            .iter()
                            .map(|p| Operand::single(leaf(p), Term::read(t, id, p, c)))
                            .collect(),
                    },
                );
            }
        }
        // Subtotal columns: a printed column with printed sub-columns in this row.
        let printed_columns: Vec<&str> = cells.iter().map(|(c, _)| c).collect();
        for &column in &printed_columns {
            let sub_columns: Vec<&str> = printed_columns
                .iter()
                .copied()
                .filter(|c| parent_label(c) == Some(column))
                .collect();
            if sub_columns.is_empty() {
                continue;
            }
            let parts = union(
                official_parts(column, official_columns.iter().copied()),
                &sub_columns,
            );
            push(
                out,
                Identity {
                    family: Family::Subtotal,
                    subject: format!("{table}“{}”行“{column}”小计列", row_name(row)),
                    anchor: CellKey::new(id, row, column),
                    lhs: vec![Operand::single("小计", Term::read(t, id, row, column))],
                    rhs: parts
                        .iter()
                        .map(|p| Operand::single(leaf(p), Term::read(t, id, row, p)))
                        .collect(),
                },
            );
        }
    }
}

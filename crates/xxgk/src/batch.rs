//! What a check of many files keeps of each: a line of the overview (agency,
//! year, version, dates, counts), why a file could not be checked, and the
//! tables summed over the reports read. Small values, so that a run over
//! thousands of files keeps these and lets each [`Checked`] go.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use xxgk_import::{ImportError, PdfError};
use xxgk_model::schema::TableId;
use xxgk_model::sum::{convert, exact_add};
use xxgk_model::{
    BodyKind, Cell, CellKey, Decimal, FormatVersion, MoneyUnit, Report, official_keys,
};
use xxgk_rules::{Summary, statutory_deadline};

use crate::{Checked, Checker, Error};

/// One line of the overview of a run: the file, what it was read as, the
/// report's metadata, its publication date and deadline, the counts of its
/// findings, and the tables not read in full.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Overview {
    /// The file's name as given.
    pub file: String,
    /// What it was read as (`text`, `html`, `docx`, `pdf`, `toml`, `json`, `csv`).
    pub input: &'static str,
    /// The issuing body.
    pub agency: String,
    /// The report year.
    pub year: i32,
    /// The kind of body.
    pub kind: BodyKind,
    /// The format version of its tables.
    pub format: FormatVersion,
    /// The publication date the report gives.
    pub published: Option<NaiveDate>,
    /// The last day it should have been published by (the local deadline of the
    /// configuration, else the statutory one).
    pub deadline: Option<NaiveDate>,
    /// The number of findings of each severity.
    pub summary: Summary,
    /// The tables the file prints that were not read in full.
    pub unread: Vec<TableId>,
    /// Last year's report's file, when one was paired with it.
    pub previous: Option<String>,
}

impl Checker {
    /// The overview line of a check made with this checker (the deadline is
    /// this checker's configuration's).
    pub fn overview(&self, checked: &Checked) -> Overview {
        let file = &checked.current;
        let meta = &file.report.meta;
        let day = self
            .configuration()
            .deadlines
            .local(meta.kind)
            .unwrap_or_else(|| statutory_deadline(meta.kind));
        Overview {
            file: file.name.clone(),
            input: file.input_name(),
            agency: meta.agency.clone(),
            year: meta.year,
            kind: meta.kind,
            format: meta.format,
            published: meta.published,
            deadline: meta.year.checked_add(1).and_then(|y| day.in_year(y)),
            summary: checked.findings.summary,
            unread: file.unread.clone(),
            previous: checked.previous.as_ref().map(|p| p.name.clone()),
        }
    }
}

/// Why a file could not be checked, in the few words of a column of the
/// overview; the full message says more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unreadable {
    /// Empty, or nothing but white space.
    Empty,
    /// Read, but not a government information-disclosure annual report.
    NotAReport,
    /// A PDF file without text: a scan.
    ScannedPdf,
    /// Larger than a reader's limit.
    TooLarge,
    /// A Word file that could not be unpacked or read.
    BrokenWord,
    /// A program reading it (pdftotext) ran past its time limit.
    TimedOut,
    /// Not a regular file (a device, a pipe, a directory), or not there.
    NotAFile,
    /// A model file or CSV with an error.
    InvalidModel,
    /// Anything else: the message says what.
    Other,
}

impl Unreadable {
    /// The reason an error gives; `bytes` are the file's (an empty file is
    /// said to be empty whatever the importer made of it).
    pub fn of(err: &Error, bytes: &[u8]) -> Unreadable {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Unreadable::Empty;
        }
        match err {
            Error::Import(e) => match e {
                ImportError::NotAReport(_) => Unreadable::NotAReport,
                ImportError::InvalidModel(_) => Unreadable::InvalidModel,
                ImportError::Unreadable(_)
                    if xxgk_import::sniff(bytes) == xxgk_import::InputKind::Docx =>
                {
                    Unreadable::BrokenWord
                }
                ImportError::Pdf(PdfError::Scanned) => Unreadable::ScannedPdf,
                ImportError::Pdf(PdfError::Timeout { .. }) => Unreadable::TimedOut,
                ImportError::Pdf(PdfError::TooLarge { .. }) => Unreadable::TooLarge,
                _ => Unreadable::Other,
            },
            Error::Previous(e) => Unreadable::of(e, bytes),
            _ => Unreadable::Other,
        }
    }

    /// In Chinese, as the overview's column says it.
    pub fn label(self) -> &'static str {
        match self {
            Unreadable::Empty => "空文件",
            Unreadable::NotAReport => "不是年度报告",
            Unreadable::ScannedPdf => "扫描的 PDF（没有文字）",
            Unreadable::TooLarge => "文件过大",
            Unreadable::BrokenWord => "Word 文件损坏",
            Unreadable::TimedOut => "读取超时",
            Unreadable::NotAFile => "不是普通文件",
            Unreadable::InvalidModel => "模型文件或 CSV 有误",
            Unreadable::Other => "无法读取",
        }
    }

    /// A stable ASCII name (`not-a-report` …) for machine-readable output.
    pub fn as_str(self) -> &'static str {
        match self {
            Unreadable::Empty => "empty",
            Unreadable::NotAReport => "not-a-report",
            Unreadable::ScannedPdf => "scanned-pdf",
            Unreadable::TooLarge => "too-large",
            Unreadable::BrokenWord => "broken-word",
            Unreadable::TimedOut => "timed-out",
            Unreadable::NotAFile => "not-a-file",
            Unreadable::InvalidModel => "invalid-model",
            Unreadable::Other => "unreadable",
        }
    }
}

/// One official cell summed over reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Tally {
    /// The sum of the numbers (money in 万元).
    pub sum: Decimal,
    /// Whether the cell is money (summed in 万元).
    pub money: bool,
    /// The reports that give a number.
    pub numbers: usize,
    /// The reports that leave it blank, give a placeholder, or lack it.
    pub others: usize,
    /// Whether the numbers add up past what a decimal holds (some 7.9 × 10²⁸): a
    /// report that prints an absurd figure. `sum` is then not their sum.
    pub overflowed: bool,
}

impl Tally {
    /// Adds a number (an amount of money in `unit`, converted to 万元).
    fn add(&mut self, value: Decimal, unit: Option<MoneyUnit>) {
        self.numbers += 1;
        let value = match unit {
            Some(unit) => {
                self.money = true;
                convert(value, unit, MoneyUnit::Wan)
            }
            None => Some(value),
        };
        self.add_sum(value);
    }

    fn add_sum(&mut self, value: Option<Decimal>) {
        match value.and_then(|v| exact_add(self.sum, v)) {
            Some(sum) if !self.overflowed => self.sum = sum,
            _ => self.overflowed = true,
        }
    }
}

/// The official cells of the tables summed over reports, per format version:
/// what the 汇总 sheet of a run shows. Blanks are counted apart, never as 0;
/// cells a report adds (local rows) are not summed. Sums are exact, with
/// amounts converted to 万元 as `xxgk sum` converts them
/// ([`xxgk_model::sum::convert`], [`xxgk_model::sum::exact_add`]); a sum past
/// the range of a decimal is marked ([`Tally::overflowed`]), not wrapped or
/// rounded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    reports: BTreeMap<FormatVersion, usize>,
    cells: BTreeMap<FormatVersion, Vec<Tally>>,
}

impl Totals {
    /// No report yet.
    pub fn new() -> Totals {
        Totals::default()
    }

    /// Adds a report's official cells.
    pub fn add(&mut self, report: &Report) {
        let version = report.meta.format;
        let keys = official_keys(version);
        *self.reports.entry(version).or_default() += 1;
        let tallies = self
            .cells
            .entry(version)
            .or_insert_with(|| vec![Tally::default(); keys.len()]);
        for (key, tally) in keys.iter().zip(tallies.iter_mut()) {
            match report.cell(key).and_then(Cell::number) {
                Some(n) => tally.add(n.value, n.unit),
                None => tally.others += 1,
            }
        }
    }

    /// Adds the totals of other reports.
    pub fn merge(&mut self, other: Totals) {
        for (version, n) in other.reports {
            *self.reports.entry(version).or_default() += n;
        }
        for (version, tallies) in other.cells {
            match self.cells.get_mut(&version) {
                Some(mine) => {
                    for (a, b) in mine.iter_mut().zip(tallies) {
                        a.overflowed |= b.overflowed;
                        a.add_sum(Some(b.sum));
                        a.money |= b.money;
                        a.numbers += b.numbers;
                        a.others += b.others;
                    }
                }
                None => {
                    self.cells.insert(version, tallies);
                }
            }
        }
    }

    /// The number of reports added of each version, oldest version first.
    pub fn reports(&self) -> impl Iterator<Item = (FormatVersion, usize)> + '_ {
        self.reports.iter().map(|(v, n)| (*v, *n))
    }

    /// Each official cell of a version with its tally, in key-list order.
    pub fn cells(
        &self,
        version: FormatVersion,
    ) -> impl Iterator<Item = (&'static CellKey, &Tally)> {
        let keys: &'static [CellKey] = official_keys(version);
        keys.iter()
            .zip(self.cells.get(&version).into_iter().flatten())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xxgk_model::Number;

    fn report(agency: &str, cells: &[(&str, Cell)]) -> Report {
        let mut report = Report::blank(agency, 2025, BodyKind::Department).unwrap();
        for (column, cell) in cells {
            let key = CellKey::new(
                TableId::Applications,
                "一、本年新收政府信息公开申请数量",
                *column,
            );
            *report.cell_mut(&key).unwrap() = cell.clone();
        }
        report
    }

    fn tally<'a>(totals: &'a Totals, column: &str) -> &'a Tally {
        totals
            .cells(FormatVersion::V2021)
            .find(|(k, _)| k.row == "一、本年新收政府信息公开申请数量" && k.column == column)
            .map(|(_, t)| t)
            .unwrap()
    }

    #[test]
    fn numbers_are_summed_and_blanks_counted_apart() {
        let mut totals = Totals::new();
        totals.add(&report("甲局", &[("自然人", Cell::int(3))]));
        let mut other = Totals::new();
        other.add(&report("乙局", &[("自然人", Cell::int(4))]));
        other.add(&report("丙局", &[]));
        totals.merge(other);
        let t = tally(&totals, "自然人");
        assert_eq!((t.sum, t.numbers, t.others), (Decimal::from(7), 2, 1));
        assert!(!t.overflowed);
    }

    #[test]
    fn figures_past_a_decimal_are_marked_not_a_panic() {
        let huge: Decimal = "70000000000000000000000000000".parse().unwrap();
        let big = || {
            let n = Number {
                value: huge,
                unit: None,
            };
            report("甲局", &[("自然人", Cell::Number(n))])
        };
        // Within one set of totals, and when the totals of two threads merge.
        let mut totals = Totals::new();
        totals.add(&big());
        totals.add(&big());
        assert!(tally(&totals, "自然人").overflowed);
        let mut a = Totals::new();
        a.add(&big());
        let mut b = Totals::new();
        b.add(&big());
        a.merge(b);
        let t = tally(&a, "自然人");
        assert!(t.overflowed);
        assert_eq!(t.numbers, 2);
    }
}

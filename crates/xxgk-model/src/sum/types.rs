//! What summing takes and gives.

use std::fmt;

use rust_decimal::Decimal;

use crate::{BodyKind, CellKey, FormatVersion, MoneyUnit, Number, Report};

/// What the result is to be: its body, kind and year. Built with
/// [`SumOptions::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SumOptions {
    /// The body the result is the report of (its `[meta] agency`).
    pub agency: String,
    /// The kind of that body; a people's government unless set.
    pub kind: BodyKind,
    /// The year to sum; `None`: the one year every report is of.
    pub year: Option<i32>,
}

impl SumOptions {
    /// Options for a result of `agency`, a people's government, of the reports' year.
    pub fn new(agency: impl Into<String>) -> SumOptions {
        SumOptions {
            agency: agency.into(),
            kind: BodyKind::Government,
            year: None,
        }
    }

    /// The kind of body of the result.
    #[must_use]
    pub fn kind(mut self, kind: BodyKind) -> SumOptions {
        self.kind = kind;
        self
    }

    /// Sums the reports of this year only; those of other years are left out.
    #[must_use]
    pub fn year(mut self, year: i32) -> SumOptions {
        self.year = Some(year);
        self
    }
}

/// A report that was summed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Included {
    /// Its name (the file), as given.
    pub name: String,
    /// Its body, as the report states it.
    pub agency: String,
    /// Its kind of body.
    pub kind: BodyKind,
}

/// A report that was not summed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LeftOut {
    /// Its name (the file), as given.
    pub name: String,
    /// Its body, as the report states it.
    pub agency: String,
    /// Its year, as the report states it (0 when unknown).
    pub year: i32,
    /// Why it was left out.
    pub reason: LeftOutReason,
}

/// Why a report was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LeftOutReason {
    /// The report's year could not be read.
    YearUnknown,
    /// The report's year has no official format (before 2019, or past 9999).
    NoOfficialFormat,
    /// The report is of another year than the one summed.
    OtherYear {
        /// The year summed.
        wanted: i32,
    },
    /// The report's tables follow the other format version than the year's.
    OtherVersion {
        /// The version of the year summed.
        wanted: FormatVersion,
    },
    /// A report of the same body and year was summed already.
    Duplicate {
        /// The name of the report summed for that body.
        of: String,
    },
}

impl fmt::Display for LeftOutReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LeftOutReason::YearUnknown => f.write_str("报告年度不明，无法确定属于哪一年"),
            LeftOutReason::NoOfficialFormat => {
                f.write_str("报告年度不在统一格式适用范围内（2019 年度起才有统一格式），无法与统一格式的表格相加")
            }
            LeftOutReason::OtherYear { wanted } => write!(f, "不是 {wanted} 年度的报告"),
            LeftOutReason::OtherVersion { wanted } => write!(
                f,
                "表格不是该年度应使用的 {wanted} 年格式（{}），行列不同，不能逐项相加",
                wanted.spec().document
            ),
            LeftOutReason::Duplicate { of } => {
                write!(f, "与 {of} 是同一机关同一年度的报告，只计一次")
            }
        }
    }
}

/// Why one report's cell could not be added.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Gap {
    /// The cell is printed blank.
    Blank,
    /// The cell holds placeholder text (`/`, `—`, `无`).
    Placeholder(String),
    /// The report does not print the cell (nor its row, or its table).
    NotPrinted,
    /// The number cannot be one of its column: a negative, fractional or
    /// unit-bearing count, a fractional change, a negative amount.
    Invalid(Number),
    /// A non-zero amount without a unit, under a label that states none.
    UnitMissing(Number),
    /// The amount cannot be converted to the unit of the sum exactly, or the sum
    /// outgrows what a decimal holds exactly.
    OutOfRange(Number),
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gap::Blank => f.write_str("空白"),
            Gap::Placeholder(p) => write!(f, "填的是“{p}”"),
            Gap::NotPrinted => f.write_str("未印出"),
            Gap::Invalid(n) => write!(f, "“{n}”不是该列可能的数"),
            Gap::UnitMissing(n) => write!(f, "金额“{n}”未注明单位"),
            Gap::OutOfRange(n) => write!(f, "“{n}”超出可精确相加的范围"),
        }
    }
}

/// An official cell left blank in the result, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unsummed {
    /// The cell.
    pub key: CellKey,
    /// Each report whose cell could not be added (its index in
    /// [`Summed::reports`]), with the reason.
    pub gaps: Vec<(usize, Gap)>,
}

/// An amount converted to the unit of its sum.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Conversion {
    /// The cell.
    pub key: CellKey,
    /// The report (its index in [`Summed::reports`]).
    pub report: usize,
    /// The amount as printed.
    pub from: Number,
    /// The same amount in the unit of the sum.
    pub to: Decimal,
    /// The unit of the sum.
    pub unit: MoneyUnit,
}

/// The unit an amount cell of the result is summed in, and why that one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnitChoice {
    /// The unit the official column label states.
    Label(MoneyUnit),
    /// The unit most of the amounts print (万元 on a tie or when none prints one).
    Majority {
        /// The unit chosen.
        unit: MoneyUnit,
        /// Amounts printed in 元.
        yuan: usize,
        /// Amounts printed in 万元.
        wan: usize,
    },
}

impl UnitChoice {
    /// The unit chosen.
    pub fn unit(&self) -> MoneyUnit {
        match self {
            UnitChoice::Label(unit) | UnitChoice::Majority { unit, .. } => *unit,
        }
    }
}

/// What a row or column outside the official layout is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApartKind {
    /// A subtotal row over official rows (`（三）不予公开` printed with numbers,
    /// or 2021 `（六）其他处理` printed as one row).
    SubtotalRow,
    /// A subtotal column over official columns (`法人或其他组织`).
    SubtotalColumn,
    /// A row or column the report adds (a local row of table 二, a label of the
    /// other format version, a label the importer could not match).
    Added,
}

impl ApartKind {
    /// The kind in Chinese.
    pub fn label(self) -> &'static str {
        match self {
            ApartKind::SubtotalRow => "小计行",
            ApartKind::SubtotalColumn => "小计列",
            ApartKind::Added => "统一格式之外的行或列",
        }
    }
}

/// A cell outside the official layout, summed apart from the official cells.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Apart {
    /// The cell, under the labels the reports print.
    pub key: CellKey,
    /// What it is.
    pub kind: ApartKind,
    /// The reports that print it (indices in [`Summed::reports`]).
    pub reports: Vec<usize>,
    /// The sum over those reports, where each holds a number, all in one unit
    /// (or none); `None` otherwise.
    pub total: Option<Number>,
}

/// The result of summing (see [`crate::sum`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summed {
    /// The report: metadata of the options, official headings, the official
    /// tables holding the sums (blank where a sum could not be made), no text.
    pub report: Report,
    /// The reports summed, in the order given.
    pub reports: Vec<Included>,
    /// The reports left out, in the order given.
    pub left_out: Vec<LeftOut>,
    /// The official cells left blank, in the order of the cell keys.
    pub unsummed: Vec<Unsummed>,
    /// The amounts converted to the unit of their sum.
    pub conversions: Vec<Conversion>,
    /// The unit of each amount cell of the result that holds a sum.
    pub units: Vec<(CellKey, UnitChoice)>,
    /// The cells outside the official layout, in the order first printed.
    pub apart: Vec<Apart>,
}

/// Why there is no sum.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SumError {
    /// The reports are of several years and no year was given: each year with the
    /// names of its reports.
    #[error("{}", several_years(.0))]
    SeveralYears(Vec<(i32, Vec<String>)>),
    /// No report could be summed: what was given and why each was left out.
    #[error("没有可以汇总的报告")]
    NothingSummed(Vec<LeftOut>),
}

fn several_years(years: &[(i32, Vec<String>)]) -> String {
    let parts: Vec<String> = years
        .iter()
        .map(|(year, names)| {
            let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
            let more = if names.len() > shown.len() {
                " 等"
            } else {
                ""
            };
            format!(
                "{year} 年度 {} 份（{}{more}）",
                names.len(),
                shown.join("、")
            )
        })
        .collect();
    format!(
        "报告不是同一年度的：{}；只能汇总同一年度的报告，请指定要汇总的年度",
        parts.join("，")
    )
}

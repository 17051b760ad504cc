//! Publication deadlines: the statutory ones (条例第四十九条) and the local ones a
//! configuration may set earlier.

use std::fmt;

use chrono::NaiveDate;
use xxgk_model::BodyKind;

/// A day of the year following the report year (`01-25` for 25 January).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDay {
    month: u32,
    day: u32,
}

impl MonthDay {
    /// A day of a non-leap year, if it exists (29 February does not: a deadline
    /// must exist every year).
    pub fn new(month: u32, day: u32) -> Option<MonthDay> {
        NaiveDate::from_ymd_opt(2025, month, day).map(|_| MonthDay { month, day })
    }

    /// Month, 1 to 12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// Day of the month.
    pub fn day(self) -> u32 {
        self.day
    }

    /// The date in a year.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

impl fmt::Display for MonthDay {
    /// `1月31日`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}月{}日", self.month, self.day)
    }
}

/// 条例第四十九条: departments publish by 31 January.
const DEPARTMENT_DEADLINE: MonthDay = MonthDay { month: 1, day: 31 };
/// 条例第四十九条: governments publish by 31 March. Also used for other bodies,
/// which the article does not name: of the two statutory dates the later one, so
/// that no report is called late on a date the regulation does not set.
const GOVERNMENT_DEADLINE: MonthDay = MonthDay { month: 3, day: 31 };

/// The statutory deadline of a kind of body (day of the year after the report year).
pub fn statutory_deadline(kind: BodyKind) -> MonthDay {
    match kind {
        BodyKind::Department => DEPARTMENT_DEADLINE,
        BodyKind::Government | BodyKind::Other => GOVERNMENT_DEADLINE,
    }
}

/// Local publication deadlines, per kind of body, where they are earlier than the
/// regulation's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Deadlines {
    /// Local deadline for departments (政府部门).
    pub department: Option<MonthDay>,
    /// Local deadline for governments (人民政府).
    pub government: Option<MonthDay>,
    /// Local deadline for other bodies.
    pub other: Option<MonthDay>,
}

impl Deadlines {
    /// The configured local deadline of a kind of body.
    pub fn local(&self, kind: BodyKind) -> Option<MonthDay> {
        match kind {
            BodyKind::Department => self.department,
            BodyKind::Government => self.government,
            BodyKind::Other => self.other,
        }
    }
}

//! Cross-year checks against last year's report of the same body:
//! plausibility rules, warnings, run only when a previous report is given.

pub(crate) mod carry_over_mismatch;
pub(crate) mod document_stock_mismatch;
pub(crate) mod item_count_mismatch;
pub(crate) mod previous_other_body;
pub(crate) mod previous_year_mismatch;

use xxgk_model::{CellKey, Report};

use crate::context::Context;
use crate::labels::count;

/// Last year's report, if one was given, it is of the same body
/// ([`previous_other_body`] says when not) and for the year before.
pub(crate) fn previous<'a>(report: &Report, cx: &Context<'a>) -> Option<&'a Report> {
    cx.previous.filter(|p| {
        report.meta.year.checked_sub(1) == Some(p.meta.year)
            && previous_other_body::same_body(report, p)
    })
}

/// A count cell as a signed number, for differences.
pub(crate) fn signed(report: &Report, key: &CellKey) -> Option<i128> {
    if let Some(c) = count(report.cell(key)) {
        return Some(i128::from(c));
    }
    // A 本年增/减 cell may be negative.
    let n = report.cell(key)?.number()?;
    if n.unit.is_some() || !n.value.fract().is_zero() {
        return None;
    }
    i128::try_from(n.value).ok()
}

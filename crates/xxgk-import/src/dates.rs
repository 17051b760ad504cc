//! Dates as reports and pages print them: `2024年1月17日`, `2020-01-31`,
//! `2020/1/31`, `2020.1.31`, with full-width digits and spaces anywhere.

use chrono::NaiveDate;

use crate::normalize::{fold_width, is_space};

/// The text with full-width characters folded and spaces removed, for scanning.
pub(crate) fn compact(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| !is_space(*c))
        .map(fold_width)
        .collect()
}

fn number(chars: &[char], i: &mut usize, max: usize) -> Option<u32> {
    let start = *i;
    while *i < chars.len() && chars[*i].is_ascii_digit() && *i - start < max {
        *i += 1;
    }
    if *i == start {
        return None;
    }
    chars[start..*i].iter().collect::<String>().parse().ok()
}

/// A date at `i` of compact text: `2024年1月17日`, `2020-01-31`, `2020/1/31`,
/// `2020.1.31`; or with `year` given, `12月31日`. Returns the date and the index
/// after it.
pub(crate) fn date_at(chars: &[char], at: usize, year: Option<i32>) -> Option<(NaiveDate, usize)> {
    let mut i = at;
    let y = if let Some(y) = year.filter(|_| {
        // A month-day form only where no four-digit year starts here.
        chars[at..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
            < 4
    }) {
        y
    } else {
        let y = number(chars, &mut i, 4)?;
        if i - at != 4 {
            return None;
        }
        match chars.get(i) {
            Some('年' | '-' | '/' | '.') => i += 1,
            _ => return None,
        }
        i32::try_from(y).ok()?
    };
    let m = number(chars, &mut i, 2)?;
    match chars.get(i) {
        Some('月' | '-' | '/' | '.') => i += 1,
        _ => return None,
    }
    let d = number(chars, &mut i, 2)?;
    if chars.get(i) == Some(&'日') || chars.get(i) == Some(&'号') {
        i += 1;
    }
    Some((NaiveDate::from_ymd_opt(y, m, d)?, i))
}

/// The first date in a text.
pub(crate) fn first_date(text: &str) -> Option<NaiveDate> {
    let chars = compact(text);
    (0..chars.len()).find_map(|i| date_at(&chars, i, None).map(|(d, _)| d))
}

/// Whether a line is nothing but a date (the date under a signature).
pub(crate) fn date_line(text: &str) -> Option<NaiveDate> {
    let chars = compact(text);
    let (d, end) = date_at(&chars, 0, None)?;
    (end == chars.len()).then_some(d)
}

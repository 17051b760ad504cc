//! Dates as reports and pages print them: `2024年1月17日`, `2020-01-31`,
//! `2020/1/31`, `2020.1.31`, with full-width digits and spaces anywhere, and
//! written in Chinese numerals as under some signatures: `二〇二四年一月十七日`.

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

/// The value of a Chinese digit as years are written digit by digit (`二〇二四`,
/// `二零二四`, `二○二四`, and the letter O that some typists put for 〇).
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'O' | 'Ｏ' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A year at `at`: four digits, Arabic (`2024`) or Chinese written digit by digit
/// (`二〇二四`), not part of a longer run of digits. Returns the year and the
/// index after it.
pub(crate) fn year_at(chars: &[char], at: usize) -> Option<(i32, usize)> {
    let arabic = |c: &char| c.is_ascii_digit();
    let chinese = |c: &char| c.is_ascii_digit() || cn_digit(*c).is_some();
    for digit in [&arabic as &dyn Fn(&char) -> bool, &chinese] {
        if at > 0 && digit(&chars[at - 1]) {
            continue;
        }
        let run = chars[at..].iter().take_while(|c| digit(c)).count();
        if run != 4 {
            continue;
        }
        let mut y = 0u32;
        for c in &chars[at..at + 4] {
            y = y * 10 + c.to_digit(10).or_else(|| cn_digit(*c))?;
        }
        // A Chinese year is a year of this era, not four numerals in a row of prose.
        if !(1949..=2199).contains(&y) {
            continue;
        }
        return Some((i32::try_from(y).ok()?, at + 4));
    }
    None
}

/// A month or day in Chinese numerals at `i` (`一` to `三十一`: `十`, `十二`,
/// `二十`, `二十九`).
fn cn_number(chars: &[char], i: &mut usize) -> Option<u32> {
    let unit = |c: Option<&char>| c.and_then(|c| cn_digit(*c)).filter(|d| *d > 0);
    let start = *i;
    let mut value = unit(chars.get(*i));
    if value.is_some() {
        *i += 1;
    }
    if chars.get(*i) == Some(&'十') {
        *i += 1;
        let tens = value.unwrap_or(1);
        let ones = unit(chars.get(*i));
        if ones.is_some() {
            *i += 1;
        }
        value = Some(tens * 10 + ones.unwrap_or(0));
    }
    if value.is_none() {
        *i = start;
    }
    value
}

/// A date at `i` of compact text: `2024年1月17日`, `2020-01-31`, `2020/1/31`,
/// `2020.1.31`; or with `year` given, `12月31日`. Returns the date and the index
/// after it.
pub(crate) fn date_at(chars: &[char], at: usize, year: Option<i32>) -> Option<(NaiveDate, usize)> {
    if at >= chars.len() {
        return None;
    }
    let mut i = at;
    let y = if let Some(y) = year.filter(|_| year_at(chars, at).is_none()) {
        // A month-day form only where no year starts here.
        y
    } else {
        let (y, after) = year_at(chars, at)?;
        i = after;
        let arabic = chars[at].is_ascii_digit();
        match chars.get(i) {
            Some('年') => i += 1,
            Some('-' | '/' | '.') if arabic => i += 1,
            _ => return None,
        }
        y
    };
    // Chinese numerals for the month and day go with `月` and `日` only.
    let chinese = !chars.get(i).is_some_and(char::is_ascii_digit);
    let m = if chinese {
        cn_number(chars, &mut i)?
    } else {
        number(chars, &mut i, 2)?
    };
    match chars.get(i) {
        Some('月') => i += 1,
        Some('-' | '/' | '.') if !chinese => i += 1,
        _ => return None,
    }
    let d = if chinese {
        cn_number(chars, &mut i)?
    } else {
        number(chars, &mut i, 2)?
    };
    match chars.get(i) {
        Some('日' | '号') => i += 1,
        _ if chinese => return None,
        _ => {}
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

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<NaiveDate> {
        first_date(text)
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_chinese_numerals() {
        let cases = [
            ("二〇二四年一月十七日", d(2024, 1, 17)),
            ("二○二四年十二月三十一日", d(2024, 12, 31)),
            ("二零二五年三月二十日", d(2025, 3, 20)),
            ("二O二三年二月十日", d(2023, 2, 10)),
            ("二〇二〇年十月一日", d(2020, 10, 1)),
            ("2024年一月九日", d(2024, 1, 9)),
            ("落款：二〇二四年一月二十九日印发", d(2024, 1, 29)),
        ];
        for (text, want) in cases {
            assert_eq!(date(text), want, "{text}");
        }
    }

    #[test]
    fn what_is_not_a_date_in_chinese_numerals() {
        for text in [
            // No day, an impossible day, a year out of this era, numerals in prose.
            "二〇二四年一月",
            "二〇二四年二月三十日",
            "一二三四年一月一日",
            "一二三四五年一月一日",
            "第二〇二四号",
            // Chinese month and day are written with 月 and 日, never with dashes.
            "二〇二四-一-十七",
        ] {
            assert_eq!(date(text), None, "{text}");
        }
    }

    #[test]
    fn arabic_dates_keep_their_forms() {
        assert_eq!(date("2020-01-31"), d(2020, 1, 31));
        assert_eq!(date("2020/1/31"), d(2020, 1, 31));
        assert_eq!(date("2020.1.31"), d(2020, 1, 31));
        assert_eq!(date("２０２４年１月１７日"), d(2024, 1, 17));
        assert_eq!(date("12020-01-31"), None);
        let chars = compact("十二月三十一日");
        assert_eq!(
            date_at(&chars, 0, Some(2024)).map(|(d, _)| d),
            d(2024, 12, 31)
        );
        let chars = compact("12月31日");
        assert_eq!(
            date_at(&chars, 0, Some(2024)).map(|(d, _)| d),
            d(2024, 12, 31)
        );
    }

    #[test]
    fn years_digit_by_digit() {
        let chars = compact("二〇二四年度");
        assert_eq!(year_at(&chars, 0), Some((2024, 4)));
        let chars = compact("2019年");
        assert_eq!(year_at(&chars, 0), Some((2019, 4)));
        // Part of a longer run of digits.
        let chars = compact("120194");
        assert_eq!(year_at(&chars, 1), None);
    }
}

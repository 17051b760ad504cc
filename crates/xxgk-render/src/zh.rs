//! Chinese formatting helpers: numerals and the numbering of official documents
//! (一、 （一） 1.), dates as `2026年1月20日`, and cell values printed exactly.
//!
//! These compose text the renderer writes itself (a title the report lacks, document
//! properties, table names); the report's own words are never passed through them.

use chrono::{Datelike, NaiveDate};
use xxgk_model::{Cell, Number, Period};

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const UNITS: [&str; 4] = ["", "十", "百", "千"];

/// The Chinese numeral of `n` as headings and numbered items write it: `一`, `十`,
/// `十一`, `二十`, `一百零五`, `一千零一十`, `一万二千`. A leading 一十 is written 十
/// (`十二`, `十万`), as official documents do; inside a number the 一 stays
/// (`一百一十`).
///
/// ```
/// use xxgk_render::zh::numeral;
/// assert_eq!(numeral(6), "六");
/// assert_eq!(numeral(11), "十一");
/// assert_eq!(numeral(20), "二十");
/// assert_eq!(numeral(105), "一百零五");
/// ```
pub fn numeral(n: u32) -> String {
    if n == 0 {
        return DIGITS[0].to_owned();
    }
    let mut out = String::new();
    let groups = [
        (n / 100_000_000, "亿"),
        (n / 10_000 % 10_000, "万"),
        (n % 10_000, ""),
    ];
    let mut pending_zero = false;
    for (value, unit) in groups {
        if value == 0 {
            // A zero group between non-zero groups reads as one 零.
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero || (!out.is_empty() && value < 1000) {
            out.push_str(DIGITS[0]);
        }
        out.push_str(&below_ten_thousand(value));
        out.push_str(unit);
        pending_zero = false;
    }
    // 十, 十二, 十万: a leading 一十 is read and written as 十.
    if out.starts_with("一十") {
        out.drain(..DIGITS[1].len());
    }
    out
}

/// 1..=9999 with 零 for inner gaps (`一千零一十`), no leading or trailing 零.
fn below_ten_thousand(n: u32) -> String {
    let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (i, d) in digits.into_iter().enumerate() {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push_str(DIGITS[0]);
            zero = false;
        }
        out.push_str(DIGITS[d as usize]);
        out.push_str(UNITS[3 - i]);
    }
    out
}

/// The first level of numbering: `一、`.
pub fn level1(n: u32) -> String {
    format!("{}、", numeral(n))
}

/// The second level of numbering: `（一）` with full-width parentheses.
pub fn level2(n: u32) -> String {
    format!("（{}）", numeral(n))
}

/// The third level of numbering: `1.` with an ASCII digit and full stop, as the
/// official tables write `1.属于国家秘密`.
pub fn level3(n: u32) -> String {
    format!("{n}.")
}

/// A date as official documents write it: `2026年1月20日` (no leading zeros).
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2026, 1, 20).unwrap();
/// assert_eq!(xxgk_render::zh::date(d), "2026年1月20日");
/// ```
pub fn date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// A statistical period: `2025年1月1日至2025年12月31日`.
pub fn period(p: &Period) -> String {
    format!("{}至{}", date(p.start), date(p.end))
}

/// A number exactly as held: the decimal with its printed scale (`96171.60` keeps its
/// trailing zero), a minus sign where negative, and the unit printed in the cell
/// (`34.5万元`). Never passes through floating point.
///
/// ```
/// use xxgk_model::Cell;
/// let cell: Cell = "96171.60".parse().unwrap();
/// assert_eq!(xxgk_render::zh::number(cell.number().unwrap()), "96171.60");
/// ```
pub fn number(n: &Number) -> String {
    let mut out = n.value.to_string();
    if let Some(unit) = n.unit {
        out.push_str(unit.as_str());
    }
    out
}

/// A cell as it prints: empty for a blank, the number exactly (see [`number`]), the
/// placeholder text as published.
pub fn cell(c: &Cell) -> String {
    match c {
        Cell::Blank => String::new(),
        Cell::Number(n) => number(n),
        Cell::Placeholder(p) => p.clone(),
    }
}

/// The title a report carries when the model holds none:
/// `<机关><年>年政府信息公开工作年度报告`, the customary form.
pub fn default_title(agency: &str, year: i32) -> String {
    format!("{agency}{year}年政府信息公开工作年度报告")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use xxgk_model::MoneyUnit;

    #[test]
    fn numerals_as_documents_write_them() {
        let cases = [
            (0, "零"),
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (111, "一百一十一"),
            (1000, "一千"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (2025, "二千零二十五"),
            (10_000, "一万"),
            (10_001, "一万零一"),
            (12_000, "一万二千"),
            (100_100, "十万零一百"),
            (100_000_000, "一亿"),
            (100_000_001, "一亿零一"),
        ];
        for (n, want) in cases {
            assert_eq!(numeral(n), want, "{n}");
        }
    }

    #[test]
    fn numbering_levels() {
        assert_eq!(level1(6), "六、");
        assert_eq!(level2(3), "（三）");
        assert_eq!(level2(12), "（十二）");
        assert_eq!(level3(8), "8.");
    }

    #[test]
    fn dates_and_periods_without_leading_zeros() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date(d(2026, 3, 4)), "2026年3月4日");
        assert_eq!(
            period(&Period {
                start: d(2025, 1, 1),
                end: d(2025, 12, 31)
            }),
            "2025年1月1日至2025年12月31日"
        );
    }

    #[test]
    fn numbers_keep_scale_sign_and_unit() {
        let n = |m, s, unit| Number {
            value: Decimal::new(m, s),
            unit,
        };
        assert_eq!(number(&n(9_617_160, 2, None)), "96171.60");
        assert_eq!(number(&n(345, 1, Some(MoneyUnit::Wan))), "34.5万元");
        assert_eq!(number(&n(251_000, 0, Some(MoneyUnit::Yuan))), "251000元");
        assert_eq!(number(&n(-1, 0, None)), "-1");
        assert_eq!(number(&n(0, 2, None)), "0.00");
        assert_eq!(cell(&Cell::Blank), "");
        assert_eq!(cell(&Cell::Placeholder("—".into())), "—");
    }

    proptest! {
        /// Every numeral is made of numeral characters only and never starts or ends
        /// with 零 (except zero itself).
        #[test]
        fn numerals_are_well_formed(n in 1u32..1_000_000_000) {
            let s = numeral(n);
            prop_assert!(s.chars().all(|c| "零一二三四五六七八九十百千万亿".contains(c)), "{}", s);
            prop_assert!(!s.starts_with('零') && !s.ends_with('零'), "{}", s);
            prop_assert!(!s.contains("零零"), "{}", s);
        }

        /// A cell's printed text is the model's own text form, so nothing is
        /// reformatted on the way to the page.
        #[test]
        fn cell_text_is_the_model_text(c in xxgk_model::strategy::cell()) {
            prop_assert_eq!(cell(&c), c.to_text());
        }

        /// Printing a number and reading it back gives the same number, scale and unit.
        #[test]
        fn numbers_read_back_exactly(m in any::<i64>(), s in 0u32..6, wan in any::<bool>()) {
            let n = Number { value: Decimal::new(m, s), unit: wan.then_some(MoneyUnit::Wan) };
            let back: Cell = number(&n).parse().unwrap();
            prop_assert_eq!(back, Cell::Number(n));
        }
    }
}

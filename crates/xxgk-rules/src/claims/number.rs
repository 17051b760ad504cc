//! Figures written in report text: a number with its counting unit (`75件`,
//! `１２ 条`, `三十五件`, `两百零三件`, `1.2万条`, `5500余条`, `近 690 条`,
//! `12345.6万元`) or a percentage (`12.25%`, `百分之三十`).

use rust_decimal::Decimal;
use xxgk_model::chars::digit_value;

/// How a figure is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Approx {
    /// As written.
    Exact,
    /// A lower bound: `80余件`, `80多件`, `80件以上`, `超过80件`.
    AtLeast,
    /// Strictly more, without a sensible upper bound: `超过`, `逾`, `以上`.
    MoreThan,
    /// An upper bound near the figure: `近80件`, `不到80件`.
    AtMost,
    /// Around the figure: `约80件`, `80件左右`.
    About,
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// 件, 个, 起, 宗, 例, 份, 部, 项: pieces, as the tables count.
    Piece,
    /// 条.
    Entry,
    /// 次.
    Times,
    /// 人次.
    PersonTimes,
    /// 人.
    Person,
    /// 元 (after 万 or 亿: the value is in 元 all the same).
    Yuan,
    /// %.
    Percent,
    /// Any other counting unit (篇, 期, 家, 场, 批).
    Other,
}

/// A figure in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Figure {
    /// Byte offset where the figure starts (with an approximating word before it).
    pub(crate) start: usize,
    /// Byte offset just after its unit (and an approximating word after it).
    pub(crate) end: usize,
    /// The value, multiplied out (`1.2万` is 12000); in 元 for money, in percent for
    /// percentages.
    pub(crate) value: Decimal,
    /// The smallest step the figure is written to (1 for `75`, 1000 for `1.2万`,
    /// 0.01 for `12.25%`): a figure rounded to it may differ by half of it.
    pub(crate) step: Decimal,
    /// How it is qualified.
    pub(crate) approx: Approx,
    pub(crate) unit: Unit,
    /// The unit as written (`件`, `人次`, `万元`).
    pub(crate) unit_text: String,
    /// Inside brackets (a breakdown of something else, for the 共…其中… check).
    pub(crate) bracketed: bool,
    /// Inside 《》 (a title, not a statement).
    pub(crate) titled: bool,
}

impl Figure {
    /// The figure as written in the text.
    pub(crate) fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the figure is written as an exact whole count.
    pub(crate) fn is_exact(&self) -> bool {
        self.approx == Approx::Exact && self.step <= Decimal::ONE
    }
}

/// Counting units, longest first.
const UNITS: &[(&str, Unit)] = &[
    ("人次", Unit::PersonTimes),
    ("件", Unit::Piece),
    ("个", Unit::Piece),
    ("起", Unit::Piece),
    ("宗", Unit::Piece),
    ("例", Unit::Piece),
    ("份", Unit::Piece),
    ("部", Unit::Piece),
    ("项", Unit::Piece),
    ("条", Unit::Entry),
    ("次", Unit::Times),
    ("人", Unit::Person),
    ("元", Unit::Yuan),
    ("篇", Unit::Other),
    ("期", Unit::Other),
    ("家", Unit::Other),
    ("场", Unit::Other),
    ("批", Unit::Other),
    ("%", Unit::Percent),
    ("％", Unit::Percent),
];

/// Words before a figure that qualify it, longest first.
const BEFORE: &[(&str, Approx)] = &[
    ("不少于", Approx::AtLeast),
    ("不超过", Approx::AtMost),
    ("将近", Approx::AtMost),
    ("接近", Approx::AtMost),
    ("不足", Approx::AtMost),
    ("不到", Approx::AtMost),
    ("大约", Approx::About),
    ("超过", Approx::MoreThan),
    ("至少", Approx::AtLeast),
    ("近", Approx::AtMost),
    ("约", Approx::About),
    ("逾", Approx::MoreThan),
];

/// Words after a figure's unit that qualify it.
const AFTER: &[(&str, Approx)] = &[
    ("以上", Approx::MoreThan),
    ("以下", Approx::AtMost),
    ("以内", Approx::AtMost),
    ("左右", Approx::About),
    ("上下", Approx::About),
    ("多", Approx::AtLeast),
];

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
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

fn chinese_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some() || matches!(c, '万' | '亿')
}

/// A Chinese numeral (`三十五`, `两百零三`, `一千二百`, `十`, `三万五千`, `二〇二三`):
/// its value, or `None` when the characters do not make a number.
pub(crate) fn chinese_value(s: &str) -> Option<u64> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return None;
    }
    // Digit by digit (二〇二三): only with a zero written as 〇 or 零 among them;
    // 三五 is no number.
    if chars.iter().all(|c| chinese_digit(*c).is_some()) {
        if chars.len() > 1 && !chars.iter().any(|c| matches!(c, '〇' | '零')) {
            return None;
        }
        if chars.len() == 1 {
            return chinese_digit(chars[0]).map(u64::from);
        }
        let mut v: u64 = 0;
        for c in &chars {
            v = v
                .checked_mul(10)?
                .checked_add(u64::from(chinese_digit(*c)?))?;
        }
        return Some(v);
    }
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    for c in chars {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() && d != 0 {
                // Two digits in a row without a unit (三五) is not a number here.
                return None;
            }
            digit = Some(u64::from(d)).filter(|d| *d != 0).or(digit);
        } else if let Some(u) = chinese_unit(c) {
            section = section.checked_add(digit.unwrap_or(1).checked_mul(u)?)?;
            digit = None;
        } else if c == '万' || c == '亿' {
            let big = if c == '万' { 10_000 } else { 100_000_000 };
            section = section.checked_add(digit.take().unwrap_or(0))?;
            if section == 0 {
                return None;
            }
            total = total.checked_add(section.checked_mul(big)?)?;
            section = 0;
        } else {
            return None;
        }
    }
    total.checked_add(section)?.checked_add(digit.unwrap_or(0))
}

/// Every figure in `text`, in order.
pub(crate) fn figures(text: &str) -> Vec<Figure> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let offset = |i: usize| chars.get(i).map_or(text.len(), |(o, _)| *o);
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut titled = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '《' => titled += 1,
            '》' => titled = titled.saturating_sub(1),
            _ => {}
        }
        let starts_number = digit_value(c).is_some()
            || (is_chinese_numeral(c) && !matches!(c, '万' | '亿' | '千' | '百'));
        let prev = i.checked_sub(1).and_then(at);
        let glued = prev.is_some_and(|p| {
            digit_value(p).is_some()
                || p.is_ascii_alphabetic()
                || matches!(p, '.' | '．' | '第' | '-' | '/' | '－')
                || (is_chinese_numeral(p) && chinese_digit(c).is_some())
        });
        if !starts_number || glued {
            i += 1;
            continue;
        }
        if let Some((mut figure, next)) = read_figure(text, &chars, i) {
            // An approximating word just before the number.
            let before = text[..offset(i)].trim_end_matches(' ');
            if let Some((w, a)) = BEFORE.iter().find(|(w, _)| before.ends_with(w)) {
                figure.start = before.len() - w.len();
                if figure.approx == Approx::Exact {
                    figure.approx = *a;
                }
            }
            figure.bracketed = depth > 0;
            figure.titled = titled > 0;
            out.push(figure);
            // A figure holds no bracket: the scan resumes after it.
            i = next;
            continue;
        }
        // Skip the rest of this run of digits or numerals.
        let ascii = digit_value(c).is_some();
        i += 1;
        while let Some(n) = at(i) {
            let same = if ascii {
                digit_value(n).is_some() || matches!(n, '.' | '．' | ',')
            } else {
                is_chinese_numeral(n)
            };
            if !same {
                break;
            }
            i += 1;
        }
    }
    out
}

/// Reads the number starting at char index `i` (digits with a decimal point and
/// thousands separators, or a Chinese numeral): its value, the number of decimals
/// written, and the char index after it.
fn read_number(chars: &[(usize, char)], i: usize) -> Option<(Decimal, u32, usize)> {
    let at = |j: usize| chars.get(j).map(|(_, c)| *c);
    let mut j = i;
    if digit_value(chars.get(i)?.1).is_none() {
        while at(j).is_some_and(is_chinese_numeral) {
            j += 1;
        }
        let s: String = chars[i..j].iter().map(|(_, c)| *c).collect();
        // A lone 零 (零件 is a component) is no figure.
        if s == "零" || s == "〇" {
            return None;
        }
        return Some((Decimal::from(chinese_value(&s)?), 0, j));
    }
    let mut digits = String::new();
    let mut decimals = 0u32;
    let mut seen_point = false;
    while let Some(c) = at(j) {
        if let Some(d) = digit_value(c) {
            digits.push(char::from_digit(d, 10)?);
            if seen_point {
                decimals += 1;
            }
        } else if matches!(c, '.' | '．')
            && !seen_point
            && at(j + 1).and_then(digit_value).is_some()
        {
            seen_point = true;
        } else if c == ','
            && !seen_point
            && (1..=3).all(|k| at(j + k).and_then(digit_value).is_some())
            && at(j + 4).and_then(digit_value).is_none()
        {
            // A thousands separator: exactly three digits follow.
        } else {
            break;
        }
        j += 1;
    }
    if digits.len() > 20 {
        return None;
    }
    let whole: i128 = digits.parse().ok()?;
    Some((
        Decimal::try_from_i128_with_scale(whole, decimals).ok()?,
        decimals,
        j,
    ))
}

/// Reads one figure starting at char index `i`: the figure and the char index after it.
fn read_figure(text: &str, chars: &[(usize, char)], i: usize) -> Option<(Figure, usize)> {
    let at = |j: usize| chars.get(j).map(|(_, c)| *c);
    let offset = |j: usize| chars.get(j).map_or(text.len(), |(o, _)| *o);
    let (mut value, scale, mut j) = read_number(chars, i)?;
    let mut approx = Approx::Exact;
    let mut step = Decimal::new(1, scale);
    // 80余万, 80万余, 1.2万.
    if matches!(at(j), Some('余' | '多')) && matches!(at(j + 1), Some('万' | '亿')) {
        approx = Approx::AtLeast;
        j += 1;
    }
    let mut multiplier = "";
    if let Some(c @ ('万' | '亿')) = at(j) {
        let (factor, written) = if c == '万' {
            (Decimal::from(10_000), "万")
        } else {
            (Decimal::from(100_000_000), "亿")
        };
        value = value.checked_mul(factor)?;
        step = step.checked_mul(factor)?;
        multiplier = written;
        j += 1;
    }
    if matches!(at(j), Some('余' | '多')) {
        approx = Approx::AtLeast;
        j += 1;
    }
    while at(j) == Some(' ') {
        j += 1;
    }
    let rest = &text[offset(j)..];
    let (word, unit) = UNITS.iter().find(|(w, _)| rest.starts_with(w))?;
    // 3.5个百分点 is a change, not a count.
    if rest[word.len()..].starts_with("百分点") {
        return None;
    }
    let mut end = offset(j) + word.len();
    let unit_text = if *unit == Unit::Yuan {
        format!("{multiplier}元")
    } else {
        (*word).to_owned()
    };
    let after = &text[end..];
    if let Some((w, a)) = AFTER.iter().find(|(w, _)| after.starts_with(w)) {
        // 多 after the unit (80件多) qualifies it; 以上/以下 may also start a new
        // phrase (以上数据), but as a qualifier they are common enough to take.
        if approx == Approx::Exact {
            approx = *a;
        }
        end += w.len();
    }
    let next = chars.partition_point(|(o, _)| *o < end);
    Some((
        Figure {
            start: offset(i),
            end,
            value,
            step,
            approx,
            unit: *unit,
            unit_text,
            bracketed: false,
            titled: false,
        },
        next,
    ))
}

/// `百分之三十` and `百分之12.5`: percentages written out, as figures.
pub(crate) fn written_percentages(text: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("百分之") {
        let start = at + "百分之".len();
        let rest = &text[start..];
        let numeral: String = rest
            .chars()
            .take_while(|c| chinese_digit(*c).is_some() || chinese_unit(*c).is_some())
            .collect();
        if let Some(v) = chinese_value(&numeral).filter(|_| !numeral.is_empty()) {
            out.push(Figure {
                start: at,
                end: start + numeral.len(),
                value: Decimal::from(v),
                step: Decimal::ONE,
                approx: Approx::Exact,
                unit: Unit::Percent,
                unit_text: "%".to_owned(),
                bracketed: false,
                titled: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, &'static str, String)> {
        let mut out = Vec::new();
        for f in figures(text) {
            let unit = match f.unit {
                Unit::Piece => "piece",
                Unit::Entry => "entry",
                Unit::Times => "times",
                Unit::PersonTimes => "person-times",
                Unit::Person => "person",
                Unit::Yuan => "yuan",
                Unit::Percent => "percent",
                Unit::Other => "other",
            };
            let approx = match f.approx {
                Approx::Exact => "",
                Approx::AtLeast => "≥",
                Approx::MoreThan => ">",
                Approx::AtMost => "≤",
                Approx::About => "~",
            };
            out.push((
                format!("{approx}{}", f.value.normalize()),
                unit,
                f.text(text).to_owned(),
            ));
        }
        out
    }

    #[test]
    fn arabic_and_full_width_digits_with_their_units() {
        assert_eq!(
            read("共收到申请75件，其中自然人７４ 件、法人1件"),
            [
                ("75".into(), "piece", "75件".into()),
                ("74".into(), "piece", "７４ 件".into()),
                ("1".into(), "piece", "1件".into())
            ]
        );
        assert_eq!(
            read("处罚决定3,985,758件"),
            [("3985758".into(), "piece", "3,985,758件".into())]
        );
    }

    #[test]
    fn chinese_numerals() {
        for (text, v) in [
            ("三十五件", 35),
            ("两百零三件", 203),
            ("一千二百件", 1200),
            ("十件", 10),
            ("十二件", 12),
            ("三万五千条", 35_000),
            ("一百一十件", 110),
        ] {
            let f = figures(text);
            assert_eq!(f.len(), 1, "{text}");
            assert_eq!(f[0].value, Decimal::from(v), "{text}");
        }
        assert_eq!(chinese_value("二〇二三"), Some(2023));
        assert_eq!(chinese_value("三五"), None);
        // Words that hold a numeral but no figure.
        for text in [
            "一是加强领导",
            "一网通办",
            "三审三校",
            "进一步规范",
            "零件",
            "第三件",
        ] {
            assert!(figures(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn approximations_multipliers_and_percentages() {
        assert_eq!(
            read(
                "发布5500余条，近 690 条，约80件，超过1000件，20件左右，1.2万条，3万余条，12345.6万元"
            ),
            [
                ("≥5500".into(), "entry", "5500余条".into()),
                ("≤690".into(), "entry", "近 690 条".into()),
                ("~80".into(), "piece", "约80件".into()),
                (">1000".into(), "piece", "超过1000件".into()),
                ("~20".into(), "piece", "20件左右".into()),
                ("12000".into(), "entry", "1.2万条".into()),
                ("≥30000".into(), "entry", "3万余条".into()),
                ("123456000".into(), "yuan", "12345.6万元".into()),
            ]
        );
        let f = figures("占12.25%，增长3.5个百分点");
        assert_eq!(f[0].value, Decimal::new(1225, 2));
        assert_eq!(f[0].step, Decimal::new(1, 2));
        assert_eq!(f[0].unit, Unit::Percent);
        assert_eq!(f.len(), 1, "3.5个百分点 is a change, not a count");
        let w = written_percentages("占百分之三十");
        assert_eq!(w[0].value, Decimal::from(30));
        assert_eq!(figures("1.2万条")[0].step, Decimal::from(1000));
    }

    #[test]
    fn brackets_titles_and_dates() {
        let f = figures("共480条（含转载12条），《2019年10件实事》，12月31日");
        assert_eq!(f.len(), 3);
        assert!(!f[0].bracketed && f[1].bracketed);
        assert!(f[2].titled && !f[1].titled);
        assert!(figures("《十件实事》")[0].titled);
        assert!(figures("99999999999999999999999条").is_empty());
    }
}

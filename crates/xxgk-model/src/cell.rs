//! One published table cell: a number, a blank, or the placeholder text printed.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ModelError;
use crate::chars::fold_width;

/// A unit of money printed in a cell or stated by a column label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum MoneyUnit {
    /// 元.
    #[serde(rename = "元")]
    Yuan,
    /// 万元 (ten thousand yuan).
    #[serde(rename = "万元")]
    Wan,
}

impl MoneyUnit {
    /// The unit as written in Chinese.
    pub fn as_str(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::Wan => "万元",
        }
    }
}

impl fmt::Display for MoneyUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A number as published, normalised: exact decimal value with the scale printed
/// (`96171.60` keeps its trailing zero) and the unit if one was printed in the cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Number {
    /// The value, exactly; never passes through floating point.
    pub value: Decimal,
    /// The unit printed inside the cell (`34.5 万`, `251000元`); `None` when the cell
    /// printed a bare number (the column label may still state a unit).
    pub unit: Option<MoneyUnit>,
}

impl Number {
    /// A bare whole number.
    pub fn int(value: i64) -> Number {
        Number {
            value: Decimal::from(value),
            unit: None,
        }
    }

    /// A number with a unit printed in the cell.
    pub fn with_unit(value: Decimal, unit: MoneyUnit) -> Number {
        Number {
            value,
            unit: Some(unit),
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)?;
        if let Some(unit) = self.unit {
            f.write_str(unit.as_str())?;
        }
        Ok(())
    }
}

/// One published cell of table 二, 三 or 四.
///
/// The model keeps what was printed; whether a blank or a placeholder is acceptable
/// is for the validator to say.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Cell {
    /// Printed empty.
    #[default]
    Blank,
    /// A number.
    Number(Number),
    /// Non-numeric text printed where a number belongs (`/`, `—`, `无`). Never empty
    /// and never text that reads as a number.
    Placeholder(String),
}

/// What a cell says when read as a count (a non-negative whole number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountRead<'a> {
    /// A count.
    Count(u64),
    /// The cell is blank.
    Blank,
    /// The cell holds placeholder text.
    Placeholder(&'a str),
    /// The cell holds a number that is not a count: negative, fractional, with a
    /// unit, or too large for `u64`.
    NotACount(&'a Number),
}

impl Cell {
    /// A bare whole number (the common case in tables 三 and 四).
    pub fn int(value: i64) -> Cell {
        Cell::Number(Number::int(value))
    }

    /// A placeholder; fails for text that is empty or reads as a number, which
    /// would not survive serialisation as a placeholder.
    pub fn placeholder(text: impl Into<String>) -> Result<Cell, ModelError> {
        let text = text.into();
        if text.trim().is_empty() || parse_number(&text).is_some() {
            return Err(ModelError::InvalidPlaceholder(text));
        }
        Ok(Cell::Placeholder(text))
    }

    /// Whether the cell is blank.
    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Blank)
    }

    /// The number, if the cell holds one.
    pub fn number(&self) -> Option<&Number> {
        match self {
            Cell::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The cell read as a count.
    pub fn count(&self) -> CountRead<'_> {
        match self {
            Cell::Blank => CountRead::Blank,
            Cell::Placeholder(p) => CountRead::Placeholder(p),
            Cell::Number(n) => match decimal_to_u64(n) {
                Some(v) => CountRead::Count(v),
                None => CountRead::NotACount(n),
            },
        }
    }

    /// The count, if the cell holds one (see [`Cell::count`] for why it may not).
    pub fn as_count(&self) -> Option<u64> {
        match self.count() {
            CountRead::Count(v) => Some(v),
            _ => None,
        }
    }

    /// The text form used in the serialised model and the long-format CSV: empty for
    /// a blank, the normalised number (with a unit printed in the cell), or the
    /// placeholder text.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Blank => String::new(),
            Cell::Number(n) => n.to_string(),
            Cell::Placeholder(p) => p.clone(),
        }
    }
}

fn decimal_to_u64(n: &Number) -> Option<u64> {
    if n.unit.is_some() || n.value.is_sign_negative() && !n.value.is_zero() {
        return None;
    }
    if n.value.fract() != Decimal::ZERO {
        return None;
    }
    u64::try_from(n.value.trunc()).ok()
}

/// Count units sometimes printed after a count (`12件`): a cell's text read as a
/// number splits them off ([`Cell::read`] says which).
pub const COUNT_UNITS: &[&str] = &["件", "个", "项", "条", "次", "人", "家", "宗", "起", "份"];

/// A cell read from its text, and the count unit split off after its number.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CellText {
    /// The cell.
    pub cell: Cell,
    /// The count unit printed after the number (`件` of `12 件`), not kept in the
    /// cell: a count's unit is the table's, so the cell holds the number only.
    pub count_unit: Option<&'static str>,
}

/// A cell's text taken apart: the number's characters (width folded, trimmed),
/// the unit of money or the count unit after them.
fn split(text: &str) -> (String, Option<MoneyUnit>, Option<&'static str>) {
    let folded: String = text.chars().map(fold_width).collect();
    let t = folded.trim();
    if let Some((d, u)) = COUNT_UNITS
        .iter()
        .find_map(|u| t.strip_suffix(u).map(|d| (d, *u)))
    {
        return (d.trim_end().to_owned(), None, Some(u));
    }
    let (digits, unit) = if let Some(d) = t.strip_suffix("万元") {
        (d.trim_end(), Some(MoneyUnit::Wan))
    } else if let Some(d) = t.strip_suffix('元') {
        (d.trim_end(), Some(MoneyUnit::Yuan))
    } else {
        (t, None)
    };
    (digits.to_owned(), unit, None)
}

/// Parses the text form of a number: an optional `-`, digits (ASCII or full-width)
/// with an optional decimal point, and optionally `元` or `万元`, or a count unit
/// (spaces allowed before the unit). Returns `None` for anything else, including
/// values too large for a `Decimal`.
fn parse_number(text: &str) -> Option<(Number, Option<&'static str>)> {
    let (digits, unit, count_unit) = split(text);
    if !looks_numeric(&digits) {
        return None;
    }
    let value = Decimal::from_str_exact(&digits).ok()?;
    Some((Number { value, unit }, count_unit))
}

/// `-?[0-9]+(\.[0-9]+)?`
fn looks_numeric(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    all_digits(int) && frac.is_none_or(all_digits)
}

impl Cell {
    /// Reads a cell's text as [`FromStr`] does, and says which count unit was
    /// split off after the number (`12 件` is 12, with `件`).
    ///
    /// ```
    /// use xxgk_model::Cell;
    ///
    /// let read = Cell::read("12 件").unwrap();
    /// assert_eq!(read.cell, Cell::int(12));
    /// assert_eq!(read.count_unit, Some("件"));
    /// assert_eq!("１２".parse::<Cell>().unwrap(), Cell::int(12));
    /// ```
    pub fn read(text: &str) -> Result<CellText, ModelError> {
        let plain = |cell| CellText {
            cell,
            count_unit: None,
        };
        if text.trim().is_empty() {
            return Ok(plain(Cell::Blank));
        }
        if let Some((n, count_unit)) = parse_number(text) {
            return Ok(CellText {
                cell: Cell::Number(n),
                count_unit,
            });
        }
        if looks_numeric(&split(text).0) {
            return Err(ModelError::NumberOutOfRange(text.to_owned()));
        }
        Ok(plain(Cell::Placeholder(text.to_owned())))
    }
}

impl FromStr for Cell {
    type Err = ModelError;

    /// Reads the text form of a cell (see [`Cell::to_text`]): empty is a blank; a
    /// number (digits ASCII or full-width, `１２` is 12) with an optional unit of
    /// money; anything else is placeholder text. A count unit after a number
    /// (`12 件`) is split off and not kept: [`Cell::read`] says which.
    fn from_str(text: &str) -> Result<Cell, ModelError> {
        Cell::read(text).map(|r| r.cell)
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Cell::Number(n) = self
            && n.unit.is_none()
            && n.value.scale() == 0
            && let Ok(i) = i64::try_from(n.value)
        {
            return serializer.serialize_i64(i);
        }
        serializer.serialize_str(&self.to_text())
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Cell, D::Error> {
        struct CellVisitor;

        impl Visitor<'_> for CellVisitor {
            type Value = Cell;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("整数，或带英文双引号的文字：空白单元格写 \"\"，小数和金额写成 \"34.5\" 或 \"34.5万元\"，占位符如 \"/\"")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
                Ok(Cell::int(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
                Ok(Cell::Number(Number {
                    value: Decimal::from(v),
                    unit: None,
                }))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
                Err(E::custom(format_args!(
                    "小数 {v} 没有加引号，按浮点数读取不能保证精确。改正：金额等带小数点的数写成带引号的文字，如 \"{v}\""
                )))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
                v.parse().map_err(E::custom)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
                Ok(Cell::Blank)
            }
        }

        deserializer.deserialize_any(CellVisitor)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Cell {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Cell".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A published cell: an integer; or a string that is empty (blank cell), a decimal with an optional unit 元/万元 printed in the cell (\"34.5万元\"), or placeholder text (\"/\", \"—\", \"无\").",
            "type": ["integer", "string"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_forms_parse_to_the_right_variant() {
        assert_eq!("".parse::<Cell>().unwrap(), Cell::Blank);
        assert_eq!("  ".parse::<Cell>().unwrap(), Cell::Blank);
        assert_eq!("12".parse::<Cell>().unwrap(), Cell::int(12));
        assert_eq!("-3".parse::<Cell>().unwrap(), Cell::int(-3));
        let n = "34.5 万元".parse::<Cell>().unwrap();
        assert_eq!(n.to_text(), "34.5万元");
        assert_eq!("96171.60".parse::<Cell>().unwrap().to_text(), "96171.60");
        assert_eq!("/".parse::<Cell>().unwrap(), Cell::Placeholder("/".into()));
        assert_eq!(
            "无".parse::<Cell>().unwrap(),
            Cell::Placeholder("无".into())
        );
    }

    #[test]
    fn full_width_digits_are_numbers_and_count_units_are_split_off() {
        assert_eq!("１２".parse::<Cell>().unwrap(), Cell::int(12));
        assert_eq!("－３".parse::<Cell>().unwrap(), Cell::int(-3));
        assert_eq!(
            "３４．５万元".parse::<Cell>().unwrap().to_text(),
            "34.5万元"
        );
        let read = Cell::read("12 件").unwrap();
        assert_eq!((read.cell, read.count_unit), (Cell::int(12), Some("件")));
        let read = Cell::read("７条").unwrap();
        assert_eq!((read.cell, read.count_unit), (Cell::int(7), Some("条")));
        assert_eq!(Cell::read("12").unwrap().count_unit, None);
        // A unit alone, or words with a unit, are text.
        assert_eq!(
            "件".parse::<Cell>().unwrap(),
            Cell::Placeholder("件".into())
        );
        assert_eq!(
            "若干件".parse::<Cell>().unwrap(),
            Cell::Placeholder("若干件".into())
        );
        assert!(Cell::placeholder("１２").is_err());
        assert!(Cell::placeholder("3 件").is_err());
    }

    #[test]
    fn numbers_too_large_are_errors_not_placeholders() {
        let err = "123456789012345678901234567890123".parse::<Cell>();
        assert!(matches!(err, Err(ModelError::NumberOutOfRange(_))));
    }

    #[test]
    fn counts_reject_negative_fractional_and_units() {
        assert_eq!(Cell::int(7).count(), CountRead::Count(7));
        assert_eq!(Cell::int(0).as_count(), Some(0));
        assert!(matches!(Cell::int(-1).count(), CountRead::NotACount(_)));
        assert!(matches!(
            "1.5".parse::<Cell>().unwrap().count(),
            CountRead::NotACount(_)
        ));
        assert!(matches!(
            "3元".parse::<Cell>().unwrap().count(),
            CountRead::NotACount(_)
        ));
        assert_eq!(Cell::Blank.count(), CountRead::Blank);
        assert_eq!(
            Cell::Placeholder("—".into()).count(),
            CountRead::Placeholder("—")
        );
        // "2.0" is a whole number written with a decimal point: still a count.
        assert_eq!("2.0".parse::<Cell>().unwrap().as_count(), Some(2));
    }

    #[test]
    fn placeholder_constructor_refuses_numbers_and_blanks() {
        assert!(Cell::placeholder("/").is_ok());
        assert!(Cell::placeholder("12").is_err());
        assert!(Cell::placeholder(" ").is_err());
    }
}

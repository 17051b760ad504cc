//! Dates in model files: written as `"2026-01-20"`; a TOML native date
//! (`published = 2026-01-20`, which a preparer may well write) is read as well.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("日期，如 2026-01-20")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
            .map_err(|_| E::custom(format_args!("“{v}”不是日期，应写成 2026-01-20 这样的形式")))
    }

    /// TOML native dates reach serde as a one-entry map holding their text.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NaiveDate, A::Error> {
        let Some((_, text)) = map.next_entry::<de::IgnoredAny, String>()? else {
            return Err(de::Error::custom("应为日期，如 2026-01-20"));
        };
        self.visit_str(&text)
    }
}

/// Deserialises a date from a string or a TOML native date.
pub(crate) fn plain<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_any(DateVisitor)
}

/// Deserialises an optional date (the field is absent when `None`).
pub(crate) fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapped(#[serde(deserialize_with = "plain")] NaiveDate);
    Ok(Some(Wrapped::deserialize(d)?.0))
}

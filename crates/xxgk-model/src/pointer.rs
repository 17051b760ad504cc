//! JSON Pointers (RFC 6901) into the serialised report: built from the parts
//! they name, printed and serialised as their string, parsed back into the parts.
//!
//! ```
//! use xxgk_model::schema::TableId;
//! use xxgk_model::{CellKey, MetaField, Pointer, SectionId, TextPart};
//!
//! let key = CellKey::new(TableId::Reviews, "行政诉讼/复议后起诉", "总计");
//! let cell = Pointer::cell(&key);
//! assert_eq!(cell, "/sections/reviews/table/行政诉讼~1复议后起诉/总计");
//! assert_eq!(cell.table_id(), Some(TableId::Reviews));
//! assert_eq!(cell.cell_key(), Some(key));
//! assert_eq!(Pointer::paragraph(TextPart::Body(SectionId::Overview), 3), "/sections/overview/body/3");
//! assert_eq!(Pointer::meta(MetaField::Published), "/meta/published");
//!
//! let parsed: Pointer = "/sections/reviews/table".parse().unwrap();
//! assert!(cell.starts_with(&parsed));
//! assert_eq!(parsed.section_id(), Some(SectionId::Reviews));
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::schema::TableId;
use crate::{CellKey, ModelError, SectionId};

/// A place in the serialised report, as a JSON Pointer: `/sections/reviews/table`,
/// `/meta/year`, `/sections/overview/body/3`. Ordered, compared and hashed as its
/// string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(String);

/// A field of the report's metadata (`/meta/<field>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MetaField {
    /// `agency`.
    Agency,
    /// `year`.
    Year,
    /// `kind`.
    Kind,
    /// `format`.
    Format,
    /// `title`.
    Title,
    /// `published`.
    Published,
    /// `period`.
    Period,
}

impl MetaField {
    /// Every field, in the order of the serialised model.
    pub const ALL: [MetaField; 7] = [
        MetaField::Agency,
        MetaField::Year,
        MetaField::Kind,
        MetaField::Format,
        MetaField::Title,
        MetaField::Published,
        MetaField::Period,
    ];

    /// The field's name in the serialised model.
    pub fn key(self) -> &'static str {
        match self {
            MetaField::Agency => "agency",
            MetaField::Year => "year",
            MetaField::Kind => "kind",
            MetaField::Format => "format",
            MetaField::Title => "title",
            MetaField::Published => "published",
            MetaField::Period => "period",
        }
    }
}

/// A run of text blocks in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextPart {
    /// The text before section 一 (`/preamble`).
    Preamble,
    /// The text of section 一, 五 or 六 (`/sections/<s>/body`).
    Body(SectionId),
    /// The text between a table section's heading and its table
    /// (`/sections/<s>/text`).
    Text(TableId),
    /// The text after a table (`/sections/<s>/text_after`).
    TextAfter(TableId),
    /// The closing text (`/closing`).
    Closing,
}

impl Pointer {
    /// The whole document (the empty pointer).
    pub fn root() -> Pointer {
        Pointer(String::new())
    }

    /// A metadata field: `/meta/<field>`.
    pub fn meta(field: MetaField) -> Pointer {
        Pointer::root().child("meta").child(field.key())
    }

    /// The published order of the sections: `/order`.
    pub fn order() -> Pointer {
        Pointer::root().child("order")
    }

    /// A section: `/sections/<s>`.
    pub fn section(id: SectionId) -> Pointer {
        Pointer::root().child("sections").child(id.key())
    }

    /// A section's heading: `/sections/<s>/heading`.
    pub fn heading(id: SectionId) -> Pointer {
        Pointer::section(id).child("heading")
    }

    /// A table's header note: `/sections/<s>/note`.
    pub fn note(id: TableId) -> Pointer {
        Pointer::section(id.section()).child("note")
    }

    /// A table: `/sections/<s>/table`.
    pub fn table(id: TableId) -> Pointer {
        Pointer::section(id.section()).child("table")
    }

    /// A row of a table by its label path: `/sections/<s>/table/<row>`.
    pub fn row(id: TableId, row: &str) -> Pointer {
        Pointer::in_table(id, &[row])
    }

    /// A table cell: `/sections/<s>/table/<row>/<column>`.
    pub fn cell(key: &CellKey) -> Pointer {
        Pointer::in_table(key.table, &[&key.row, &key.column])
    }

    /// `/sections/<s>/table` and `tokens`, built in one string (a pointer is
    /// made for every cell read or checked).
    fn in_table(id: TableId, tokens: &[&str]) -> Pointer {
        let section = id.section().key();
        let len = "/sections//table".len()
            + section.len()
            + tokens.iter().map(|t| t.len() + 2).sum::<usize>();
        let mut out = Pointer(String::with_capacity(len));
        out.push("sections");
        out.push(section);
        out.push("table");
        for token in tokens {
            out.push(token);
        }
        out
    }

    /// A run of text blocks: `/preamble`, `/sections/<s>/body`, … (its blocks
    /// are [`Pointer::paragraph`]).
    pub fn text(part: TextPart) -> Pointer {
        match part {
            TextPart::Preamble => Pointer::root().child("preamble"),
            TextPart::Body(id) => Pointer::section(id).child("body"),
            TextPart::Text(id) => Pointer::section(id.section()).child("text"),
            TextPart::TextAfter(id) => Pointer::section(id.section()).child("text_after"),
            TextPart::Closing => Pointer::root().child("closing"),
        }
    }

    /// Block `i` (from 0) of a run of text: `/sections/overview/body/3`.
    pub fn paragraph(part: TextPart, i: usize) -> Pointer {
        Pointer::text(part).index(i)
    }

    /// This pointer with one more reference token (escaped: `/` in a label path
    /// is written `~1`).
    #[must_use]
    pub fn child(&self, token: &str) -> Pointer {
        let mut out = Pointer(String::with_capacity(self.0.len() + token.len() + 1));
        out.0.push_str(&self.0);
        out.push(token);
        out
    }

    /// This pointer with an array index appended.
    #[must_use]
    pub fn index(&self, i: usize) -> Pointer {
        use std::fmt::Write as _;
        let mut out = Pointer(String::with_capacity(self.0.len() + 8));
        out.0.push_str(&self.0);
        let _ = write!(out.0, "/{i}");
        out
    }

    /// Appends one reference token (escaped).
    pub fn push(&mut self, token: &str) {
        self.0.reserve(token.len() + 1);
        self.0.push('/');
        let mut rest = token;
        while let Some(i) = rest.bytes().position(|b| b == b'~' || b == b'/') {
            self.0.push_str(&rest[..i]);
            self.0.push_str(if rest.as_bytes()[i] == b'~' {
                "~0"
            } else {
                "~1"
            });
            rest = &rest[i + 1..];
        }
        self.0.push_str(rest);
    }

    /// Reads a JSON Pointer: empty, or `/`-separated tokens in which `~` is only
    /// written as `~0` or `~1`.
    pub fn parse(s: &str) -> Result<Pointer, ModelError> {
        let err = || ModelError::InvalidPointer(s.to_owned());
        if !s.is_empty() && !s.starts_with('/') {
            return Err(err());
        }
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
                return Err(err());
            }
        }
        Ok(Pointer(s.to_owned()))
    }

    /// The pointer as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The reference tokens, unescaped (`行政诉讼/复议后起诉` for `行政诉讼~1复议后起诉`).
    pub fn tokens(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.raw_tokens().map(unescape)
    }

    /// The reference tokens as written (escaped).
    fn raw_tokens(&self) -> impl Iterator<Item = &str> {
        self.0.split('/').skip(1)
    }

    /// The number of reference tokens.
    pub fn depth(&self) -> usize {
        self.raw_tokens().count()
    }

    /// The pointer without its last token (`None` for the root).
    pub fn parent(&self) -> Option<Pointer> {
        let at = self.0.rfind('/')?;
        Some(Pointer(self.0[..at].to_owned()))
    }

    /// The pointer, then its parent, its parent's parent … up to the root.
    pub fn ancestors(&self) -> impl Iterator<Item = Pointer> {
        std::iter::successors(Some(self.clone()), Pointer::parent)
    }

    /// Whether `other` is this pointer or one of its ancestors (token by token:
    /// `/a/bc` does not start with `/a/b`).
    pub fn starts_with(&self, other: &Pointer) -> bool {
        self.0
            .strip_prefix(&other.0)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }

    /// The section the place is in (`/sections/<s>/…`).
    pub fn section_id(&self) -> Option<SectionId> {
        let mut t = self.raw_tokens();
        if t.next()? != "sections" {
            return None;
        }
        let key = t.next()?;
        SectionId::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The table the place is in: the table itself or one of its rows or cells
    /// (`/sections/<s>/table/…`).
    pub fn table_id(&self) -> Option<TableId> {
        let table = self.section_id()?.table()?;
        (self.raw_tokens().nth(2)? == "table").then_some(table)
    }

    /// The metadata field the place is, or is in (`/meta/<field>/…`).
    pub fn meta_field(&self) -> Option<MetaField> {
        let mut t = self.raw_tokens();
        if t.next()? != "meta" {
            return None;
        }
        let key = t.next()?;
        MetaField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The key of the table cell the pointer names, if it names one.
    pub fn cell_key(&self) -> Option<CellKey> {
        let table = self.table_id()?;
        let mut t = self.raw_tokens().skip(3);
        let (Some(row), Some(column), None) = (t.next(), t.next(), t.next()) else {
            return None;
        };
        Some(CellKey::new(table, unescape(row), unescape(column)))
    }
}

fn unescape(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

impl CellKey {
    /// The JSON Pointer of the cell in the serialised model:
    /// `/sections/<section>/table/<row>/<column>`, with `/` in labels escaped as `~1`.
    pub fn json_pointer(&self) -> Pointer {
        Pointer::cell(self)
    }

    /// The key of the cell a JSON Pointer points at.
    pub fn from_json_pointer(pointer: &str) -> Result<CellKey, ModelError> {
        Pointer::parse(pointer)
            .ok()
            .and_then(|p| p.cell_key())
            .ok_or_else(|| ModelError::NotACellPointer(pointer.to_owned()))
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Pointer {
    type Err = ModelError;

    fn from_str(s: &str) -> Result<Pointer, ModelError> {
        Pointer::parse(s)
    }
}

impl AsRef<str> for Pointer {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Pointer {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Pointer {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl Serialize for Pointer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Pointer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Pointer, D::Error> {
        let s = String::deserialize(deserializer)?;
        Pointer::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Pointer {
    fn schema_name() -> Cow<'static, str> {
        "Pointer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A JSON Pointer (RFC 6901) into the serialised report.",
            "type": "string"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_with_slashes_and_tildes_round_trip() {
        let key = CellKey::new(
            TableId::Proactive,
            "第二十条第（五）项/行政许可",
            "本年增/减",
        );
        let p = key.json_pointer();
        assert_eq!(
            p,
            "/sections/proactive/table/第二十条第（五）项~1行政许可/本年增~1减"
        );
        assert_eq!(p.cell_key(), Some(key.clone()));
        assert_eq!(CellKey::from_json_pointer(p.as_str()), Ok(key));
        let odd = Pointer::row(TableId::Applications, "a~b/c");
        assert_eq!(odd, "/sections/applications/table/a~0b~1c");
        assert_eq!(odd.tokens().last().as_deref(), Some("a~b/c"));
    }

    #[test]
    fn pointers_that_name_no_cell_are_not_cells() {
        for p in [
            "",
            "/meta/year",
            "/sections/overview/table/a/b",
            "/sections/reviews/table/a",
            "/sections/reviews/table/a/b/c",
            "/sections/reviews/note",
        ] {
            assert!(CellKey::from_json_pointer(p).is_err(), "{p}");
        }
        assert!(CellKey::from_json_pointer("/sections/reviews/table/a/~2").is_err());
    }

    #[test]
    fn parsing_refuses_what_is_no_pointer() {
        for bad in ["meta", "/a~", "/a~2b"] {
            assert!(Pointer::parse(bad).is_err(), "{bad}");
        }
        for good in ["", "/", "/meta/year", "/a~0~1"] {
            assert_eq!(Pointer::parse(good).unwrap().as_str(), good);
        }
    }

    #[test]
    fn parts_of_a_pointer() {
        let row = Pointer::row(TableId::Applications, "四、结转下年度继续办理");
        assert_eq!(row.section_id(), Some(SectionId::Applications));
        assert_eq!(row.table_id(), Some(TableId::Applications));
        assert_eq!(row.depth(), 4);
        assert_eq!(Pointer::heading(SectionId::Reviews).table_id(), None);
        assert_eq!(Pointer::section(SectionId::Overview).table_id(), None);
        assert_eq!(Pointer::note(TableId::Applications).table_id(), None);
        assert_eq!(
            Pointer::meta(MetaField::Year).meta_field(),
            Some(MetaField::Year)
        );
        assert_eq!(Pointer::order().meta_field(), None);
        let shown: Vec<String> = row.ancestors().map(|p| p.to_string()).collect();
        assert_eq!(
            shown,
            [
                row.as_str(),
                "/sections/applications/table",
                "/sections/applications",
                "/sections",
                ""
            ]
        );
        assert!(row.starts_with(&Pointer::table(TableId::Applications)));
        assert!(
            !Pointer::row(TableId::Proactive, "规章2")
                .starts_with(&Pointer::row(TableId::Proactive, "规章"))
        );
        assert_eq!(Pointer::text(TextPart::Closing).index(0), "/closing/0");
        assert_eq!(
            Pointer::paragraph(TextPart::TextAfter(TableId::Reviews), 1),
            "/sections/reviews/text_after/1"
        );
    }

    #[test]
    fn serialised_as_the_string() {
        let p = Pointer::meta(MetaField::Period);
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"/meta/period\"");
        let back: Pointer = serde_json::from_str("\"/meta/period\"").unwrap();
        assert_eq!(back, p);
        assert!(serde_json::from_str::<Pointer>("\"meta\"").is_err());
    }
}

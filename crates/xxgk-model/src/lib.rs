//! The government information-disclosure annual report (政府信息公开工作年度报告)
//! as typed data, for both official formats: the 2019 trial format
//! (国办公开办函〔2019〕60号, 2019 and 2020 reports) and the 2021 format
//! (国办公开办函〔2021〕30号, from 2021 on).
//!
//! A [`Report`] holds its metadata, the preamble, the six sections (each absent or
//! present with its heading as published) and any closing text. Sections 一, 五, 六
//! are text kept character for character; sections 二, 三, 四 hold a [`Table`] whose
//! rows and columns are keyed by the official label paths of [`schema`], so every
//! official cell is addressable by its [`CellKey`] from `cells.md`, and rows or
//! columns a report adds keep their published labels. A [`Cell`] is a number, a
//! blank, or the placeholder text printed; money is an exact [`rust_decimal::Decimal`]
//! with its unit.
//!
//! The crate does no I/O: it defines types, the official layout, serde support
//! (the serialised form is documented in `docs/model.md`), and a [`SourceMap`] type
//! that importers fill so that diagnostics can point into the user's file.
//!
//! ```
//! use xxgk_model::{BodyKind, Cell, CellKey, FormatVersion, Report, official_keys};
//! use xxgk_model::schema::TableId;
//!
//! let mut report = Report::blank("某某县水利局", 2025, BodyKind::Department);
//! assert_eq!(report.meta.format, FormatVersion::V2021);
//! assert_eq!(official_keys(FormatVersion::V2021).len(), 200);
//!
//! let key = CellKey::new(TableId::Applications, "一、本年新收政府信息公开申请数量", "自然人");
//! *report.cell_mut(&key).unwrap() = Cell::int(3);
//! assert_eq!(report.cell(&key).and_then(Cell::as_count), Some(3));
//! assert_eq!(
//!     key.json_pointer(),
//!     "/sections/applications/table/一、本年新收政府信息公开申请数量/自然人"
//! );
//! ```
//!
//! Features:
//! - `schemars`: derive a JSON Schema of the serialised form (`json_schema()`).
//! - `proptest`: strategies for generated reports (module `strategy`), for the tests
//!   of crates built on this one.

mod blank;
mod cell;
mod date;
mod error;
mod key;
pub mod long;
mod report;
pub mod schema;
mod source;
#[cfg(feature = "proptest")]
pub mod strategy;
mod table;
mod text;

pub use cell::{Cell, CountRead, MoneyUnit, Number};
pub use error::ModelError;
pub use key::{CellKey, escape_pointer, official_keys, unescape_pointer};
pub use report::{
    BodyKind, FormatVersion, Meta, Period, Report, SectionId, SectionRef, Sections, TableSection,
    TextSection,
};
pub use source::{SourceMap, SourcePos};
pub use table::{Row, Table};
pub use text::{Block, joined};

/// The JSON Schema of the serialised [`Report`].
#[cfg(feature = "schemars")]
pub fn json_schema() -> schemars::Schema {
    schemars::schema_for!(Report)
}

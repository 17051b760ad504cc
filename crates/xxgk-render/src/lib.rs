//! Renders a government information-disclosure annual report (政府信息公开工作年度报告)
//! in the official Chinese layout: plain text, Markdown, HTML and Word (`.docx`), for
//! both the 2019 trial format (国办公开办函〔2019〕60号) and the 2021 format
//! (国办公开办函〔2021〕30号).
//!
//! The renderer shows what the report is, and never what it should be: headings as
//! published, narrative character for character, blank cells blank, placeholders as
//! printed, numbers exactly as held (`96171.60`, `34.5万元`), absent sections and rows
//! left out, added rows and columns printed where the report printed them. Saying
//! what is wrong is the validator's job. The tables take the official shape —
//! table 三's 勾稽关系 note in the corner over three label columns and three header
//! rows, `三、本年度办理结果` down its result rows, table 四's two-level header — from one
//! layout ([`layout`]) that every format draws.
//!
//! Every function is pure: a report (and options) in, text or bytes out.
//!
//! ```
//! use xxgk_model::{BodyKind, Cell, CellKey, Report};
//! use xxgk_model::schema::TableId;
//! use xxgk_render::{HtmlOptions, TextOptions, to_html, to_text};
//!
//! let mut report = Report::blank("某某县水利局", 2025, BodyKind::Department).unwrap();
//! let key = CellKey::new(TableId::Applications, "一、本年新收政府信息公开申请数量", "自然人");
//! *report.cell_mut(&key).unwrap() = Cell::int(3);
//!
//! let text = to_text(&report, &TextOptions::default());
//! assert!(text.starts_with("某某县水利局2025年政府信息公开工作年度报告\n"));
//! assert!(text.contains("一、本年新收政府信息公开申请数量\t3\t\t\t\t\t\t\n"));
//!
//! let html = to_html(&report, &HtmlOptions::default());
//! assert!(html.contains(r#"<th class="xxgk-label" scope="row" rowspan="22">三、本年度办理结果</th>"#));
//! ```
//!
//! Modules: [`text`], [`markdown`], [`html`], [`docx`] (one per format), [`layout`]
//! (the table grids they share) and [`zh`] (Chinese numerals, dates, exact numbers);
//! [`render`] picks a format at run time. The crate has no features.

mod doc;
pub mod docx;
mod error;
mod escape;
mod format;
pub mod html;
pub mod layout;
pub mod markdown;
pub mod text;
pub mod zh;

pub use docx::{docx_document_xml, to_docx};
pub use error::RenderError;
pub use format::{Format, Options, render};
pub use html::{HtmlOptions, to_html};
pub use markdown::to_markdown;
pub use text::{TextOptions, to_text};

// The README's examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

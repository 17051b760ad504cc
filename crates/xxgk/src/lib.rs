//! Checks government information-disclosure annual reports (政府信息公开工作年度报告):
//! what the `xxgk check` command does, as a library, in one call.
//!
//! A file's bytes and name go in; out come the imported report, where each part
//! of it is in the file (also for a TOML model file), how it was read (import
//! notes, and which of them bear on the findings), the tables that could not be
//! read, and the findings of every rule, positioned in the file — and in last
//! year's file, for the cross-year checks. The result can be printed as
//! `xxgk check` prints it ([`Checked::text`]) or as the JSON envelope of `xxgk
//! check --format json` ([`Checked::envelope`], a typed, versioned [`Envelope`]).
//!
//! ```
//! let text = "某某县水利局2025年政府信息公开工作年度报告\n\
//!     一、总体情况\n全年主动公开信息120条。\n\
//!     四、政府信息公开行政复议、行政诉讼情况\n\
//!     行政复议\t行政诉讼\n\
//!     结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n\
//!     结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\
//!     1\t0\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";
//! let checked = xxgk::Checker::new().check(text.as_bytes(), "报告.txt").unwrap();
//! // 总计 2 is not 1 + 0 + 0 + 0: an error, at line 8 of the file.
//! let d = checked.findings.by_code("T401").next().unwrap();
//! assert_eq!(d.location.source, Some(xxgk::model::SourcePos::Text { line: 8, column: 9 }));
//! assert!(checked.text(false).contains("    8 | 1 0 0 0 2"));
//! ```
//!
//! Files are read by [`Checker::read`] into a [`ReportFile`] and checked by
//! [`Checker::check_read`], so that a batch can read files on several threads
//! and pair each with last year's; every result is independent of the others
//! and `Send`.
//!
//! A PDF file is read through its text: [`Checker::new`] extracts it with
//! `pdftotext -layout` (poppler-utils), within a time limit
//! ([`import::Pdftotext`]); [`Checker::pdf_extractor`] plugs another
//! ([`import::PdfExtractor`]), [`Checker::no_pdf`] refuses PDF files. Nothing
//! else runs a program, and nothing reads a file or the environment: the caller
//! gives the bytes.
//!
//! The crates underneath are re-exported: [`model`] (the report as typed data),
//! [`rules`] (the rules and their diagnostics) and [`import`] (reading published
//! reports). Features: none.

mod batch;
mod checked;
mod checker;
mod envelope;
mod error;
mod file;
mod notes;
mod pairing;
mod snippet;
mod source_view;
pub mod text;

pub use xxgk_import as import;
pub use xxgk_model as model;
pub use xxgk_rules as rules;

pub use batch::{Overview, Tally, Totals, Unreadable};
pub use checked::{Checked, NoteOf};
pub use checker::Checker;
pub use envelope::{ENVELOPE_VERSION, Envelope, EnvelopeNote, FileRef, ReportRef};
pub use error::Error;
pub use file::ReportFile;
pub use notes::always_significant;
pub use pairing::{LastYear, same_body};

// The README's examples are compiled (and run, unless marked otherwise) as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

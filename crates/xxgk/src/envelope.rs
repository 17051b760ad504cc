//! The JSON document `xxgk check --format json` prints: a typed, versioned
//! envelope around a check's findings (the workspace's `docs/diagnostics.md`
//! describes every field).

use serde::{Deserialize, Serialize};
use xxgk_import::NoteCode;
use xxgk_model::{BodyKind, FormatVersion, Pointer, SourcePos};
use xxgk_rules::{Diagnostic, Summary, WhichReport};

use crate::Checked;

/// The version of the envelope's schema; raised only on changes that break
/// readers (fields are only ever added otherwise).
pub const ENVELOPE_VERSION: u32 = 1;

/// What `xxgk check --format json` prints for one file: which file, what it was
/// read as, the report's metadata, the findings and the import notes.
///
/// ```
/// let text = "某某县水利局2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息120条。\n";
/// let checked = xxgk::Checker::new().check(text.as_bytes(), "报告.txt").unwrap();
/// let envelope = checked.envelope();
/// assert_eq!(envelope.version, xxgk::ENVELOPE_VERSION);
/// assert_eq!(envelope.input, "text");
/// // It reads back as it was written.
/// let json = envelope.to_json();
/// assert_eq!(xxgk::Envelope::from_json(&json).unwrap(), envelope);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Envelope {
    /// The version of this schema ([`ENVELOPE_VERSION`]).
    pub version: u32,
    /// The file's name as given.
    pub file: String,
    /// What the file was read as: `text`, `html`, `docx`, `pdf`, `toml`, `json`,
    /// `csv`.
    pub input: String,
    /// Last year's report's file, when one was given.
    pub previous: Option<FileRef>,
    /// The checked report's metadata.
    pub report: ReportRef,
    /// The number of diagnostics of each severity.
    pub summary: Summary,
    /// The diagnostics, by section, then rule code.
    pub diagnostics: Vec<Diagnostic>,
    /// Every import note of the file (and of last year's file).
    pub import_notes: Vec<EnvelopeNote>,
}

/// A file of the envelope other than the checked one: last year's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileRef {
    /// The file's name as given.
    pub file: String,
    /// What it was read as.
    pub input: String,
}

/// The checked report's metadata, as in its `meta`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReportRef {
    /// The issuing body.
    pub agency: String,
    /// The report year.
    pub year: i32,
    /// The kind of body.
    pub kind: BodyKind,
    /// The official format's version.
    pub format: FormatVersion,
}

/// An import note in the envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnvelopeNote {
    /// Whose file it is about: the checked report's, or last year's.
    pub document: WhichReport,
    /// Its stable code (`docs/import.md`).
    pub code: NoteCode,
    /// What was tolerated or could not be read, in Chinese.
    pub message: String,
    /// Whether the text output lists it by default: it bears on the findings.
    pub significant: bool,
    /// Its position in that file.
    pub source: Option<SourcePos>,
    /// The part of the model it concerns.
    pub pointer: Option<Pointer>,
}

impl Envelope {
    /// The envelope as `xxgk check --format json` prints it (without the final
    /// line break): pretty-printed JSON, fields in the order above.
    pub fn to_json(&self) -> String {
        // Every field is a string, number, boolean or a map with string keys: it
        // cannot fail to serialise.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads an envelope back (fields it does not know are ignored).
    pub fn from_json(json: &str) -> Result<Envelope, serde_json::Error> {
        serde_json::from_str(json)
    }
}

impl Checked {
    /// The JSON envelope of this check (`xxgk check --format json`).
    pub fn envelope(&self) -> Envelope {
        let meta = &self.current.report.meta;
        Envelope {
            version: ENVELOPE_VERSION,
            file: self.current.name.clone(),
            input: self.current.input_name().to_owned(),
            previous: self.previous.as_ref().map(|p| FileRef {
                file: p.name.clone(),
                input: p.input_name().to_owned(),
            }),
            report: ReportRef {
                agency: meta.agency.clone(),
                year: meta.year,
                kind: meta.kind,
                format: meta.format,
            },
            summary: self.findings.summary,
            diagnostics: self.findings.diagnostics.clone(),
            import_notes: self
                .notes()
                .into_iter()
                .map(|n| EnvelopeNote {
                    document: n.document,
                    code: n.note.code,
                    message: n.note.message.clone(),
                    significant: n.significant,
                    source: n.note.pos,
                    pointer: n.note.pointer.clone(),
                })
                .collect(),
        }
    }
}

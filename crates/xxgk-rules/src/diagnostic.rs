//! What checking finds: diagnostics with a severity, a location and related
//! locations, collected in [`Findings`].

use std::fmt;

use serde::{Deserialize, Serialize};
use xxgk_model::{CellKey, Pointer, SectionId, SourcePos};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Provably wrong from the report itself, or certain under the format's
    /// definitions: the report must be corrected.
    Error,
    /// Very likely wrong, but a legitimate explanation exists: a person must look.
    Warning,
    /// Worth knowing; nothing to correct necessarily.
    Info,
}

impl Severity {
    /// The severity in Chinese (`错误`, `警告`, `提示`).
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }

    /// The severity as written in configuration and JSON (`error`, `warning`, `info`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Which report a location points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WhichReport {
    /// The report being checked.
    #[default]
    Current,
    /// The previous year's report given for the cross-year checks.
    Previous,
}

/// A range of characters in the text of a paragraph, counted from 0 (end
/// excluded): where in the paragraph a statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Span {
    /// The first character.
    pub start: usize,
    /// The character after the last.
    pub end: usize,
}

impl Span {
    /// The characters `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// A place in a report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// The report the place is in.
    pub document: WhichReport,
    /// A JSON Pointer into the serialised model (`docs/model.md`), e.g.
    /// `/sections/reviews/table/行政复议/总计` or `/meta/published`.
    pub pointer: Pointer,
    /// The cell key, when the place is a table cell.
    pub key: Option<CellKey>,
    /// The position in the file the report was imported from, when a source map
    /// was given (only for places in the current report).
    pub source: Option<SourcePos>,
    /// For a place in a paragraph: the characters of the statement concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Location {
    /// A place given by its JSON Pointer; a pointer to a table cell also gets its key.
    pub fn at(pointer: Pointer) -> Location {
        Location {
            document: WhichReport::Current,
            key: pointer.cell_key(),
            pointer,
            source: None,
            span: None,
        }
    }

    /// A table cell.
    pub fn cell(key: &CellKey) -> Location {
        Location {
            document: WhichReport::Current,
            pointer: key.json_pointer(),
            key: Some(key.clone()),
            source: None,
            span: None,
        }
    }

    /// Characters `start..end` of the paragraph at `pointer`.
    pub fn text(pointer: Pointer, start: usize, end: usize) -> Location {
        let mut location = Location::at(pointer);
        location.span = Some(Span::new(start, end));
        location
    }

    /// A whole section (`/sections/<name>`).
    pub fn section(id: SectionId) -> Location {
        Location::at(Pointer::section(id))
    }

    /// The same place in the previous year's report.
    #[must_use]
    pub fn in_previous(mut self) -> Location {
        self.document = WhichReport::Previous;
        self
    }

    /// The section the place belongs to, if it is inside one of the six sections.
    pub fn section_id(&self) -> Option<SectionId> {
        self.pointer.section_id()
    }
}

/// Another place a diagnostic concerns, with what it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Related {
    /// What the place holds, in Chinese (e.g. `第二项“二、上年结转政府信息公开申请数量”：0`).
    pub label: String,
    /// The place.
    pub location: Location,
}

impl Related {
    /// A place with what it holds.
    pub fn new(label: impl Into<String>, location: Location) -> Related {
        Related {
            label: label.into(),
            location,
        }
    }
}

/// One finding about a report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The rule's stable code, e.g. `T301`.
    pub code: String,
    /// The rule's kebab-case name, e.g. `applications-unbalanced`.
    pub name: String,
    /// The severity, after configuration.
    pub severity: Severity,
    /// One line in Chinese naming the official labels and the numbers involved.
    pub message: String,
    /// Where the problem is.
    pub location: Location,
    /// Other places involved (the other operands of an identity, last year's cell).
    pub related: Vec<Related>,
    /// How to correct it, in the official wording where there is one.
    pub help: Option<String>,
    /// What the cell at [`Diagnostic::location`] should hold for the finding to
    /// go, where the rule can say it exactly: the sum of the other side of an
    /// arithmetic identity whose total is wrong (the 填报 page shows `应为 57`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<u64>,
}

impl Diagnostic {
    /// A finding of the rule `code` (`name`) at a place, without related places
    /// or help (add them with [`Diagnostic::with_related`] and
    /// [`Diagnostic::with_help`]).
    pub fn new(
        code: impl Into<String>,
        name: impl Into<String>,
        severity: Severity,
        message: impl Into<String>,
        location: Location,
    ) -> Diagnostic {
        Diagnostic {
            code: code.into(),
            name: name.into(),
            severity,
            message: message.into(),
            location,
            related: Vec::new(),
            help: None,
            expected: None,
        }
    }

    /// The diagnostic with another place it concerns.
    #[must_use]
    pub fn with_related(mut self, related: Related) -> Diagnostic {
        self.related.push(related);
        self
    }

    /// The diagnostic with how to correct it.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// The section the diagnostic belongs to (`None`: the report as a whole).
    pub fn section(&self) -> Option<SectionId> {
        self.location.section_id()
    }
}

/// Counts of diagnostics by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Summary {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Number of infos.
    pub infos: usize,
}

impl Summary {
    /// The counts of `diagnostics`.
    pub fn count(diagnostics: &[Diagnostic]) -> Summary {
        let mut s = Summary::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}

impl fmt::Display for Summary {
    /// `共 2 个错误，3 个警告，1 条提示`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "共 {} 个错误，{} 个警告，{} 条提示",
            self.errors, self.warnings, self.infos
        )
    }
}

/// Everything checking found, ordered by section (一 to 六, then the report as a
/// whole) and, within a section, by rule code.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Findings {
    /// Counts by severity.
    pub summary: Summary,
    /// The diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

impl Findings {
    /// Orders the diagnostics and counts them.
    pub fn new(mut diagnostics: Vec<Diagnostic>) -> Findings {
        // Stable: a rule's findings keep the order the rule reported them in.
        diagnostics.sort_by(|a, b| {
            let rank = |d: &Diagnostic| d.section().map_or(SectionId::ALL.len(), |s| s as usize);
            rank(a).cmp(&rank(b)).then_with(|| a.code.cmp(&b.code))
        });
        Findings {
            summary: Summary::count(&diagnostics),
            diagnostics,
        }
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// The diagnostics of one rule (by code).
    pub fn by_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Diagnostic> {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }
}

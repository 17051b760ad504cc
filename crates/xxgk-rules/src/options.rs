//! What a check is given besides the report.

use xxgk_model::schema::TableId;
use xxgk_model::{Report, SectionId, SourceMap};

use crate::config::{self, Config};

/// What a check is given besides the report: `CheckOptions::default()`, then the
/// setters.
///
/// ```
/// use xxgk_model::{BodyKind, Report};
/// use xxgk_rules::{CheckOptions, Config, check_with};
///
/// let last_year = Report::blank("某某县水利局", 2024, BodyKind::Department).unwrap();
/// let report = Report::blank("某某县水利局", 2025, BodyKind::Department).unwrap();
/// let config = Config::default();
/// let options = CheckOptions::default().previous(&last_year).config(&config);
/// let findings = check_with(&report, &options);
/// assert!(findings.by_code("X001").next().is_none());
/// ```
///
/// It cannot be written as a struct literal, so that a field added later breaks
/// no dependant:
///
/// ```compile_fail
/// let config = xxgk_rules::Config::default();
/// let options = xxgk_rules::CheckOptions {
///     previous: None,
///     config: &config,
///     source: None,
///     unread: &[],
/// };
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct CheckOptions<'a> {
    /// Last year's report of the same body, for the cross-year checks (the X rules
    /// of `docs/rules.md`).
    pub previous: Option<&'a Report>,
    /// Rules turned off or given other severities, local deadlines.
    pub config: &'a Config,
    /// Where each part of the report came from in the imported file; when given,
    /// every location in the report gets its source position.
    pub source: Option<&'a SourceMap>,
    /// Tables the source file prints but its reader could not read in full (an
    /// importer's notes say which, e.g. `xxgk_import::Imported::unread_tables`):
    /// cells missing from them are the reading's gaps, not the report's, so they
    /// are reported as such (S011 table-unread) and not as missing tables or cells.
    pub unread: &'a [TableId],
    /// Sections the reader could not tell apart in the source file (no heading
    /// found where the file seems to print one, e.g. a page's text stored
    /// without its line breaks; an importer's notes say which, e.g.
    /// `xxgk_import::Imported::unfound_sections`): the file may contain them,
    /// so they are reported once as such (S012 sections-unread) and not as
    /// missing sections.
    pub unfound: &'a [SectionId],
}

impl Default for CheckOptions<'_> {
    fn default() -> Self {
        CheckOptions {
            previous: None,
            config: &config::DEFAULT,
            source: None,
            unread: &[],
            unfound: &[],
        }
    }
}

impl<'a> CheckOptions<'a> {
    /// Last year's report of the same body, for the cross-year checks.
    #[must_use]
    pub fn previous(mut self, report: &'a Report) -> CheckOptions<'a> {
        self.previous = Some(report);
        self
    }

    /// Rules turned off or given other severities, local deadlines.
    #[must_use]
    pub fn config(mut self, config: &'a Config) -> CheckOptions<'a> {
        self.config = config;
        self
    }

    /// Where each part of the report came from in the imported file.
    #[must_use]
    pub fn source(mut self, map: &'a SourceMap) -> CheckOptions<'a> {
        self.source = Some(map);
        self
    }

    /// Tables the source file prints but its reader could not read in full.
    #[must_use]
    pub fn unread(mut self, tables: &'a [TableId]) -> CheckOptions<'a> {
        self.unread = tables;
        self
    }

    /// Sections the reader could not tell apart in the source file.
    #[must_use]
    pub fn unfound(mut self, sections: &'a [SectionId]) -> CheckOptions<'a> {
        self.unfound = sections;
        self
    }
}

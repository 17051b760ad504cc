//! Runs the rules: the one place where configuration (rules off, severities) and
//! source positions are applied.

use xxgk_model::schema::TableId;
use xxgk_model::{Report, SectionId, SourceMap};

use crate::config::{self, Level};
use crate::context::{Context, Shared};
use crate::diagnostic::Document;
use crate::{Config, Diagnostic, Findings, Location, registry};

/// What a check is given besides the report.
#[derive(Debug, Clone, Copy)]
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

/// Checks a report with every rule at its default severity.
pub fn check(report: &Report) -> Findings {
    check_with(report, &CheckOptions::default())
}

/// Checks a report with options: last year's report, configuration, source map.
/// Never fails: everything found is a diagnostic.
pub fn check_with(report: &Report, options: &CheckOptions<'_>) -> Findings {
    let shared = Shared::default();
    let mut diagnostics = Vec::new();
    for rule in registry::RULES {
        let Level::On(severity) = options.config.level(rule) else {
            continue;
        };
        let mut cx = Context::new(report, options, &shared);
        (rule.check)(report, &mut cx);
        for finding in cx.found {
            let mut location = finding.location;
            let mut related = finding.related;
            if let Some(map) = options.source {
                locate(&mut location, map);
                for r in &mut related {
                    locate(&mut r.location, map);
                }
            }
            diagnostics.push(Diagnostic {
                code: rule.code.to_owned(),
                name: rule.name.to_owned(),
                severity,
                message: finding.message,
                location,
                related,
                help: finding.help,
            });
        }
    }
    Findings::new(diagnostics)
}

fn locate(location: &mut Location, map: &SourceMap) {
    if location.document == Document::Current {
        location.source = map.lookup(&location.pointer);
    }
}

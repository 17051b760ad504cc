//! Runs the rules: the one place where configuration (rules off, severities) and
//! source positions are applied.

use xxgk_model::{Report, SourceMap};

use crate::config::Level;
use crate::context::{Context, Shared};
use crate::diagnostic::WhichReport;
use crate::options::CheckOptions;
use crate::{Diagnostic, Findings, Location, registry};

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
        let mut cx = Context::new(
            report,
            options.previous,
            &options.config.deadlines,
            options.unread,
            options.unfound,
            &shared,
        );
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
                expected: finding.expected,
            });
        }
    }
    Findings::new(diagnostics)
}

fn locate(location: &mut Location, map: &SourceMap) {
    if location.document == WhichReport::Current {
        location.source = map.lookup(&location.pointer);
    }
}

//! A report checked: its file, last year's file if one was given, and the
//! findings, each place positioned in the file it concerns.

use std::sync::Arc;

use xxgk_import::{ImportNote, InputKind};
use xxgk_model::SourceMap;
use xxgk_rules::{CheckOptions, Config, Findings, Level, Location, WhichReport, check_with};

use crate::ReportFile;
use crate::notes::Places;

/// A report checked, with the files it was read from. Independent of every other
/// check and `Send`: checks of many files can run on several threads, sharing
/// last year's files through their [`Arc`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Checked {
    /// The checked report's file.
    pub current: Arc<ReportFile>,
    /// Last year's report's file, for the cross-year checks.
    pub previous: Option<Arc<ReportFile>>,
    /// What the rules found: every place positioned in the file of the report it
    /// is in (this year's or last year's).
    pub findings: Findings,
}

/// An import note of a checked report's file or of last year's.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct NoteOf<'a> {
    /// Whose file it is about.
    pub document: WhichReport,
    /// The note.
    pub note: &'a ImportNote,
    /// Whether it bears on the findings, so that `xxgk check` lists it by
    /// default: always what was guessed, dropped or not read; a tolerance of
    /// substance where a finding names its place; a tolerance of form never.
    pub significant: bool,
}

impl Checked {
    /// Checks a report read from `current` (and last year's, if given) with a
    /// configuration. A CSV of cells holds the tables only: the rules on what it
    /// cannot hold (sections, headings, text, dates) are off for it.
    pub fn new(
        current: Arc<ReportFile>,
        previous: Option<Arc<ReportFile>>,
        config: &Config,
    ) -> Checked {
        let tables_only;
        let config = if current.kind == InputKind::LongCsv {
            tables_only = without_text_rules(config);
            &tables_only
        } else {
            config
        };
        let mut options = CheckOptions::default()
            .config(config)
            .source(&current.source)
            .unread(&current.unread)
            .unfound(&current.unfound);
        options.previous = previous.as_ref().map(|p| &p.report);
        let mut findings = check_with(&current.report, &options);
        if let Some(previous) = &previous {
            locate_previous(&mut findings, &previous.source);
        }
        Checked {
            current,
            previous,
            findings,
        }
    }

    /// Whether a finding is an error (`xxgk check` exits with 1).
    pub fn has_errors(&self) -> bool {
        self.findings.has_errors()
    }

    /// The import notes of the files, in order: this year's, then last year's,
    /// each in the order the importer made them, with whether it bears on the
    /// findings.
    pub fn notes(&self) -> Vec<NoteOf<'_>> {
        let places = Places::new(&self.findings.diagnostics);
        let previous = self.previous.iter().flat_map(|p| &p.notes);
        let all = (self.current.notes.iter().map(|n| (WhichReport::Current, n)))
            .chain(previous.map(|n| (WhichReport::Previous, n)));
        all.map(|(document, note)| NoteOf {
            document,
            note,
            significant: places.significant(note, document),
        })
        .collect()
    }
}

/// The rules that look at what a CSV of cells cannot hold: sections, headings,
/// their order, the text, dates. A CSV holds the tables only; these rules would
/// report its missing sections as the report's.
fn without_text_rules(config: &Config) -> Config {
    const NOT_IN_TABLES: [&str; 3] = [
        "section-missing",
        "heading-not-official",
        "sections-out-of-order",
    ];
    let mut config = config.clone();
    for rule in xxgk_rules::registry::rules() {
        let text = matches!(rule.category(), "法定内容" | "日期" | "正文");
        if text || NOT_IN_TABLES.contains(&rule.name) {
            let _ = config.set_level(rule.code, Level::Off);
        }
    }
    config
}

/// Places in last year's report get their positions in last year's file (the
/// rules locate places in the current report only).
fn locate_previous(findings: &mut Findings, map: &SourceMap) {
    let locate = |l: &mut Location| {
        if l.document == WhichReport::Previous {
            l.source = map.lookup(&l.pointer);
        }
    };
    for d in &mut findings.diagnostics {
        locate(&mut d.location);
        d.related.iter_mut().for_each(|r| locate(&mut r.location));
    }
}

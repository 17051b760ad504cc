//! Pairing each report with last year's report of the same body, for the
//! cross-year checks of a batch: same body (the agency's name as
//! [`xxgk_model::agency::normalise`] compares it, and the same kind of body),
//! the year before.

use std::collections::HashMap;
use std::sync::Arc;

use xxgk_model::agency::forms;
use xxgk_model::{BodyKind, Report};

use crate::ReportFile;

/// Last year's reports of many bodies, found by body and year.
///
/// ```
/// use std::sync::Arc;
/// let checker = xxgk::Checker::new();
/// let read = |text: &str| Arc::new(checker.read(text.as_bytes(), "x.txt").unwrap());
/// let before = read("某某县水利局2024年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息100条。\n");
/// let now = read("某某县 水利局2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息120条。\n");
/// let last_year = xxgk::LastYear::new(vec![before]);
/// assert!(last_year.find(&now.report).is_some());
/// ```
#[derive(Debug, Clone, Default)]
pub struct LastYear {
    files: Vec<Arc<ReportFile>>,
    index: HashMap<(String, BodyKind, i32), usize>,
    /// Files of a body and year that another file already gave: not used.
    duplicates: Vec<usize>,
}

impl LastYear {
    /// Indexes last year's files; of two files of the same body and year the
    /// first is used ([`LastYear::duplicates`] lists the others).
    pub fn new(files: Vec<Arc<ReportFile>>) -> LastYear {
        let mut index = HashMap::new();
        let mut duplicates = Vec::new();
        for (i, file) in files.iter().enumerate() {
            let meta = &file.report.meta;
            let mut names = forms(&meta.agency).into_iter();
            let full = (names.next().unwrap_or_default(), meta.kind, meta.year);
            if index
                .get(&full)
                .is_some_and(|j| *j != i && is_full(&files, *j, &full.0))
            {
                duplicates.push(i);
                continue;
            }
            index.insert(full, i);
            // Shorter forms (without the place above): a full name takes
            // precedence, and so does the first file.
            for name in names {
                index.entry((name, meta.kind, meta.year)).or_insert(i);
            }
        }
        LastYear {
            files,
            index,
            duplicates,
        }
    }

    /// Last year's report of the body `report` is of, if one was given.
    pub fn find(&self, report: &Report) -> Option<Arc<ReportFile>> {
        let meta = &report.meta;
        let year = meta.year.checked_sub(1)?;
        let i = forms(&meta.agency)
            .into_iter()
            .find_map(|name| self.index.get(&(name, meta.kind, year)))?;
        self.files.get(*i).cloned()
    }

    /// The files indexed, in the order given.
    pub fn files(&self) -> &[Arc<ReportFile>] {
        &self.files
    }

    /// The files not used because an earlier one is of the same body and year.
    pub fn duplicates(&self) -> impl Iterator<Item = &ReportFile> {
        self.duplicates
            .iter()
            .filter_map(|i| self.files.get(*i).map(AsRef::as_ref))
    }
}

/// Whether file `j`'s full (normalised) name is `name`.
fn is_full(files: &[Arc<ReportFile>], j: usize, name: &str) -> bool {
    files
        .get(j)
        .is_some_and(|f| forms(&f.report.meta.agency).first().map(String::as_str) == Some(name))
}

/// Whether two reports are of the same body: the agency names the same (once
/// normalised, with or without the place above,
/// [`xxgk_model::agency::same_body`]) and the same kind of body.
pub fn same_body(a: &Report, b: &Report) -> bool {
    a.meta.kind == b.meta.kind && xxgk_model::agency::same_body(&a.meta.agency, &b.meta.agency)
}

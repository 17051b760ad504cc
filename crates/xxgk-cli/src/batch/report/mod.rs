//! The report file of a batch (`--report FILE`), by its extension: the office's
//! workbook (`.xlsx`), the problem list as CSV (`.csv`), the envelopes of the
//! library with the overview (`.json`), or SARIF 2.1.0 (`.sarif`). Each is
//! written as the outcomes come, into a temporary file renamed at the end.

mod csv;
mod json;
mod sarif;
mod xlsx;

use std::path::Path;

use anyhow::{Result, bail};
use xxgk::Totals;
use xxgk::rules::{Diagnostic, Severity, WhichReport};

use super::run::{Done, Keep, Outcome};
use crate::files::Streamed;

/// A report file being written.
pub(crate) enum Report {
    Xlsx(Box<xlsx::Xlsx>),
    Csv(csv::Csv),
    Json(json::Json),
    Sarif(sarif::Sarif),
}

/// The counts of a run, for the closing lines of the outputs.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counts {
    pub(crate) files: usize,
    pub(crate) checked: usize,
    pub(crate) with_errors: usize,
    pub(crate) unreadable: usize,
    pub(crate) skipped: usize,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    pub(crate) infos: usize,
}

impl Report {
    /// Opens the report file `path` asks for by its extension.
    pub(crate) fn create(path: &Path, overwrite: bool, inputs: &[&Path]) -> Result<Report> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let kind = ext.as_deref().unwrap_or("");
        if !matches!(kind, "xlsx" | "csv" | "json" | "sarif") {
            bail!(
                "报告文件 {} 的扩展名应为 .xlsx（工作簿）、.csv（问题清单）、.json 或 .sarif",
                path.display()
            );
        }
        let out = Streamed::create(path, overwrite, inputs)?;
        Ok(match kind {
            "xlsx" => Report::Xlsx(Box::new(xlsx::Xlsx::new(out)?)),
            "csv" => Report::Csv(csv::Csv::new(out)?),
            "json" => Report::Json(json::Json::new(out)?),
            _ => Report::Sarif(sarif::Sarif::new(out)?),
        })
    }

    /// What this report needs of each file.
    pub(crate) fn keep(&self) -> Keep {
        let mut keep = Keep {
            findings: true,
            ..Keep::default()
        };
        match self {
            Report::Xlsx(_) => {
                keep.cells = true;
                keep.totals = true;
            }
            Report::Json(_) => keep.envelope = true,
            Report::Csv(_) | Report::Sarif(_) => {}
        }
        keep
    }

    /// Writes what the report says of one file.
    pub(crate) fn add(&mut self, outcome: &Outcome) -> Result<()> {
        match self {
            Report::Xlsx(x) => x.add(outcome),
            Report::Csv(c) => c.add(outcome),
            Report::Json(j) => j.add(outcome),
            Report::Sarif(s) => s.add(outcome),
        }
    }

    /// Ends the report and renames it into place.
    pub(crate) fn finish(self, counts: &Counts, totals: &Totals) -> Result<()> {
        match self {
            Report::Xlsx(x) => x.finish(counts, totals),
            Report::Csv(c) => c.finish(),
            Report::Json(j) => j.finish(counts),
            Report::Sarif(s) => s.finish(),
        }
    }
}

/// The columns of the problem list (问题清单 and the CSV).
pub(crate) const PROBLEM_COLUMNS: [&str; 13] = [
    "文件",
    "机关",
    "年度",
    "代码",
    "级别",
    "规则",
    "问题",
    "表",
    "行",
    "列",
    "文件中位置",
    "模型中位置",
    "建议",
];

/// One finding as a row of the problem list; the year is a number.
pub(crate) struct Problem<'a> {
    pub(crate) done: &'a Done,
    pub(crate) d: &'a Diagnostic,
}

impl Problem<'_> {
    /// The row's cells as text (the year too).
    pub(crate) fn cells(&self) -> [String; 13] {
        let o = &self.done.overview;
        let d = self.d;
        let (table, row, column) = d.location.key.as_ref().map_or_else(
            || (String::new(), String::new(), String::new()),
            |k| {
                (
                    k.table.numeral().to_owned(),
                    k.row.clone(),
                    k.column.clone(),
                )
            },
        );
        let place = d.location.source.map(|p| p.to_string()).unwrap_or_default();
        let place = match d.location.document {
            WhichReport::Previous if !place.is_empty() => {
                format!(
                    "上年报告{}{place}",
                    o.previous
                        .as_deref()
                        .map(|p| format!(" {p} "))
                        .unwrap_or_default()
                )
            }
            _ => place,
        };
        [
            o.file.clone(),
            o.agency.clone(),
            o.year.to_string(),
            d.code.clone(),
            severity(d.severity).to_owned(),
            d.name.clone(),
            d.message.clone(),
            table,
            row,
            column,
            place,
            d.location.pointer.to_string(),
            d.help.clone().unwrap_or_default(),
        ]
    }
}

/// A severity in Chinese.
pub(crate) fn severity(s: Severity) -> &'static str {
    s.label()
}

/// The problems of an outcome.
pub(crate) fn problems(outcome: &Outcome) -> impl Iterator<Item = Problem<'_>> {
    let done = match outcome {
        Outcome::Checked(done) => Some(done.as_ref()),
        _ => None,
    };
    done.into_iter()
        .flat_map(|done| done.findings.iter().map(move |d| Problem { done, d }))
}

//! Reading and checking the files of a batch on several threads (rayon), in
//! chunks, handing each file's outcome on in the order of the files whatever
//! the scheduling. Each outcome keeps what the outputs need of a check (the
//! overview, the findings, the text or envelope when asked), never the report
//! file itself, so that memory does not grow with the number of files.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use xxgk::import::{Pdftotext, is_pdf};
use xxgk::model::long::LongRecord;
use xxgk::rules::Diagnostic;
use xxgk::{Checker, LastYear, Overview, ReportFile, Totals, Unreadable};

use super::walk::Found;
use crate::files::{is_stdin, name};
use crate::limits::{MAX_INPUT_BYTES, pdf_timeout, read_input};

/// What the outputs of a run need of each file.
#[derive(Debug, Clone, Copy, Default)]
#[allow(clippy::struct_excessive_bools)] // independent switches, one per output.
pub(crate) struct Keep {
    /// The text of `xxgk check` (with every import note when `notes`).
    pub(crate) text: bool,
    /// Every import note in the text.
    pub(crate) notes: bool,
    /// The JSON envelope.
    pub(crate) envelope: bool,
    /// The findings.
    pub(crate) findings: bool,
    /// The cells, in the long format.
    pub(crate) cells: bool,
    /// The tables, for the sums.
    pub(crate) totals: bool,
}

/// What became of one file.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Read and checked.
    Checked(Box<Done>),
    /// Not read, and why.
    Unreadable {
        /// The file as messages give it.
        name: String,
        /// Why, in a word.
        reason: Unreadable,
        /// Why, in full.
        message: String,
    },
    /// Found in a folder and not read (another kind of file…), and why.
    Skipped {
        /// The file as messages give it.
        name: String,
        /// Why.
        why: String,
    },
}

/// A file read and checked: what the outputs need of it.
#[derive(Debug)]
pub(crate) struct Done {
    pub(crate) overview: Overview,
    pub(crate) has_errors: bool,
    pub(crate) text: Option<String>,
    pub(crate) envelope: Option<xxgk::Envelope>,
    pub(crate) findings: Vec<Diagnostic>,
    pub(crate) cells: Vec<LongRecord>,
    pub(crate) totals: Option<Totals>,
    /// Whether last year's files were given and none of them is this report's.
    pub(crate) unpaired: bool,
}

/// How a run reads and checks.
pub(crate) struct Run<'a> {
    pub(crate) checker: &'a Checker,
    pub(crate) keep: Keep,
    /// Last year's reports, when `--previous` gave several or a folder.
    pub(crate) last_year: Option<&'a LastYear>,
    /// Last year's report, when one file each was given.
    pub(crate) previous: Option<Arc<ReportFile>>,
}

/// Files handed to the threads at a time: enough to keep every thread busy,
/// few enough that the outcomes waiting to be written stay small.
const CHUNK_PER_THREAD: usize = 32;

/// Reads and checks `files` on the current rayon pool, calling `each` with each
/// outcome in the order of `files`; `progress` counts the files done.
pub(crate) fn run(
    run: &Run<'_>,
    files: &[Found],
    progress: &ProgressBar,
    mut each: impl FnMut(Outcome) -> Result<()> + Send,
) -> Result<()> {
    let chunk = (rayon::current_num_threads() * CHUNK_PER_THREAD).max(1);
    let compute = |part: &[Found]| -> Vec<Outcome> {
        part.par_iter()
            .map(|found| {
                let outcome = match found {
                    Found::File(path) => one(run, path),
                    Found::Skipped(path, why) => Outcome::Skipped {
                        name: name(path),
                        why: why.clone(),
                    },
                    Found::Failed(path, why) => Outcome::Unreadable {
                        name: name(path),
                        reason: Unreadable::NotAFile,
                        message: format!("{}：{why}", name(path)),
                    },
                };
                progress.inc(1);
                outcome
            })
            .collect()
    };
    // The outcomes of one chunk are handed on (printed, written) while the
    // next chunk is checked: at most two chunks are held at a time.
    let mut pending: Vec<Outcome> = Vec::new();
    for part in files.chunks(chunk) {
        let waiting = std::mem::take(&mut pending);
        let (handed, next) = rayon::join(
            || waiting.into_iter().try_for_each(&mut each),
            || compute(part),
        );
        handed?;
        pending = next;
    }
    pending.into_iter().try_for_each(&mut each)
}

/// Reads and checks one file.
fn one(run: &Run<'_>, path: &Path) -> Outcome {
    let name = name(path);
    let (file, bytes) = match read_file(run.checker, path, &name, false) {
        Ok(read) => read,
        Err(outcome) => return outcome,
    };
    drop(bytes);
    let file = Arc::new(file);
    let (previous, unpaired) = match (run.last_year, &run.previous) {
        (Some(last_year), _) => {
            let found = last_year.find(&file.report);
            let unpaired = found.is_none();
            (found, unpaired)
        }
        (None, previous) => (previous.clone(), false),
    };
    let checked = run.checker.check_read(file, previous);
    let keep = run.keep;
    let text = keep
        .text
        .then(|| crate::shown::escaped(&checked.text(keep.notes)).into_owned());
    let envelope = keep.envelope.then(|| checked.envelope());
    let findings = if keep.findings {
        checked.findings.diagnostics.clone()
    } else {
        Vec::new()
    };
    let report = &checked.current.report;
    let cells = if keep.cells {
        xxgk::model::long::long_records(report)
    } else {
        Vec::new()
    };
    let totals = keep.totals.then(|| {
        let mut t = Totals::new();
        t.add(report);
        t
    });
    Outcome::Checked(Box::new(Done {
        overview: run.checker.overview(&checked),
        has_errors: checked.has_errors(),
        text,
        envelope,
        findings,
        cells,
        totals,
        unpaired,
    }))
}

/// Reads a file as `checker` reads files (last year's without the overrides
/// when `previous`), or says why it could not.
pub(crate) fn read_file(
    checker: &Checker,
    path: &Path,
    name: &str,
    previous: bool,
) -> Result<(ReportFile, Vec<u8>), Outcome> {
    let unreadable = |reason, message: String| Outcome::Unreadable {
        name: name.to_owned(),
        reason,
        message,
    };
    let bytes = if is_stdin(path) {
        crate::input::read_stdin()
    } else {
        match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() => {
                let what = crate::limits::kind_of(&meta);
                return Err(unreadable(
                    Unreadable::NotAFile,
                    format!("{name} 不是普通文件（{what}），不能作为输入读取"),
                ));
            }
            Ok(meta) if meta.len() > MAX_INPUT_BYTES => {
                return Err(unreadable(
                    Unreadable::TooLarge,
                    format!(
                        "{name} 超过 {} MiB 的输入上限，未读取",
                        MAX_INPUT_BYTES >> 20
                    ),
                ));
            }
            _ => read_input(path),
        }
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        // The size was looked at above; a file that grew since is said as the
        // reader says it.
        Err(e) => return Err(unreadable(Unreadable::Other, crate::errors::message(&e))),
    };
    let read = if is_pdf(&bytes) {
        match pdf_timeout() {
            Ok(limit) => {
                let checker = checker
                    .clone()
                    .pdf_extractor(Pdftotext::new().timeout(limit));
                read_with(&checker, &bytes, name, previous)
            }
            Err(e) => return Err(unreadable(Unreadable::Other, crate::errors::message(&e))),
        }
    } else {
        read_with(checker, &bytes, name, previous)
    };
    match read {
        Ok(file) => Ok((file, bytes)),
        Err(e) => {
            let reason = Unreadable::of(&e, &bytes);
            let message = crate::errors::message(&crate::errors::read_error(name, &bytes, e));
            Err(unreadable(reason, message))
        }
    }
}

fn read_with(
    checker: &Checker,
    bytes: &[u8],
    name: &str,
    previous: bool,
) -> Result<ReportFile, xxgk::Error> {
    if previous {
        checker.read_previous(bytes, name)
    } else {
        checker.read(bytes, name)
    }
}

/// Reads last year's files on the current pool; those that cannot be read are
/// outcomes to report.
pub(crate) fn read_previous(
    checker: &Checker,
    files: &[PathBuf],
) -> (Vec<Arc<ReportFile>>, Vec<Outcome>) {
    let read: Vec<Result<ReportFile, Outcome>> = files
        .par_iter()
        .map(|path| read_file(checker, path, &name(path), true).map(|(file, _)| file))
        .collect();
    let mut ok = Vec::new();
    let mut failed = Vec::new();
    for r in read {
        match r {
            Ok(file) => ok.push(Arc::new(file)),
            Err(outcome) => failed.push(outcome),
        }
    }
    (ok, failed)
}

/// A progress bar on standard error when it is a terminal, else one that
/// draws nothing.
pub(crate) fn progress(len: usize) -> ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} 份 已用 {elapsed} 约余 {eta}")
    {
        bar.set_style(style);
    }
    bar
}

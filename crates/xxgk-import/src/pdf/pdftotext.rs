//! The default extractor: poppler's `pdftotext -layout`, run as a separate
//! program within a time limit and an output limit.

use std::ffi::OsString;
use std::process::Command;
use std::time::Duration;

use super::bounded::{RunError, run_bounded};
use super::{PdfError, PdfExtractor};

/// How long `pdftotext` may run on one PDF before it is stopped, unless
/// [`Pdftotext::timeout`] says otherwise: the largest report of the corpus
/// takes a fraction of a second.
pub const PDFTOTEXT_TIMEOUT: Duration = Duration::from_secs(60);

/// The most text read from `pdftotext` for one PDF (64 MiB, as much as a text
/// file may hold), unless [`Pdftotext::max_text_bytes`] says otherwise.
pub const MAX_PDF_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// The program's name, as messages give it.
const PROGRAM: &str = "pdftotext";

/// The options it is run with: the layout kept (cells aligned by spaces), the
/// text as UTF-8, the PDF read from standard input and the text written to
/// standard output. `--` ends the options, so nothing that follows is one.
const ARGS: &[&str] = &["-layout", "-enc", "UTF-8", "--", "-", "-"];

/// Extracts a PDF's text with `pdftotext -layout` (poppler-utils): each page's
/// lines with their cells aligned by spaces, pages separated by a form feed.
///
/// The PDF is written to the program's standard input (no file is written, and
/// no name of a file can be taken for an option); the program is stopped after
/// the time limit, or once its text passes the size limit, and waited for.
///
/// ```no_run
/// use std::time::Duration;
/// use xxgk_import::{ImportOptions, Pdftotext, import};
///
/// let pdf = std::fs::read("报告.pdf").unwrap();
/// let options = ImportOptions::default()
///     .pdf_extractor(Pdftotext::new().timeout(Duration::from_secs(10)));
/// let imported = import(&pdf, &options).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdftotext {
    program: OsString,
    timeout: Duration,
    max_text_bytes: u64,
}

impl Default for Pdftotext {
    fn default() -> Pdftotext {
        Pdftotext {
            program: PROGRAM.into(),
            timeout: PDFTOTEXT_TIMEOUT,
            max_text_bytes: MAX_PDF_TEXT_BYTES,
        }
    }
}

impl Pdftotext {
    /// `pdftotext` as found on the `PATH`, with the default limits.
    pub fn new() -> Pdftotext {
        Pdftotext::default()
    }

    /// The time limit ([`PDFTOTEXT_TIMEOUT`] unless set).
    #[must_use]
    pub fn timeout(mut self, limit: Duration) -> Pdftotext {
        self.timeout = limit;
        self
    }

    /// The most bytes of text read ([`MAX_PDF_TEXT_BYTES`] unless set).
    #[must_use]
    pub fn max_text_bytes(mut self, limit: u64) -> Pdftotext {
        self.max_text_bytes = limit;
        self
    }

    /// The program to run instead of `pdftotext` on the `PATH` (a path to it, or
    /// another name); it is given the same arguments.
    #[must_use]
    pub fn program(mut self, program: impl Into<OsString>) -> Pdftotext {
        self.program = program.into();
        self
    }

    /// The time limit.
    pub fn time_limit(&self) -> Duration {
        self.timeout
    }
}

impl PdfExtractor for Pdftotext {
    fn extract(&self, pdf: &[u8]) -> Result<String, PdfError> {
        let mut command = Command::new(&self.program);
        command.args(ARGS);
        let output = match run_bounded(&mut command, pdf, self.timeout, self.max_text_bytes) {
            Ok(o) => o,
            Err(RunError::Timeout) => {
                return Err(PdfError::Timeout {
                    limit: self.timeout,
                });
            }
            Err(RunError::TooLarge) => {
                return Err(PdfError::TooLarge {
                    limit: self.max_text_bytes,
                });
            }
            Err(RunError::Spawn(e)) => return Err(PdfError::spawn(PROGRAM, &e)),
        };
        if !output.status.success() {
            // pdftotext's own words (English) only in parentheses, for whoever helps.
            let why = String::from_utf8_lossy(&output.stderr);
            let status = output
                .status
                .code()
                .map_or_else(|| "被信号终止".to_owned(), |c| format!("退出码 {c}"));
            return Err(PdfError::Broken {
                reason: format!("{status}；{PROGRAM} 的输出：{}", why.trim()),
            });
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

//! PDF files: read through their text, which a [`PdfExtractor`] gives. The
//! importer has none of its own (it runs no program unless asked): a caller
//! passes [`Pdftotext`], which runs poppler's `pdftotext -layout` within limits,
//! or another extractor, or none, and a PDF is then refused with
//! [`PdfError::NoExtractor`].

use std::fmt;
use std::io;
use std::sync::Arc;
use std::time::Duration;

mod bounded;
mod pdftotext;

pub use pdftotext::{MAX_PDF_TEXT_BYTES, PDFTOTEXT_TIMEOUT, Pdftotext};

/// Extracts the text of a PDF file, for the importer to read as a text file.
///
/// The text should keep each page's lines, with the cells of a table aligned by
/// spaces or tabs, and separate pages by a form feed (U+000C), as `pdftotext
/// -layout` does: positions in the PDF are then lines and columns of that text,
/// and the page of a line is one more than the form feeds before it.
///
/// An extractor may be shared by threads that import files at the same time.
///
/// ```
/// use xxgk_import::{ImportOptions, PdfError, PdfExtractor, import};
///
/// /// Gives the same text for every PDF (a test double).
/// #[derive(Debug)]
/// struct Fixed(&'static str);
///
/// impl PdfExtractor for Fixed {
///     fn extract(&self, _pdf: &[u8]) -> Result<String, PdfError> {
///         Ok(self.0.to_owned())
///     }
/// }
///
/// let text = "某某县水利局2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息120条。\n";
/// let options = ImportOptions::default().pdf_extractor(Fixed(text));
/// let imported = import(b"%PDF-1.7\n...", &options).unwrap();
/// assert_eq!(imported.report.meta.year, 2025);
/// assert_eq!(imported.kind.as_str(), "pdf");
/// ```
pub trait PdfExtractor: fmt::Debug + Send + Sync {
    /// The text of the PDF file `pdf` (its bytes, as read).
    fn extract(&self, pdf: &[u8]) -> Result<String, PdfError>;
}

/// Why a PDF file gave no text to read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// No extractor was given ([`crate::ImportOptions::pdf_extractor`]): PDF files
    /// are refused.
    #[error(
        "这是 PDF 文件，未设置提取其文字的方式；请先转为文本（例如 pdftotext -layout 报告.pdf 报告.txt），再读取该文本文件"
    )]
    NoExtractor,
    /// The file holds no text (a scan: pages of pictures).
    #[error("这是 PDF 文件，但其中没有可提取的文字（可能是扫描的图片）")]
    Scanned,
    /// The extractor could not read the file: it is broken or encrypted.
    #[error("PDF 文件无法提取文字，可能已损坏或加密（{reason}）")]
    Broken {
        /// What the extractor said (for `pdftotext`: its exit status and its own
        /// words, in English).
        reason: String,
    },
    /// The extracting program ran past its time limit and was stopped.
    #[error("提取 PDF 文字的程序运行超过 {} 秒仍未结束，已停止", .limit.as_secs())]
    Timeout {
        /// The time limit.
        limit: Duration,
    },
    /// The text passed its size limit; the extraction was stopped.
    #[error("PDF 文件提取的文字超过 {} MiB 上限，已停止", .limit >> 20)]
    TooLarge {
        /// The most bytes of text read.
        limit: u64,
    },
    /// The extracting program is not installed.
    #[error("提取 PDF 文字的程序 {program} 未安装")]
    NotInstalled {
        /// The program's name.
        program: String,
    },
    /// The extracting program could not be started.
    #[error("无法运行提取 PDF 文字的程序 {program}（{kind}）")]
    Spawn {
        /// The program's name.
        program: String,
        /// What the operating system said.
        kind: io::ErrorKind,
        /// The operating system's error number, where there is one.
        os_code: Option<i32>,
    },
}

impl PdfError {
    /// The error of a program that could not be started.
    pub(crate) fn spawn(program: &str, e: &io::Error) -> PdfError {
        if e.kind() == io::ErrorKind::NotFound {
            PdfError::NotInstalled {
                program: program.to_owned(),
            }
        } else {
            PdfError::Spawn {
                program: program.to_owned(),
                kind: e.kind(),
                os_code: e.raw_os_error(),
            }
        }
    }
}

/// An extractor as [`crate::ImportOptions`] holds it: shared, and equal to
/// another only when it is the same one.
#[derive(Clone)]
pub(crate) struct SharedExtractor(pub(crate) Arc<dyn PdfExtractor>);

impl fmt::Debug for SharedExtractor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialEq for SharedExtractor {
    fn eq(&self, other: &SharedExtractor) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedExtractor {}

/// The text of a PDF file through an extractor; a text of nothing but white
/// space is a scan.
pub(crate) fn extract(
    pdf: &[u8],
    extractor: Option<&dyn PdfExtractor>,
) -> Result<String, PdfError> {
    let text = extractor.ok_or(PdfError::NoExtractor)?.extract(pdf)?;
    if text.chars().all(char::is_whitespace) {
        return Err(PdfError::Scanned);
    }
    Ok(text)
}

//! What the caller knows beyond the file's content.

use std::sync::Arc;

use xxgk_model::BodyKind;

use crate::pdf::{PdfExtractor, SharedExtractor};

/// What the caller knows beyond the file's content: `ImportOptions::default()`,
/// then the setters.
///
/// ```
/// use xxgk_import::ImportOptions;
/// use xxgk_model::BodyKind;
///
/// let options = ImportOptions::default()
///     .file_name("报告.txt")
///     .year(2025)
///     .kind(BodyKind::Department);
/// assert_eq!(options.year, Some(2025));
/// ```
///
/// It cannot be written as a struct literal (a field may be added):
///
/// ```compile_fail
/// let options = xxgk_import::ImportOptions {
///     file_name: None,
///     year: None,
///     kind: None,
///     agency: None,
/// };
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportOptions {
    /// The file's name (its extension helps tell a model file from a report).
    pub file_name: Option<String>,
    /// The report year, overriding what the title says.
    pub year: Option<i32>,
    /// The kind of body, overriding what the agency's name suggests.
    pub kind: Option<BodyKind>,
    /// The issuing body, overriding what the title says.
    pub agency: Option<String>,
    /// The most bytes of (decoded) text the text front end reads; none reads up
    /// to [`crate::MAX_TEXT_BYTES`]. Text after the last line break within the
    /// limit is not read (note `text-truncated`). A caller reading large inputs
    /// on purpose raises it; every reader stays bounded by it.
    pub max_text_bytes: Option<usize>,
    /// What extracts a PDF file's text; none refuses PDF files.
    pdf: Option<SharedExtractor>,
}

impl ImportOptions {
    /// The file's name.
    #[must_use]
    pub fn file_name(mut self, name: impl Into<String>) -> ImportOptions {
        self.file_name = Some(name.into());
        self
    }

    /// The report year, overriding what the title says.
    #[must_use]
    pub fn year(mut self, year: i32) -> ImportOptions {
        self.year = Some(year);
        self
    }

    /// The kind of body, overriding what the agency's name suggests.
    #[must_use]
    pub fn kind(mut self, kind: BodyKind) -> ImportOptions {
        self.kind = Some(kind);
        self
    }

    /// The issuing body, overriding what the title says.
    #[must_use]
    pub fn agency(mut self, agency: impl Into<String>) -> ImportOptions {
        self.agency = Some(agency.into());
        self
    }

    /// The most bytes of text the text front end reads (see
    /// [`ImportOptions::max_text_bytes`](#structfield.max_text_bytes)).
    #[must_use]
    pub fn max_text_bytes(mut self, bytes: usize) -> ImportOptions {
        self.max_text_bytes = Some(bytes);
        self
    }

    /// The text front end's limit in bytes: [`ImportOptions::max_text_bytes`](#structfield.max_text_bytes)
    /// or [`crate::MAX_TEXT_BYTES`].
    pub fn text_limit(&self) -> usize {
        self.max_text_bytes.unwrap_or(crate::MAX_TEXT_BYTES)
    }

    /// Reads PDF files through the text `extractor` gives (e.g.
    /// [`crate::Pdftotext`]); without one, a PDF file is refused with
    /// [`crate::PdfError::NoExtractor`].
    #[must_use]
    pub fn pdf_extractor(self, extractor: impl PdfExtractor + 'static) -> ImportOptions {
        self.shared_pdf_extractor(Arc::new(extractor))
    }

    /// Reads PDF files through an extractor shared with other options.
    #[must_use]
    pub fn shared_pdf_extractor(mut self, extractor: Arc<dyn PdfExtractor>) -> ImportOptions {
        self.pdf = Some(SharedExtractor(extractor));
        self
    }

    /// Refuses PDF files ([`crate::PdfError::NoExtractor`]), as the default does.
    #[must_use]
    pub fn no_pdf_extractor(mut self) -> ImportOptions {
        self.pdf = None;
        self
    }

    /// What extracts a PDF file's text, if anything does.
    pub fn extractor(&self) -> Option<&dyn PdfExtractor> {
        self.pdf.as_ref().map(|x| &*x.0)
    }
}

//! What a check is asked to do: how files are read (year, kind and agency
//! overrides, the PDF extractor) and the configuration of the rules.

use std::sync::Arc;

use xxgk_import::{ImportOptions, PdfExtractor, Pdftotext};
use xxgk_model::BodyKind;
use xxgk_rules::Config;

use crate::{Checked, Error, ReportFile};

/// Checks report files as `xxgk check` does: `Checker::new()`, the setters, then
/// [`Checker::check`] for each file.
///
/// ```
/// let text = "某某县水利局2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息120条。\n";
/// let checked = xxgk::Checker::new().check(text.as_bytes(), "报告.txt").unwrap();
/// assert_eq!(checked.current.report.meta.agency, "某某县水利局");
/// // Five of the six sections are missing.
/// assert!(checked.has_errors());
/// let json = checked.envelope().to_json();
/// assert!(json.starts_with("{\n  \"version\": 1,\n  \"file\": \"报告.txt\",\n  \"input\": \"text\""));
/// ```
///
/// A checker is shared by threads that check files at the same time (it is
/// `Sync`); each check is independent of the others.
#[derive(Debug, Clone)]
pub struct Checker {
    import: ImportOptions,
    config: Config,
}

impl Default for Checker {
    fn default() -> Checker {
        Checker::new()
    }
}

impl Checker {
    /// A checker with the default configuration that reads PDF files through
    /// `pdftotext` ([`Pdftotext::new`], its default limits).
    pub fn new() -> Checker {
        Checker {
            import: ImportOptions::default().pdf_extractor(Pdftotext::new()),
            config: Config::default(),
        }
    }

    /// The report year, overriding what a published report's title says.
    #[must_use]
    pub fn year(mut self, year: i32) -> Checker {
        self.import.year = Some(year);
        self
    }

    /// The kind of body, overriding what the agency's name suggests.
    #[must_use]
    pub fn kind(mut self, kind: BodyKind) -> Checker {
        self.import.kind = Some(kind);
        self
    }

    /// The issuing body, overriding what a published report's title says.
    #[must_use]
    pub fn agency(mut self, agency: impl Into<String>) -> Checker {
        self.import.agency = Some(agency.into());
        self
    }

    /// The configuration of the rules (rules off or at another severity, local
    /// deadlines).
    #[must_use]
    pub fn config(mut self, config: Config) -> Checker {
        self.config = config;
        self
    }

    /// Reads PDF files through this extractor.
    #[must_use]
    pub fn pdf_extractor(mut self, extractor: impl PdfExtractor + 'static) -> Checker {
        self.import = self.import.pdf_extractor(extractor);
        self
    }

    /// Refuses PDF files ([`xxgk_import::PdfError::NoExtractor`]); no program is
    /// ever run.
    #[must_use]
    pub fn no_pdf(mut self) -> Checker {
        self.import = self.import.no_pdf_extractor();
        self
    }

    /// The configuration of the rules.
    pub fn configuration(&self) -> &Config {
        &self.config
    }

    /// How files are read: the overrides and the PDF extractor.
    pub fn import_options(&self) -> &ImportOptions {
        &self.import
    }

    /// Reads the file to check (see [`ReportFile::read`]); the overrides apply.
    pub fn read(&self, bytes: &[u8], name: &str) -> Result<ReportFile, Error> {
        ReportFile::read(bytes, name, &self.import)
    }

    /// Reads last year's file: as [`Checker::read`], without the overrides (they
    /// are said of this year's report).
    pub fn read_previous(&self, bytes: &[u8], name: &str) -> Result<ReportFile, Error> {
        let mut options = self.import.clone();
        options.year = None;
        options.kind = None;
        options.agency = None;
        ReportFile::read(bytes, name, &options).map_err(|e| Error::Previous(Box::new(e)))
    }

    /// Checks files already read (last year's may be shared by several checks).
    pub fn check_read(
        &self,
        current: Arc<ReportFile>,
        previous: Option<Arc<ReportFile>>,
    ) -> Checked {
        Checked::new(current, previous, &self.config)
    }

    /// Reads and checks a file: `bytes` as read, `name` as messages should give
    /// it (its extension, if any, helps tell a model file).
    pub fn check(&self, bytes: &[u8], name: &str) -> Result<Checked, Error> {
        let current = self.read(bytes, name)?;
        Ok(self.check_read(Arc::new(current), None))
    }

    /// Reads and checks a file with last year's report of the same agency, for
    /// the cross-year checks; last year's places are positioned in its file.
    pub fn check_with_previous(
        &self,
        bytes: &[u8],
        name: &str,
        previous: &[u8],
        previous_name: &str,
    ) -> Result<Checked, Error> {
        let current = self.read(bytes, name)?;
        let previous = self.read_previous(previous, previous_name)?;
        Ok(self.check_read(Arc::new(current), Some(Arc::new(previous))))
    }
}

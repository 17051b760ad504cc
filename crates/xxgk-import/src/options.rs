//! What the caller knows beyond the file's content.

use xxgk_model::BodyKind;

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
}

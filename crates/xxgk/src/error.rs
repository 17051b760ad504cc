//! Why a file could not be checked.

use xxgk_import::ImportError;

/// Why a file could not be checked: it could not be read as a report. (What is
/// wrong with a report is a finding, never an error.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be imported: not a report, a broken Word or model file,
    /// a PDF without text or without an extractor ([`ImportError::Pdf`]).
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A year, kind of body or agency was given for a model file, whose `[meta]`
    /// says them.
    #[error("这是模型文件，年度、机关类别和机关名称写在它的 [meta] 中，不能另行指定")]
    OverridesForModelFile,
    /// Last year's report could not be read.
    #[error("上年报告无法读取：{0}")]
    Previous(Box<Error>),
}

//! The import error: why an input could not be imported at all.

/// Why an input could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The input is not a government information-disclosure annual report.
    #[error("不是政府信息公开工作年度报告：{0}")]
    NotAReport(String),
    /// The input could not be decoded or unpacked.
    #[error("无法读取文件：{0}")]
    Unreadable(String),
    /// A model file (TOML/JSON) is invalid: where, what is wrong, how to fix it.
    #[error("模型文件有误：{0}")]
    InvalidModel(crate::ModelFileError),
}

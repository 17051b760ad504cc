//! Import notes (what was tolerated or could not be read) and the import error.

use xxgk_model::{Pointer, SourcePos};

use crate::NoteCode;

/// Something the importer tolerated, corrected in reading, or could not read. Notes
/// never change what the report says; they say how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportNote {
    /// What kind of note it is (`label-variant`, `cell-unreadable` …).
    pub code: NoteCode,
    /// What happened, in Chinese, naming the table, row and column where it applies.
    pub message: String,
    /// Where in the source file, if known.
    pub pos: Option<SourcePos>,
    /// The JSON Pointer of the model part concerned, if any.
    pub pointer: Option<Pointer>,
}

/// Why an input could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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

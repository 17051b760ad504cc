//! Errors of the model crate.

/// What went wrong building or reading a model value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// A year for which there is no official format: before 2019, when the 2019
    /// trial format took effect, or past 9999.
    #[error("报告年度 {0} 不在统一格式适用范围内（2019 年起的年度报告才有统一格式）")]
    NoOfficialFormat(i32),
    /// Placeholder text must be non-empty and must not read as a number.
    #[error("占位文字不能为空，也不能是数字：“{0}”")]
    InvalidPlaceholder(String),
    /// A number has more digits than the model can hold exactly.
    #[error("数字超出可精确表示的范围：“{0}”")]
    NumberOutOfRange(String),
    /// A cell key line is not `table,row,column`.
    #[error("单元格键格式应为“表,行,列”：“{0}”")]
    InvalidKey(String),
    /// A cell key names a table other than 二, 三 or 四.
    #[error("未知的表：“{0}”（应为 二、三 或 四）")]
    UnknownTable(String),
    /// A text is not a JSON Pointer (RFC 6901).
    #[error("不是有效的 JSON Pointer：“{0}”")]
    InvalidPointer(String),
    /// A JSON Pointer does not point at a table cell.
    #[error("JSON Pointer 不指向表格单元格：“{0}”")]
    NotACellPointer(String),
    /// A CSV text could not be read.
    #[error("CSV 第 {line} 行：{reason}")]
    InvalidCsv {
        /// Line, from 1.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

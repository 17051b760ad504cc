//! The render error.

/// Why a report could not be rendered. Only the Word package can fail, and only if
/// the zip writer does (which writing into memory does not do in practice).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The Word package could not be assembled.
    #[error("无法生成 Word 文件：{0}")]
    Package(String),
}

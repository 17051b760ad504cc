//! Errors as the user reads them: in Chinese throughout. The operating system's
//! errors (`No such file or directory (os error 2)`) are said in Chinese with the
//! error number in parentheses, and a model file's error shows its line with a
//! marker under the column and the fix.

use std::error::Error as _;
use std::io::{self, ErrorKind};
use std::path::Path;

use xxgk::import::{ImportError, InputKind, ModelFileError, PdfError};

use crate::limits::PDF_TIMEOUT_VAR;

/// The text after `错误：` for an error of a command: its contexts, outermost
/// first, joined by `：`; an I/O error at the end in Chinese.
pub(crate) fn message(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        if let Some(io) = cause.downcast_ref::<io::Error>() {
            parts.push(io_words(io));
            // Its sources say the same in English.
            break;
        }
        parts.push(cause.to_string());
    }
    parts.join("：")
}

/// An I/O error in Chinese, with the system's error number where there is one:
/// `文件或目录不存在（os error 2）`.
pub(crate) fn io_words(e: &io::Error) -> String {
    let what = match e.kind() {
        ErrorKind::NotFound => "文件或目录不存在",
        ErrorKind::PermissionDenied => "没有权限",
        ErrorKind::AlreadyExists => "文件已存在",
        ErrorKind::IsADirectory => "这是一个目录，不是文件",
        ErrorKind::NotADirectory => "路径中有一段不是目录",
        ErrorKind::DirectoryNotEmpty => "目录不是空的",
        ErrorKind::ReadOnlyFilesystem => "文件系统是只读的",
        ErrorKind::StorageFull => "磁盘空间不足",
        ErrorKind::FileTooLarge => "文件过大",
        ErrorKind::InvalidFilename => "文件名无效",
        ErrorKind::CrossesDevices => "不能跨文件系统移动文件",
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => "文件正被占用",
        ErrorKind::InvalidData => "内容无效（不是 UTF-8 文本）",
        ErrorKind::InvalidInput => "参数无效",
        ErrorKind::UnexpectedEof => "文件意外结束",
        ErrorKind::BrokenPipe => "管道已关闭",
        ErrorKind::TimedOut => "超时",
        ErrorKind::Interrupted => "被中断",
        ErrorKind::OutOfMemory => "内存不足",
        ErrorKind::Unsupported => "不支持这一操作",
        ErrorKind::TooManyLinks => "链接过多",
        ErrorKind::WouldBlock => "暂时无法完成（资源忙）",
        ErrorKind::WriteZero => "无法写入更多内容",
        _ => "系统错误",
    };
    match os_code(e) {
        Some(code) => format!("{what}（os error {code}）"),
        None => what.to_owned(),
    }
}

/// The operating system's error number, also when a library wrapped the error:
/// tempfile adds the path of its temporary file in a private type, whose text
/// still ends the system's message with `(os error N)`.
fn os_code(e: &io::Error) -> Option<i32> {
    if let Some(code) = e.raw_os_error() {
        return Some(code);
    }
    let mut next = e.source();
    while let Some(cause) = next {
        if let Some(code) = cause
            .downcast_ref::<io::Error>()
            .and_then(io::Error::raw_os_error)
        {
            return Some(code);
        }
        next = cause.source();
    }
    let text = e.to_string();
    let (_, rest) = text.split_once("(os error ")?;
    rest.split(')').next()?.parse().ok()
}

/// Why a file could not be read, as the user reads it: a model file's error
/// with the file's line and the fix, a PDF's with what to do, anything else
/// after `NAME 无法导入`. `name` is the file as messages give it, `bytes` its
/// content.
pub(crate) fn read_error(name: &str, bytes: &[u8], err: xxgk::Error) -> anyhow::Error {
    match err {
        xxgk::Error::Import(ImportError::InvalidModel(e)) => {
            let what = if xxgk::import::sniff(bytes) == InputKind::LongCsv {
                "CSV 有误"
            } else {
                "模型文件有误"
            };
            anyhow::anyhow!(xxgk::text::model_file_error(name, bytes, &e, what))
        }
        xxgk::Error::Import(ImportError::Pdf(e)) => anyhow::anyhow!(pdf_error(name, &e)),
        xxgk::Error::OverridesForModelFile => anyhow::anyhow!(
            "{name} 是模型文件，年度、机关类别和机关名称写在它的 [meta] 中；--year、--kind、--agency 只用于已发布的报告（网页、文本、Word、PDF 文件）和 CSV"
        ),
        xxgk::Error::Previous(e) => read_error(name, bytes, *e),
        other => anyhow::Error::new(other).context(format!("{name} 无法导入")),
    }
}

/// Why a PDF file gave no text, naming the file and saying what to do.
fn pdf_error(name: &str, e: &PdfError) -> String {
    match e {
        PdfError::Timeout { limit } => format!(
            "{name} 是 PDF 文件，pdftotext 运行超过 {} 秒仍未结束，已停止（可用环境变量 {PDF_TIMEOUT_VAR} 调整时限，单位为秒）",
            limit.as_secs()
        ),
        PdfError::TooLarge { limit } => format!(
            "{name} 是 PDF 文件，pdftotext 提取的文字超过 {} MiB 上限，已停止",
            limit >> 20
        ),
        PdfError::NotInstalled { .. } => format!(
            "{name} 是 PDF 文件：xxgk 用 pdftotext 提取其文字，但本机没有安装；请安装 poppler-utils（Debian/Ubuntu：apt install poppler-utils；Windows、macOS 另有 poppler 的安装包），或先把 PDF 转为文本（pdftotext -layout 报告.pdf 报告.txt）再读取"
        ),
        PdfError::Spawn { kind, os_code, .. } => {
            let e = os_code.map_or_else(|| io::Error::from(*kind), io::Error::from_raw_os_error);
            format!("{name} 是 PDF 文件，运行 pdftotext 失败：{}", io_words(&e))
        }
        PdfError::Broken { reason } => format!(
            "{name} 是 PDF 文件，pdftotext 无法提取其文字，文件可能已损坏或加密（{reason}）"
        ),
        PdfError::Scanned => format!(
            "{name} 是 PDF 文件，但其中没有可提取的文字（可能是扫描的图片）；请取得网页、Word 或文字版 PDF 的报告"
        ),
        other => format!("{name}：{other}"),
    }
}

/// A hand-edited TOML or JSON file's error (see [`xxgk::text::model_file_error`]).
pub(crate) fn model_file(path: &Path, bytes: &[u8], e: &ModelFileError, what: &str) -> String {
    xxgk::text::model_file_error(&crate::files::name(path), bytes, e, what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_errors_are_chinese_with_their_number() {
        let e = std::fs::read("/nonexistent/xxgk-test").unwrap_err();
        assert_eq!(io_words(&e), "文件或目录不存在（os error 2）");
        let err = anyhow::Error::new(e).context("无法读取 a.toml");
        assert_eq!(
            message(&err),
            "无法读取 a.toml：文件或目录不存在（os error 2）"
        );
    }

    #[test]
    fn a_wrapped_system_error_keeps_its_number() {
        let e = tempfile::Builder::new()
            .tempfile_in("/nonexistent/xxgk-dir")
            .unwrap_err();
        assert_eq!(io_words(&e), "文件或目录不存在（os error 2）");
    }
}

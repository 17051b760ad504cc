//! Errors as the user reads them: in Chinese throughout. The operating system's
//! errors (`No such file or directory (os error 2)`) are said in Chinese with the
//! error number in parentheses, and a model file's error shows its line with a
//! marker under the column and the fix.

use std::error::Error as _;
use std::io::{self, ErrorKind};
use std::path::Path;

use xxgk_import::{ImportError, ModelFileError};

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

/// An error of the importer for a file: a model file's error with the file's
/// line and the fix, anything else after `FILE 无法导入`.
pub(crate) fn import_error(path: &Path, bytes: &[u8], err: ImportError) -> anyhow::Error {
    match err {
        ImportError::InvalidModel(e) => {
            let what = if xxgk_import::sniff(bytes) == xxgk_import::InputKind::LongCsv {
                "CSV 有误"
            } else {
                "模型文件有误"
            };
            anyhow::anyhow!(model_file(path, bytes, &e, what))
        }
        other => {
            let name = if crate::files::is_stdin(path) {
                "标准输入".to_owned()
            } else {
                path.display().to_string()
            };
            anyhow::Error::new(other).context(format!("{name} 无法导入"))
        }
    }
}

/// A hand-edited TOML or JSON file's error: `FILE:LINE:COLUMN：WHAT：problem`, the
/// line with a marker under the column, and `改正：help`.
pub(crate) fn model_file(path: &Path, bytes: &[u8], e: &ModelFileError, what: &str) -> String {
    let name = if crate::files::is_stdin(path) {
        "标准输入".to_owned()
    } else {
        path.display().to_string()
    };
    let mut out = match (e.line, e.column) {
        (Some(l), Some(c)) => format!("{name}:{l}:{c}：{what}：{}", e.problem),
        (Some(l), None) => format!("{name}:{l}：{what}：{}", e.problem),
        _ => format!("{name}：{what}：{}", e.problem),
    };
    out.push('\n');
    if let Some(line) = e.line {
        let text = String::from_utf8_lossy(bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if let Some(shown) = text.split('\n').nth(line as usize - 1) {
            crate::snippet::line(
                &mut out,
                line,
                shown.trim_end_matches('\r'),
                e.column.unwrap_or(1),
            );
        }
    }
    if let Some(help) = &e.help {
        out.push_str("    改正：");
        out.push_str(help);
    }
    out.trim_end().to_owned()
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

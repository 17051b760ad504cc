//! What the command reads, within limits (docs/limits.md): input files are read
//! only when they are regular files and only up to [`MAX_INPUT_BYTES`]; the time
//! `pdftotext` may run is the library's default
//! ([`xxgk::import::PDFTOTEXT_TIMEOUT`]) unless [`PDF_TIMEOUT_VAR`] says otherwise
//! (the library bounds its output).

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, bail};

/// The most bytes read from one input file (a report, a model file, a
/// configuration file): published reports are a few hundred kilobytes, the
/// largest Word file with pictures a few megabytes.
pub(crate) const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The environment variable that sets the `pdftotext` time limit, in seconds.
pub(crate) const PDF_TIMEOUT_VAR: &str = "XXGK_PDFTOTEXT_TIMEOUT";

/// Reads an input file: a regular file (or a link to one) of at most
/// [`MAX_INPUT_BYTES`]. Devices, pipes, sockets and directories are refused
/// before they are opened, so that `/dev/zero` or a pipe with no writer cannot
/// make the command grow or wait for ever.
pub(crate) fn read_input(path: &Path) -> Result<Vec<u8>> {
    let meta = fs::metadata(path).with_context(|| format!("无法读取 {}", path.display()))?;
    if !meta.is_file() {
        bail!(
            "{} 不是普通文件（{}），不能作为输入读取；请给出报告文件本身",
            path.display(),
            kind_of(&meta)
        );
    }
    let file = File::open(path).with_context(|| format!("无法读取 {}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("无法读取 {}", path.display()))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        bail!(
            "{} 超过 {} MiB 的输入上限，未读取（年度报告通常不足 1 MiB；请确认文件是否正确）",
            path.display(),
            MAX_INPUT_BYTES >> 20
        );
    }
    Ok(bytes)
}

/// Reads an input file as UTF-8 text (see [`read_input`]).
pub(crate) fn read_input_text(path: &Path) -> Result<String> {
    let bytes = read_input(path)?;
    String::from_utf8(bytes).with_context(|| format!("{} 不是 UTF-8 文本", path.display()))
}

/// What a file that is not a regular file is, in words.
pub(crate) fn kind_of(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() || t.is_block_device() {
            return "设备文件";
        }
        if t.is_fifo() {
            return "命名管道";
        }
        if t.is_socket() {
            return "套接字";
        }
    }
    if t.is_dir() {
        "目录"
    } else if t.is_symlink() {
        "符号链接"
    } else {
        "特殊文件"
    }
}

/// The `pdftotext` time limit: [`PDF_TIMEOUT_VAR`] in whole seconds, or
/// [`xxgk::import::PDFTOTEXT_TIMEOUT`].
pub(crate) fn pdf_timeout() -> Result<Duration> {
    match std::env::var(PDF_TIMEOUT_VAR) {
        Ok(v) => match v.trim().parse::<u64>() {
            Ok(s) if s > 0 => Ok(Duration::from_secs(s)),
            _ => bail!("环境变量 {PDF_TIMEOUT_VAR} 应为正整数（秒），现为“{v}”"),
        },
        Err(_) => Ok(xxgk::import::PDFTOTEXT_TIMEOUT),
    }
}

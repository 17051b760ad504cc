//! What the command reads, within limits (docs/limits.md): input files are read
//! only when they are regular files and only up to [`MAX_INPUT_BYTES`]; the text
//! `pdftotext` gives is bounded in time ([`PDF_TIMEOUT`]) and size
//! ([`MAX_PDF_TEXT_BYTES`]).

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// The most bytes read from one input file (a report, a model file, a
/// configuration file): published reports are a few hundred kilobytes, the
/// largest Word file with pictures a few megabytes.
pub(crate) const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// How long `pdftotext` may run on one PDF before it is stopped, unless
/// [`PDF_TIMEOUT_VAR`] says otherwise.
pub(crate) const PDF_TIMEOUT: Duration = Duration::from_secs(60);

/// The environment variable that sets the `pdftotext` time limit, in seconds.
pub(crate) const PDF_TIMEOUT_VAR: &str = "XXGK_PDFTOTEXT_TIMEOUT";

/// The most text read from `pdftotext` for one PDF (as much as a text file may
/// hold).
pub(crate) const MAX_PDF_TEXT_BYTES: u64 = MAX_INPUT_BYTES;

/// The most of `pdftotext`'s error output kept for the message.
const MAX_PDF_STDERR_BYTES: u64 = 4096;

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
/// [`PDF_TIMEOUT`].
pub(crate) fn pdf_timeout() -> Result<Duration> {
    match std::env::var(PDF_TIMEOUT_VAR) {
        Ok(v) => match v.trim().parse::<u64>() {
            Ok(s) if s > 0 => Ok(Duration::from_secs(s)),
            _ => bail!("环境变量 {PDF_TIMEOUT_VAR} 应为正整数（秒），现为“{v}”"),
        },
        Err(_) => Ok(PDF_TIMEOUT),
    }
}

/// What a program printed, within limits.
pub(crate) struct Captured {
    pub(crate) status: std::process::ExitStatus,
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: Vec<u8>,
}

/// Why a bounded run did not finish.
pub(crate) enum RunError {
    /// The program could not be started.
    Spawn(io::Error),
    /// It ran longer than the time limit and was stopped.
    Timeout,
    /// It printed more than the output limit and was stopped.
    TooLarge,
}

/// Runs a command with no input, reading at most `max_out` bytes of its output
/// and stopping it after `timeout` or once it prints more.
pub(crate) fn run_bounded(
    command: &mut Command,
    timeout: Duration,
    max_out: u64,
) -> Result<Captured, RunError> {
    let deadline = Instant::now() + timeout;
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(RunError::Spawn)?;
    let (tx, rx) = mpsc::channel();
    if let Some(out) = child.stdout.take() {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let read = out.take(max_out + 1).read_to_end(&mut bytes);
            let _ = tx.send(read.map(|_| bytes));
        });
    }
    let err_reader = child.stderr.take().map(|mut err| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = (&mut err)
                .take(MAX_PDF_STDERR_BYTES)
                .read_to_end(&mut bytes);
            // The rest is drained so that the program never blocks on it.
            let _ = io::copy(&mut err, &mut io::sink());
            bytes
        })
    });
    let left = deadline.saturating_duration_since(Instant::now());
    let stdout = match rx.recv_timeout(left) {
        Ok(Ok(bytes)) if bytes.len() as u64 > max_out => {
            return Err(stop(child, RunError::TooLarge));
        }
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => Vec::new(),
        Err(mpsc::RecvTimeoutError::Timeout) => return Err(stop(child, RunError::Timeout)),
    };
    // Its output is closed; it may still run (or hang) after that.
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(10)),
            Ok(None) => return Err(stop(child, RunError::Timeout)),
            Err(e) => return Err(stop(child, RunError::Spawn(e))),
        }
    };
    let stderr = err_reader.and_then(|h| h.join().ok()).unwrap_or_default();
    Ok(Captured {
        status,
        stdout,
        stderr,
    })
}

/// Stops a child and waits for it, so that no process is left behind.
fn stop(mut child: Child, why: RunError) -> RunError {
    let _ = child.kill();
    let _ = child.wait();
    why
}

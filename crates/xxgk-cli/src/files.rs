//! Reading and writing files: model files by extension, atomic writes.
//! Reports are read through `input` (any file the importer reads).
//!
//! An output file is written to a temporary file beside it and renamed over it,
//! and only ever over a regular file: a device, a pipe, a socket, a directory or
//! a symbolic link at the output path is refused, `--force` or not, and so is
//! the input file itself (compared by device and inode, however the two paths
//! are spelt). The temporary file is removed on every error, and on Ctrl-C or
//! SIGTERM ([`on_interrupt`]).

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};
use xxgk_model::Report;

/// The serialisations of a model file, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ModelFormat {
    Toml,
    Json,
}

impl ModelFormat {
    /// The format an output file's name asks for: `.toml` or `.json`. Any other
    /// name is refused: `-o k.yaml` would otherwise hold TOML without a word.
    pub(crate) fn for_output(path: &Path) -> Result<ModelFormat> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("toml") => Ok(ModelFormat::Toml),
            Some("json") => Ok(ModelFormat::Json),
            _ => bail!(
                "输出文件 {} 的扩展名不是 .toml 或 .json：模型文件只写成 TOML 或 JSON，请用 {} 或 {}",
                path.display(),
                path.with_extension("toml").display(),
                path.with_extension("json").display()
            ),
        }
    }
}

/// Serialises a report in a model format.
pub(crate) fn serialize_report(report: &Report, format: ModelFormat) -> Result<String> {
    Ok(match format {
        ModelFormat::Toml => toml::to_string(report).context("无法生成 TOML")?,
        ModelFormat::Json => {
            let mut s = serde_json::to_string_pretty(report).context("无法生成 JSON")?;
            s.push('\n');
            s
        }
    })
}

/// Reads a text file (a regular file within the input limit, see `limits`).
pub(crate) fn read_text(path: &Path) -> Result<String> {
    crate::limits::read_input_text(path)
}

/// The temporary file being written, if any: the interrupt handler removes it.
/// Held locked while the file is written and renamed, so that an interrupt
/// waits for the rename and never removes a file that has just become the output.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Exit code after Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).
pub(crate) const EXIT_INTERRUPTED: i32 = 130;

/// Installs the handler that, on Ctrl-C, SIGTERM or SIGHUP, removes the
/// temporary file being written and ends the command. Without it the signal
/// would end the process before the temporary file's destructor runs.
pub(crate) fn on_interrupt() {
    // A handler that cannot be installed (one already is) leaves the default.
    let _ = ctrlc::set_handler(|| {
        remove_pending();
        std::process::exit(EXIT_INTERRUPTED);
    });
}

/// Removes the temporary file being written, if any.
fn remove_pending() {
    let pending = PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(path) = pending.as_ref() {
        let _ = fs::remove_file(path);
    }
}

/// Refuses an output path that is not a regular file or is one of the inputs.
/// `inputs` are the files the command reads.
fn check_output(path: &Path, overwrite: bool, inputs: &[&Path]) -> Result<()> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("无法写入 {}", path.display())),
    };
    if !meta.is_file() {
        bail!(
            "{} 不是普通文件（{}），不会写入或替换它（加 --force 也不会）；请指定另一个输出文件",
            path.display(),
            crate::limits::kind_of(&meta)
        );
    }
    if inputs.iter().any(|input| same_file(&meta, input)) {
        bail!(
            "输出文件就是输入文件：{}；请指定另一个输出文件",
            path.display()
        );
    }
    if !overwrite {
        bail!("{} 已存在；如需覆盖请加 --force", path.display());
    }
    Ok(())
}

/// Whether `input` (links followed) is the file `output` describes.
#[cfg(unix)]
fn same_file(output: &fs::Metadata, input: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(input).is_ok_and(|m| m.dev() == output.dev() && m.ino() == output.ino())
}

/// Whether `input` is the file `output` describes (elsewhere: by canonical path).
#[cfg(not(unix))]
fn same_file(_output: &fs::Metadata, _input: &Path) -> bool {
    false
}

/// Writes `contents` to `path` through a temporary file in the same directory and a
/// rename, so that an interrupted write never leaves a half-written file. Refuses
/// to replace an existing file unless `overwrite`, and never replaces anything but
/// a regular file that is none of `inputs`.
pub(crate) fn write_atomic(
    path: &Path,
    contents: &[u8],
    overwrite: bool,
    inputs: &[&Path],
) -> Result<()> {
    let mut pending = PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let tmp = temp_beside(path, overwrite, inputs)?;
    *pending = Some(tmp.path().to_owned());
    let written = write_temp(tmp, path, contents, overwrite);
    *pending = None;
    written
}

/// A temporary file beside `path`, once `path` is checked as an output
/// ([`check_output`]) and its folder exists; created with the permissions the
/// output will have.
fn temp_beside(path: &Path, overwrite: bool, inputs: &[&Path]) -> Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    check_output(path, overwrite, inputs)?;
    if !dir.is_dir() {
        bail!(
            "无法写入 {}：目录 {} 不存在（xxgk 不会新建目录，请先创建它或换一个输出路径）",
            path.display(),
            dir.display()
        );
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".xxgk-");
    #[cfg(unix)]
    builder.permissions(unix_permissions(path));
    builder
        .tempfile_in(dir)
        .with_context(|| format!("无法在 {} 中创建临时文件", dir.display()))
}

/// An output file written piece by piece (a batch's report): a temporary file
/// beside `path`, checked as [`write_atomic`] checks, renamed to `path` by
/// [`Streamed::finish`]; dropped unfinished, it is removed.
pub(crate) struct Streamed {
    /// The temporary file; taken by [`Streamed::finish`].
    tmp: Option<tempfile::NamedTempFile>,
    path: PathBuf,
    overwrite: bool,
}

impl Streamed {
    /// Checks `path` as [`write_atomic`] does and opens the temporary file.
    pub(crate) fn create(path: &Path, overwrite: bool, inputs: &[&Path]) -> Result<Streamed> {
        let mut pending = PENDING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let tmp = temp_beside(path, overwrite, inputs)?;
        *pending = Some(tmp.path().to_owned());
        Ok(Streamed {
            tmp: Some(tmp),
            path: path.to_owned(),
            overwrite,
        })
    }

    /// The temporary file, to write to.
    pub(crate) fn file(&mut self) -> Result<&mut fs::File> {
        match self.tmp.as_mut() {
            Some(tmp) => Ok(tmp.as_file_mut()),
            None => bail!("{} 已写完", self.path.display()),
        }
    }

    /// The path the file will have.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the temporary file to the output path.
    pub(crate) fn finish(mut self) -> Result<()> {
        let mut pending = PENDING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(tmp) = self.tmp.take() else {
            return Ok(());
        };
        let done = write_temp(tmp, &self.path, &[], self.overwrite);
        *pending = None;
        done
    }
}

impl Drop for Streamed {
    fn drop(&mut self) {
        // Unfinished: the temporary file is removed with `tmp`.
        if let Some(tmp) = &self.tmp {
            let mut pending = PENDING
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if pending.as_deref() == Some(tmp.path()) {
                *pending = None;
            }
        }
    }
}

/// Fills the temporary file and renames it to `path`; on error the temporary
/// file is dropped, which removes it.
fn write_temp(
    mut tmp: tempfile::NamedTempFile,
    path: &Path,
    contents: &[u8],
    overwrite: bool,
) -> Result<()> {
    tmp.write_all(contents)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("无法写入 {}", path.display()))?;
    if overwrite {
        tmp.persist(path)
            .map_err(|e| e.error)
            .with_context(|| format!("无法写入 {}", path.display()))?;
    } else {
        tmp.persist_noclobber(path)
            .map_err(|e| e.error)
            .with_context(|| format!("无法写入 {}（文件可能已存在）", path.display()))?;
    }
    Ok(())
}

/// A temporary file is created private (0600); the result gets the permissions of
/// the file it replaces, or those of a new document (0644), so that a rendered page
/// can be served and a report shared.
#[cfg(unix)]
fn unix_permissions(path: &Path) -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).map_or_else(|_| fs::Permissions::from_mode(0o644), |m| m.permissions())
}

/// The path as messages give it (`标准输入` for `-`).
pub(crate) fn name(path: &Path) -> String {
    if is_stdin(path) {
        "标准输入".to_owned()
    } else {
        path.display().to_string()
    }
}

/// The path `-`: standard input.
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

//! Reading and writing files: model files by extension, atomic writes.
//! Reports are read through `input` (any file the importer reads).

use std::fs;
use std::io::Write;
use std::path::Path;

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

/// Reads a text file.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("无法读取 {}", path.display()))
}

/// Writes `contents` to `path` through a temporary file in the same directory and a
/// rename, so that an interrupted write never leaves a half-written file. Refuses
/// to replace an existing file unless `overwrite`.
pub(crate) fn write_atomic(path: &Path, contents: &[u8], overwrite: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !overwrite && path.exists() {
        bail!("{} 已存在；如需覆盖请加 --force", path.display());
    }
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
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("无法在 {} 中创建临时文件", dir.display()))?;
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

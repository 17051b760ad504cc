//! The files `xxgk sum` reads: the files given, and under each folder given the
//! files of the forms xxgk reads, in name order, within limits.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

/// The most files taken from the folders given: a city has hundreds of bodies.
pub(super) const MAX_FILES: usize = 100_000;

/// The deepest folder entered below a folder given.
pub(super) const MAX_DEPTH: usize = 32;

/// Extensions of the files read from a folder (a file named on the command line
/// is read whatever its name): published reports, model files, the CSV of cells;
/// `.doc` and `.wps` too, so that an old Word file is listed with its reason.
const READ: &[&str] = &[
    "txt", "text", "md", "html", "htm", "shtml", "xhtml", "docx", "doc", "wps", "pdf", "toml",
    "json", "csv",
];

/// A path found: a file to read, one passed over, or a folder that could not be
/// read, with the reason.
#[derive(Debug)]
pub(super) enum Found {
    File(PathBuf),
    Skipped(PathBuf, &'static str),
    Unreadable(PathBuf, String),
}

/// The files under `paths`, in the order given and, within a folder, by name;
/// hidden entries (`.git`) are passed over without a word, a file seen before
/// (however its path is spelt) is read once, and `output` is never read.
pub(super) fn collect(paths: &[PathBuf], output: Option<&Path>) -> Result<Vec<Found>> {
    let mut walk = Walk {
        found: Vec::new(),
        seen: HashSet::new(),
        output: output.and_then(|p| fs::canonicalize(p).ok()),
        files: 0,
    };
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk.folder(path, 0)?,
            // A file, something that is none, or nothing: reading it says which.
            _ => walk.file(path.clone())?,
        }
    }
    Ok(walk.found)
}

struct Walk {
    found: Vec<Found>,
    seen: HashSet<PathBuf>,
    output: Option<PathBuf>,
    files: usize,
}

impl Walk {
    fn file(&mut self, path: PathBuf) -> Result<()> {
        if let Ok(real) = fs::canonicalize(&path) {
            if self.output.as_ref() == Some(&real) {
                self.found
                    .push(Found::Skipped(path, "这是本次的输出文件，不汇总"));
                return Ok(());
            }
            if !self.seen.insert(real) {
                return Ok(());
            }
        }
        self.files += 1;
        if self.files > MAX_FILES {
            bail!("要汇总的文件超过 {MAX_FILES} 个的上限；请分批汇总，或只给出报告所在的文件夹");
        }
        self.found.push(Found::File(path));
        Ok(())
    }

    fn folder(&mut self, dir: &Path, depth: usize) -> Result<()> {
        if depth > MAX_DEPTH {
            self.found.push(Found::Unreadable(
                dir.to_owned(),
                format!("文件夹层级超过 {MAX_DEPTH} 层，未进入"),
            ));
            return Ok(());
        }
        let Ok(read) = fs::read_dir(dir) else {
            self.found.push(Found::Unreadable(
                dir.to_owned(),
                "文件夹无法读取".to_owned(),
            ));
            return Ok(());
        };
        let mut entries: Vec<(PathBuf, fs::FileType)> = read
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(|e| Some((e.path(), e.file_type().ok()?)))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, kind) in entries {
            if kind.is_dir() {
                self.folder(&path, depth + 1)?;
            } else if kind.is_symlink() && path.is_dir() {
                // A link may lead back up: links to folders are not followed.
                self.found
                    .push(Found::Skipped(path, "指向文件夹的符号链接，未进入"));
            } else if readable_name(&path) {
                self.file(path)?;
            } else {
                self.found
                    .push(Found::Skipped(path, "不是 xxgk 读取的文件类型"));
            }
        }
        Ok(())
    }
}

/// Whether a file in a folder is one xxgk reads, by its extension.
fn readable_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| READ.contains(&e.to_ascii_lowercase().as_str()))
}

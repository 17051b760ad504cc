//! The files a run over many reports reads (`check`, `export`, `sum`): the files
//! given, and in each folder given the files of the forms xxgk reads,
//! recursively, in name order. Bounded: symbolic links to folders are not
//! followed (no loop can form), folders deeper than [`MAX_DEPTH`] and files past
//! [`MAX_FILES`] are not listed, what is not a regular file is never opened, and
//! hidden entries (a `.git` folder, a half-written `.xxgk-` file) are passed over
//! without a word.

use std::fs;
use std::path::{Path, PathBuf};

/// How deep folders are read below a folder given.
pub(crate) const MAX_DEPTH: usize = 32;

/// The most files one run lists.
pub(crate) const MAX_FILES: usize = 1_000_000;

/// The extensions of the files read in a folder (any case); a file without an
/// extension is read too, as the importer tells its kind by its content;
/// `.doc` and `.wps` too, so that an old Word or WPS file is listed with its
/// reason.
const READ: &[&str] = &[
    "txt", "text", "md", "markdown", "htm", "html", "xhtml", "shtml", "docx", "doc", "wps", "pdf",
    "toml", "json", "csv",
];

/// A path found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// A file to read.
    File(PathBuf),
    /// A path not read, and why (another kind of file, a link to a folder…).
    Skipped(PathBuf, String),
    /// A path that could not be listed or read (a folder without permission, a
    /// path that does not exist), and why.
    Failed(PathBuf, String),
}

/// The files of `paths`, in the order given, each folder's in name order.
pub(crate) fn list(paths: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    for path in paths {
        if crate::files::is_stdin(path) {
            found.push(Found::File(path.clone()));
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, 0, &mut found),
            Ok(_) => found.push(Found::File(path.clone())),
            Err(e) => found.push(Found::Failed(
                path.clone(),
                format!("无法读取：{}", crate::errors::io_words(&e)),
            )),
        }
        if found.len() >= MAX_FILES {
            break;
        }
    }
    found.truncate(MAX_FILES);
    found
}

/// Lists a folder's files into `found`.
fn walk(dir: &Path, depth: usize, found: &mut Vec<Found>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found.push(Found::Failed(
                dir.to_owned(),
                format!("无法读取目录：{}", crate::errors::io_words(&e)),
            ));
            return;
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) if is_hidden(&entry.path()) => {}
            Ok(entry) => paths.push(entry.path()),
            Err(e) => found.push(Found::Failed(
                dir.to_owned(),
                format!("无法读取目录：{}", crate::errors::io_words(&e)),
            )),
        }
    }
    paths.sort();
    for path in paths {
        if found.len() >= MAX_FILES {
            return;
        }
        let meta = match fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                found.push(Found::Failed(
                    path,
                    format!("无法读取：{}", crate::errors::io_words(&e)),
                ));
                continue;
            }
        };
        let kind = meta.file_type();
        if kind.is_dir() {
            if depth + 1 >= MAX_DEPTH {
                found.push(Found::Skipped(
                    path,
                    format!("目录层级超过 {MAX_DEPTH} 层，未读取"),
                ));
            } else {
                walk(&path, depth + 1, found);
            }
            continue;
        }
        if kind.is_symlink() {
            match fs::metadata(&path) {
                Ok(target) if target.is_dir() => {
                    found.push(Found::Skipped(
                        path,
                        "指向目录的符号链接，未跟随（以免循环）".to_owned(),
                    ));
                    continue;
                }
                Ok(target) if !target.is_file() => {
                    let what = crate::limits::kind_of(&target);
                    found.push(Found::Skipped(
                        path,
                        format!("指向{what}的符号链接，未读取"),
                    ));
                    continue;
                }
                Ok(_) => {}
                Err(e) => {
                    found.push(Found::Failed(
                        path,
                        format!("符号链接无法读取：{}", crate::errors::io_words(&e)),
                    ));
                    continue;
                }
            }
        } else if !kind.is_file() {
            let what = crate::limits::kind_of(&meta);
            found.push(Found::Skipped(path, format!("{what}，未读取")));
            continue;
        }
        if is_read(&path) {
            found.push(Found::File(path));
        } else {
            found.push(Found::Skipped(
                path,
                "不是 xxgk 读取的文件类型（按扩展名）".to_owned(),
            ));
        }
    }
}

/// Whether an entry of a folder is hidden (its name starts with `.`).
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.as_encoded_bytes().first() == Some(&b'.'))
}

/// Whether a file found in a folder is read: by its extension; a file without
/// one is read too, as the importer tells its kind by its content.
fn is_read(path: &Path) -> bool {
    match path.extension() {
        None => true,
        Some(ext) => ext
            .to_str()
            .is_some_and(|e| READ.contains(&e.to_ascii_lowercase().as_str())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_of_the_forms_read_are_listed_others_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("b.TXT"), "x").unwrap();
        fs::write(d.join("a.html"), "x").unwrap();
        fs::write(d.join("picture.png"), "x").unwrap();
        fs::write(d.join(".hidden.txt"), "x").unwrap();
        fs::create_dir(d.join(".git")).unwrap();
        fs::write(d.join(".git/HEAD"), "x").unwrap();
        fs::write(d.join("README"), "x").unwrap();
        fs::create_dir(d.join("sub")).unwrap();
        fs::write(d.join("sub/c.docx"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
        let found = list(&[d.to_owned()]);
        let files: Vec<_> = found
            .iter()
            .filter_map(|f| match f {
                Found::File(p) => Some(p.strip_prefix(d).unwrap().to_owned()),
                _ => None,
            })
            .collect();
        assert_eq!(
            files,
            ["README", "a.html", "b.TXT", "sub/c.docx"].map(PathBuf::from)
        );
        let skipped = found
            .iter()
            .filter(|f| matches!(f, Found::Skipped(..)))
            .count();
        // picture.png, and the link to a folder; hidden entries pass without a word.
        assert_eq!(skipped, if cfg!(unix) { 2 } else { 1 });
    }

    #[test]
    fn a_missing_path_is_a_failure_not_an_end() {
        let found = list(&[PathBuf::from("/nonexistent/xxgk"), PathBuf::from("-")]);
        assert!(matches!(&found[0], Found::Failed(..)));
        assert_eq!(found[1], Found::File(PathBuf::from("-")));
    }
}

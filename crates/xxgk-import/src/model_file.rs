//! Reading a model file (TOML/JSON), and what is wrong with one that cannot be
//! read, said in Chinese: the line and column, the problem, and how to fix it.
//!
//! The parsers (`toml`, `serde_json`) and serde word their errors in English and for
//! programmers (`duplicate key`, ``invalid type: string "2025", expected i32``). A
//! preparer who edits the template by hand meets them at the first mistake, so
//! each known wording is said again in words a preparer uses, with the fix; the
//! parser's own wording is kept in [`ModelFileError::detail`].

use std::fmt;

use xxgk_model::schema::TableId;
use xxgk_model::{Cell, CellKey, Report};

use crate::ImportNote;

use words::{Said, Syntax, explain, said, toml_syntax};

mod words;

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ModelFileError {
    /// The line of the file (from 1), where the parser says.
    pub line: Option<u32>,
    /// The column of that line, in characters (from 1).
    pub column: Option<u32>,
    /// What is wrong, in Chinese (one line).
    pub problem: String,
    /// How to fix it, in Chinese, where there is something to say.
    pub help: Option<String>,
    /// The parser's own message, as it said it (English; for developers).
    pub detail: String,
}

impl fmt::Display for ModelFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "第 {l} 行第 {c} 列：")?,
            (Some(l), None) => write!(f, "第 {l} 行：")?,
            _ => {}
        }
        f.write_str(&self.problem)?;
        if let Some(help) = &self.help {
            write!(f, "。改正：{help}")?;
        }
        Ok(())
    }
}

/// Reads a TOML model file.
pub(crate) fn from_toml(text: &str) -> Result<Report, ModelFileError> {
    toml::from_str(text).map_err(|e| toml_error(text, &e))
}

/// Reads a JSON model file.
pub(crate) fn from_json(text: &str) -> Result<Report, ModelFileError> {
    serde_json::from_str(text).map_err(|e| json_error(text, &e))
}

/// A `unit-dropped` note for each cell of a model file written as a number with
/// a count unit (`"12件"`), which the model reads as the number alone.
pub(crate) fn count_unit_notes(text: &str, json: bool) -> Vec<ImportNote> {
    if !xxgk_model::COUNT_UNITS.iter().any(|u| text.contains(u)) {
        return Vec::new();
    }
    let value: Option<serde_json::Value> = if json {
        serde_json::from_str(text).ok()
    } else {
        toml::from_str(text).ok()
    };
    let mut notes = Vec::new();
    let Some(value) = value else {
        return notes;
    };
    for table in TableId::ALL {
        let rows = value["sections"][table.section().key()]["table"].as_object();
        for (row, cells) in rows.into_iter().flatten() {
            for (column, cell) in cells.as_object().into_iter().flatten() {
                let Some(published) = cell.as_str() else {
                    continue;
                };
                if let Ok(read) = Cell::read(published) {
                    let key = CellKey::new(table, row, column);
                    notes.extend(crate::cell::unit_dropped_note(&key, published, &read, None));
                }
            }
        }
    }
    notes
}

/// A model file that is not UTF-8 text: the line of the first bad byte.
pub(crate) fn utf8_error(bytes: &[u8], err: std::str::Utf8Error) -> ModelFileError {
    let good = &bytes[..err.valid_up_to()];
    let line = String::from_utf8_lossy(good).matches('\n').count() + 1;
    ModelFileError {
        line: Some(u32::try_from(line).unwrap_or(u32::MAX)),
        column: None,
        problem: "文件不是 UTF-8 编码的文本".to_owned(),
        help: Some("用文本编辑器以 UTF-8 编码另存（xxgk init 生成的文件就是 UTF-8）".to_owned()),
        detail: err.to_string(),
    }
}

/// A TOML parse error of `text` in Chinese, with its line and the fix: for model
/// files, and for the other TOML files a user edits by hand (the check
/// configuration), which the CLI reads with the same parser.
pub fn toml_error(text: &str, err: &toml::de::Error) -> ModelFileError {
    let message = err.message().trim().to_owned();
    let (line, column) = err.span().map_or((None, None), |s| position(text, s.start));
    let (problem, help) = if message == "duplicate key" {
        duplicate(text, err.span())
    } else if line.is_some_and(|l| nothing_after_equals(text, l)) {
        // `"自然人" =` and nothing after: toml_parser reads on and speaks of quotes.
        toml_syntax("missing value").unwrap_or_default()
    } else {
        explain(&message, Syntax::Toml)
    };
    ModelFileError {
        line,
        column,
        problem,
        help,
        detail: message,
    }
}

fn json_error(text: &str, err: &serde_json::Error) -> ModelFileError {
    let full = err.to_string();
    // serde_json appends ` at line L column C`.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full.clone(),
    };
    let line = (err.line() > 0).then_some(err.line());
    let column = line.map(|l| {
        // serde_json counts the column in bytes; a Chinese character is three.
        let row = text.lines().nth(l - 1).unwrap_or("");
        let upto = err.column().min(row.len());
        let upto = (0..=upto)
            .rev()
            .find(|i| row.is_char_boundary(*i))
            .unwrap_or(0);
        row[..upto].chars().count().max(1)
    });
    let (problem, help) = explain(&message, Syntax::Json);
    ModelFileError {
        line: line.map(|l| u32::try_from(l).unwrap_or(u32::MAX)),
        column: column.map(|c| u32::try_from(c).unwrap_or(u32::MAX)),
        problem,
        help,
        detail: message,
    }
}

/// Whether line `line` (from 1) assigns nothing: `key =` with only spaces or a
/// comment after the equals sign.
fn nothing_after_equals(text: &str, line: u32) -> bool {
    let Some(l) = text.split('\n').nth(line as usize - 1) else {
        return false;
    };
    let Some((key, rest)) = l.split_once('=') else {
        return false;
    };
    let rest = rest.trim();
    !key.trim().is_empty()
        && !key.trim_start().starts_with('[')
        && (rest.is_empty() || rest.starts_with('#'))
}

/// Line and column (from 1, in characters) of a byte offset.
fn position(text: &str, offset: usize) -> (Option<u32>, Option<u32>) {
    let offset = (0..=offset.min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[start..].chars().count() + 1;
    (
        Some(u32::try_from(line).unwrap_or(u32::MAX)),
        Some(u32::try_from(column).unwrap_or(u32::MAX)),
    )
}

/// A TOML key defined twice: which kind of line repeats it, where it was first
/// defined, and the fix.
fn duplicate(text: &str, span: Option<std::ops::Range<usize>>) -> Said {
    let generic = said(
        "同一个键或表头写了两次",
        "删去重复的一处；在原有的行上修改，不要另起同名的表头",
    );
    let Some(span) = span else {
        return generic;
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let (Some(line), _) = position(text, span.start) else {
        return generic;
    };
    let at = line as usize - 1;
    let Some(here) = lines.get(at).map(|l| l.trim()) else {
        return generic;
    };
    let key = text
        .get(span.clone())
        .map(|k| k.trim_matches(|c| c == '"' || c == '\''))
        .unwrap_or_default();
    if let Some(header) = here.strip_prefix("[[") {
        // `[[a.b.body]]` after `body = []` in `[a.b]`.
        let path = header.trim_end_matches("]]").trim();
        let parent = path.rsplit_once('.').map_or("", |(p, _)| p);
        if let Some(first) = key_in_table(&lines[..at], parent, key) {
            return said(
                format!(
                    "第 {} 行已写了 {}，这里又用 [[{path}]] 添加块：键“{key}”出现了两次",
                    first + 1,
                    lines[first].trim()
                ),
                format!(
                    "删去第 {} 行（xxgk init 生成的文件不再有这一行；[[{path}]] 块可以写多个）",
                    first + 1
                ),
            );
        }
        return generic;
    }
    if here.starts_with('[') {
        if let Some(first) = lines[..at].iter().position(|l| l.trim() == here) {
            return said(
                format!("表头 {here} 重复：第 {} 行已有同一个表头", first + 1),
                format!(
                    "同一个表头只能写一次：删去这一行的 {here}，把它下面的内容移到第 {} 行的表头下，在那里修改同名的行（文件中以“# ”开头的示例行，删去“# ”即可启用）",
                    first + 1
                ),
            );
        }
        return said(
            format!("表 {here} 在前面已经定义过"),
            "删去这一行的表头，把它下面的内容移到前面定义这个表的地方",
        );
    }
    // A key written twice in one table.
    let table = lines[..at]
        .iter()
        .rposition(|l| l.trim_start().starts_with('['))
        .map_or("", |i| lines[i].trim());
    let start = lines[..at]
        .iter()
        .rposition(|l| l.trim_start().starts_with('['))
        .map_or(0, |i| i + 1);
    let first = (start..at).find(|i| key_of(lines[*i]) == Some(key));
    match first {
        Some(first) => said(
            format!(
                "键“{key}”重复：第 {} 行已有 {}",
                first + 1,
                lines[first].trim()
            ),
            format!(
                "删去其中一行，只保留正确的值{}",
                if table.is_empty() {
                    String::new()
                } else {
                    format!("（两行都在 {table} 下）")
                }
            ),
        ),
        None => said(
            format!("键“{key}”重复"),
            "同一个键在一个表中只能写一次：删去重复的一处",
        ),
    }
}

/// The line (index) in `lines` where `key` is assigned directly under the table
/// header `[table]`.
fn key_in_table(lines: &[&str], table: &str, key: &str) -> Option<usize> {
    let header = format!("[{table}]");
    let start = lines.iter().rposition(|l| l.trim() == header)? + 1;
    let end = lines[start..]
        .iter()
        .position(|l| l.trim_start().starts_with('['))
        .map_or(lines.len(), |i| start + i);
    (start..end).find(|i| key_of(lines[*i]) == Some(key))
}

/// The key a `key = value` line assigns (quotes removed), if it is one.
fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    if key.starts_with('#') || key.starts_with('[') {
        return None;
    }
    Some(key.trim_matches(|c| c == '"' || c == '\''))
}

#[cfg(test)]
mod tests;

//! xxgk's own long-format CSV (what `xxgk export --csv` writes: `table,row,column,
//! value,unit`, with a first column `source` for several reports) read back as a
//! report: its tables, cell for cell, each cell at its line of the CSV.
//!
//! The CSV holds tables only: no metadata, headings or text. The format version
//! follows from the cell keys; the year, agency and kind come from the caller's
//! options, else from a year in the report's source name or the file's name (with
//! a note), else they are unknown (with a note). A CSV of several reports is
//! refused: one report is read at a time.

use xxgk_model::long::{HEADER, HEADER_WITH_SOURCE, LongRecord, parse_csv, restore};
use xxgk_model::schema::TableId;
use xxgk_model::{CellKey, FormatVersion, Meta, MetaField, Pointer, Report, SourceMap, SourcePos};

use crate::NoteCode;
use crate::{ImportError, ImportNote, ImportOptions, Imported, InputKind, ModelFileError};

/// Whether a text is the long-format CSV: its first line is one of the headers.
pub(crate) fn is_long_csv(text: &str) -> bool {
    let first = text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r'])
        .lines()
        .next()
        .unwrap_or("")
        .trim_end_matches('\r')
        .trim();
    first == HEADER || first == HEADER_WITH_SOURCE
}

/// One line of the CSV with the line it starts on.
struct Line {
    no: u32,
    source: Option<String>,
    record: LongRecord,
}

fn invalid(line: u32, problem: String, help: &str) -> ImportError {
    ImportError::InvalidModel(ModelFileError {
        line: Some(line),
        column: None,
        problem,
        help: Some(help.to_owned()),
        detail: String::new(),
    })
}

/// Reads the long-format CSV of one report.
pub(crate) fn read(text: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let lines = records(text)?;
    let mut notes: Vec<ImportNote> = Vec::new();
    let source = one_source(&lines)?;
    let version = version(&lines, options.year);
    let meta = meta(options, source.as_deref(), version, &mut notes);
    let mut report = Report {
        meta,
        order: Vec::new(),
        preamble: Vec::new(),
        sections: xxgk_model::Sections::default(),
        closing: Vec::new(),
    };
    let mut map = SourceMap::new();
    for l in &lines {
        let key = &l.record.key;
        let pos = SourcePos::Text {
            line: l.no,
            column: 1,
        };
        let pointer = key.json_pointer();
        let read = l.record.read(version).map_err(|e| {
            invalid(
                l.no,
                format!("{key}：{e}"),
                "value 列写数字、空白，或“/”等占位符",
            )
        })?;

        let table = report.table_entry(key.table);
        if let Some(first) = table.get(&key.row, &key.column) {
            notes.push(ImportNote {
                code: NoteCode::DuplicateCell,
                message: format!(
                    "{key}再次出现（“{}”），保留先出现的值“{}”",
                    l.record.value,
                    first.to_text()
                ),
                pos: Some(pos),
                pointer: Some(pointer),
            });
            continue;
        }
        notes.extend(crate::cell::unit_dropped_note(
            key,
            &l.record.value,
            &read,
            Some(pos),
        ));
        table.set(key.row.clone(), key.column.clone(), read.cell);
        for p in [
            Pointer::section(key.table.section()),
            Pointer::table(key.table),
            Pointer::row(key.table, &key.row),
        ] {
            if map.get(&p).is_none() {
                map.insert(p, pos);
            }
        }
        map.insert(pointer, pos);
    }
    Ok(Imported {
        report,
        source: map,
        notes,
        kind: InputKind::LongCsv,
        source_text: Some(text.to_owned()),
    })
}

/// The records of the CSV, each with its line.
fn records(text: &str) -> Result<Vec<Line>, ImportError> {
    let rows = parse_csv(text).map_err(|e| match e {
        xxgk_model::ModelError::InvalidCsv { line, reason } => invalid(
            u32::try_from(line).unwrap_or(u32::MAX),
            reason,
            "字段中的英文双引号要成对；字段里本身的双引号写成两个（\"\"）",
        ),
        other => invalid(
            1,
            other.to_string(),
            "对照 xxgk export --csv 写出的文件检查",
        ),
    })?;
    let mut out = Vec::new();
    let mut line: u32 = 1;
    let mut with_source = false;
    for (i, fields) in rows.into_iter().enumerate() {
        let no = line;
        let breaks: usize = fields.iter().map(|f| f.matches('\n').count()).sum();
        line = line.saturating_add(1 + u32::try_from(breaks).unwrap_or(u32::MAX));
        if i == 0 {
            with_source = fields.join(",").trim() == HEADER_WITH_SOURCE;
            continue;
        }
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let want = if with_source { 6 } else { 5 };
        let header = if with_source {
            HEADER_WITH_SOURCE
        } else {
            HEADER
        };
        if fields.len() != want {
            return Err(invalid(
                no,
                format!("应有 {want} 列（{header}），这一行有 {} 列", fields.len()),
                "字段中有英文逗号时，整个字段加英文双引号",
            ));
        }
        // Fields export neutralised for spreadsheets (a leading `'`) read as written.
        let mut fields = fields.into_iter().map(|f| restore(&f).to_owned());
        let source = if with_source { fields.next() } else { None };
        let (Some(table), Some(row), Some(column), Some(value), Some(unit)) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            continue;
        };
        let Some(id) = TableId::from_numeral(table.trim()) else {
            return Err(invalid(
                no,
                format!("table 列是“{table}”，不是表二、三、四"),
                "table 列只能写 二、三 或 四",
            ));
        };
        if row.is_empty() || column.is_empty() {
            return Err(invalid(
                no,
                "row 或 column 列是空的".to_owned(),
                "写上统一格式的行名和列名（见 docs/cells.md）",
            ));
        }
        out.push(Line {
            no,
            source,
            record: LongRecord {
                key: CellKey::new(id, row, column),
                value,
                unit,
            },
        });
    }
    Ok(out)
}

/// The one report's `source`, if the CSV has the column; several are refused.
fn one_source(lines: &[Line]) -> Result<Option<String>, ImportError> {
    let mut sources: Vec<(&str, u32)> = Vec::new();
    for l in lines {
        if let Some(s) = l.source.as_deref()
            && !sources.iter().any(|(x, _)| *x == s)
        {
            sources.push((s, l.no));
        }
    }
    match sources.as_slice() {
        [] => Ok(None),
        [(one, _)] => Ok(Some((*one).to_owned())),
        [_, (_, second), ..] => {
            let names: Vec<&str> = sources.iter().take(3).map(|(s, _)| *s).collect();
            let more = if sources.len() > 3 { "等" } else { "" };
            Err(invalid(
                *second,
                format!(
                    "这个 CSV 含 {} 份报告（source 列：{}{more}），一次只能读一份报告",
                    sources.len(),
                    names.join("、")
                ),
                "用 xxgk export --csv 分别导出每份报告，或只保留一份报告的行",
            ))
        }
    }
}

/// The format version the keys are official in (the one more of them belong
/// to); on a tie, the version of the year given, else the newer one.
fn version(lines: &[Line], year: Option<i32>) -> FormatVersion {
    let count = |v| lines.iter().filter(|l| l.record.key.is_official(v)).count();
    let (old, new) = (count(FormatVersion::V2019), count(FormatVersion::V2021));
    match old.cmp(&new) {
        std::cmp::Ordering::Greater => FormatVersion::V2019,
        std::cmp::Ordering::Less => FormatVersion::V2021,
        std::cmp::Ordering::Equal => year.map_or(FormatVersion::V2021, FormatVersion::for_year),
    }
}

/// The metadata a CSV does not hold: from the options, a year in a name, or
/// unknown, with notes.
fn meta(
    options: &ImportOptions,
    source: Option<&str>,
    format: FormatVersion,
    notes: &mut Vec<ImportNote>,
) -> Meta {
    let mut note = |code, message: String, field| {
        notes.push(ImportNote {
            code,
            message,
            pos: None,
            pointer: Some(Pointer::meta(field)),
        });
    };
    let named = [source, options.file_name.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|name| year_in_name(name).map(|y| (y, name)));
    let year = match (options.year, named) {
        (Some(y), _) => y,
        (None, Some((y, name))) => {
            note(
                NoteCode::YearInferred,
                format!(
                    "CSV 中没有报告年度，按名称“{name}”中的“{y}”推定为 {y} 年度；如有误，请用 --year 指定"
                ),
                MetaField::Year,
            );
            y
        }
        (None, None) => {
            note(
                NoteCode::YearMissing,
                "CSV 中没有报告年度（只有表格单元格），年度记为 0；请用 --year 指定".to_owned(),
                MetaField::Year,
            );
            0
        }
    };
    let agency = options.agency.clone().unwrap_or_else(|| {
        note(
            NoteCode::AgencyMissing,
            "CSV 中没有发布机关；请用 --agency 指定".to_owned(),
            MetaField::Agency,
        );
        String::new()
    });
    let kind = options
        .kind
        .unwrap_or_else(|| crate::interp::kind_of(&agency));
    Meta::new(agency, year, kind, format)
}

/// A report year written in a file name: four digits from 2019 on, not part of a
/// longer number (`qinghe-gov-2025.toml`, `某局2024年报.html`).
fn year_in_name(name: &str) -> Option<i32> {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let chars: Vec<char> = name.chars().collect();
    let mut found = None;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 4 {
            let digits: String = chars[start..i].iter().collect();
            if let Ok(y) = digits.parse::<i32>()
                && (2019..=2100).contains(&y)
            {
                if found.is_some() {
                    // Two years in one name: which is the report's is not clear.
                    return None;
                }
                found = Some(y);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_names() {
        assert_eq!(year_in_name("qinghe-gov-2025.toml"), Some(2025));
        assert_eq!(year_in_name("年报/某局2024年报.html"), Some(2024));
        assert_eq!(year_in_name("cells.csv"), None);
        assert_eq!(year_in_name("20250131.csv"), None);
        assert_eq!(year_in_name("2024-2025.csv"), None);
        assert_eq!(year_in_name("1999.csv"), None);
    }
}

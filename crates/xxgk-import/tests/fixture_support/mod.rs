//! Shared helpers of the tests on hand-made reports: reading a fixture of
//! `tests/fixtures/`, a summary of an import for snapshots, a cell as a count.

#![allow(dead_code, unreachable_pub)]

use std::fmt::Write as _;

use xxgk_import::{ImportOptions, Imported, import};
use xxgk_model::long::long_records;
use xxgk_model::schema::TableId;
use xxgk_model::{Cell, CellKey};

/// The path of `tests/fixtures/<name>`.
fn fixture_path(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The text of `tests/fixtures/<name>`, for tests that change it before importing.
pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap()
}

/// Imports a text as a file of that name would be imported (the name tells a model
/// file from a report).
pub fn import_named(name: &str, text: &str) -> Imported {
    let options = ImportOptions::default().file_name(name.to_owned());
    import(text.as_bytes(), &options).unwrap()
}

/// Imports `tests/fixtures/<name>` (the name tells a model file from a report).
pub fn fixture(name: &str) -> Imported {
    let bytes = std::fs::read(fixture_path(name)).unwrap();
    let options = ImportOptions::default().file_name(name.to_owned());
    import(&bytes, &options).unwrap()
}

/// Metadata, every printed cell with a value, and the notes: what a reviewer
/// needs to judge the import.
pub fn summary(i: &Imported) -> String {
    let mut out = String::new();
    let m = &i.report.meta;
    let _ = writeln!(
        out,
        "{} | {} | {:?} | {} | {:?} | {:?} | {:?}",
        m.agency, m.year, m.kind, m.format, m.title, m.published, m.period
    );
    for (id, s) in xxgk_model::SectionId::ALL
        .iter()
        .filter_map(|id| i.report.sections.get(*id).map(|s| (id, s)))
    {
        let _ = writeln!(out, "section {}: {:?}", id.key(), s.heading());
    }
    for r in long_records(&i.report) {
        if !r.value.is_empty() {
            let _ = writeln!(
                out,
                "{},{},{},{},{}",
                r.key.table.numeral(),
                r.key.row,
                r.key.column,
                r.value,
                r.unit
            );
        }
    }
    for n in &i.notes {
        let _ = writeln!(
            out,
            "note {} {:?} {}",
            n.code,
            n.pos.and_then(|p| p.line()),
            n.message
        );
    }
    out
}

/// The count in a cell, if it holds one.
pub fn count(i: &Imported, t: TableId, row: &str, col: &str) -> Option<u64> {
    i.report
        .cell(&CellKey::new(t, row, col))
        .and_then(Cell::as_count)
}

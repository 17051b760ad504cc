//! A report writing a unit after every count (`3件`) is read as numbers, and
//! said once per table rather than once per cell.

mod fixture_support;

use fixture_support::{fixture_text, import_named};
use xxgk_import::NoteCode;
use xxgk_model::Pointer;
use xxgk_model::schema::TableId;

#[test]
fn units_in_every_cell_are_one_note_per_table() {
    let text = fixture_text("clean-2025.txt");
    let start = text.find("三、收到和处理政府信息公开申请情况").unwrap();
    let end = text.find("四、政府信息公开行政复议").unwrap();
    // Every number of table 三 gets `件`; table 四 gets `件` in two cells.
    let a3: String = text[start..end]
        .split('\t')
        .map(|f| {
            let digits = f.find('\n').map_or(f, |i| &f[..i]);
            if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                format!("{digits}件{}", &f[digits.len()..])
            } else {
                f.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\t");
    let cells = a3.matches('件').count() - text[start..end].matches('件').count();
    assert!(cells > 150, "{cells}");
    let text = format!("{}{a3}{}", &text[..start], &text[end..]);
    let i = import_named("units.txt", &text);
    let plain = import_named("units.txt", &fixture_text("clean-2025.txt"));
    // The numbers are those of the report without units.
    assert_eq!(
        xxgk_model::long::to_csv(&i.report),
        xxgk_model::long::to_csv(&plain.report)
    );
    let units: Vec<_> = i
        .notes
        .iter()
        .filter(|n| n.code == NoteCode::UnitDropped)
        .collect();
    assert_eq!(units.len(), 1, "{units:#?}");
    let n = units[0];
    assert!(
        n.message.starts_with(&format!(
            "表三中有 {cells} 个单元格在数字后写了计量单位（“件”）"
        )),
        "{}",
        n.message
    );
    assert_eq!(n.pointer, Some(Pointer::table(TableId::Applications)));
}

/// A model file or a CSV of cells writing `12件` holds the number 12, with a note
/// on the cell.
#[test]
fn count_units_in_model_files_and_csv_are_noted() {
    let key = xxgk_model::CellKey::new(TableId::Reviews, "行政复议", "结果维持");
    let toml = "[meta]\nagency = \"某某县某某局\"\nyear = 2025\nkind = \"department\"\nformat = \"2021\"\n\n[sections.reviews.table.\"行政复议\"]\n\"结果维持\" = \"３件\"\n\"总计\" = 3\n";
    let json = "{\"meta\": {\"agency\": \"某某县某某局\", \"year\": 2025, \"kind\": \"department\", \"format\": \"2021\"}, \"sections\": {\"reviews\": {\"table\": {\"行政复议\": {\"结果维持\": \"3 件\", \"总计\": 3}}}}}";
    let csv = "table,row,column,value,unit\n四,行政复议,结果维持,3件,\n四,行政复议,总计,3,\n";
    for (name, text) in [("a.toml", toml), ("a.json", json), ("a.csv", csv)] {
        let i = import_named(name, text);
        assert_eq!(
            i.report.cell(&key),
            Some(&xxgk_model::Cell::int(3)),
            "{name}"
        );
        let notes: Vec<_> = i
            .notes
            .iter()
            .filter(|n| n.code == NoteCode::UnitDropped)
            .collect();
        assert_eq!(notes.len(), 1, "{name}: {notes:#?}");
        assert_eq!(notes[0].pointer, Some(key.json_pointer()), "{name}");
        assert!(notes[0].message.contains("计量单位“件”"), "{name}");
    }
}

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

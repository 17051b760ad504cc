//! `pdftotext` without `-layout` of a page printed by a browser: each row's
//! label and values come on lines of their own, and where a label is taller
//! than its values the values may come before it. A row of values without a
//! label shows that the text does so; the rows after it whose label stands on a
//! line of its own are then not read (which values are theirs cannot be known)
//! until a row prints its label and values on one line.

mod fixture_support;

use fixture_support::fixture;
use xxgk_import::NoteCode;
use xxgk_import::{ImportOptions, import};
use xxgk_model::CellKey;
use xxgk_model::schema::TableId;

#[test]
fn values_printed_before_their_labels_are_not_read_under_the_wrong_row() {
    let i = fixture("printed-raw-2025.txt");
    let path = format!(
        "{}/tests/examples/qinghe-gov-2025.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let model = import(
        &std::fs::read(path).unwrap(),
        &ImportOptions::default().file_name("qinghe-gov-2025.toml".to_owned()),
    )
    .unwrap();
    let mut read = 0;
    for (key, cell) in i.report.cells() {
        let key: CellKey = key;
        if key.table != TableId::Applications || cell.as_count().is_none() {
            continue;
        }
        read += 1;
        assert_eq!(
            model.report.cell(&key).and_then(xxgk_model::Cell::as_count),
            cell.as_count(),
            "{key}"
        );
    }
    assert!(read > 100, "{read} cells of table 三 read");
    assert!(i.unread_tables().contains(&TableId::Applications));
    let unplaced: Vec<_> = i
        .notes
        .iter()
        .filter(|n| n.code == NoteCode::ValuesUnplaced && n.message.contains("3.危及"))
        .collect();
    assert_eq!(unplaced.len(), 1, "{:#?}", i.notes);
}

/// A page printed by a browser through `pdftotext -layout`: two labels stacked
/// above their two rows of values (`5.…` / `6.…` / values / values) go to them
/// in order; a label and its values set apart by single spaces after a piece
/// of a group label (`度办     1.本机关不掌握相关政府信息 3 0 0 0 0 0 3`) are a row.
#[test]
fn stacked_labels_and_single_spaced_rows_of_a_printed_page() {
    let i = fixture("printed-stacked-2020.txt");
    let a3 = TableId::Applications;
    let get = |row: &str| {
        i.report
            .cell(&CellKey::new(a3, row, "自然人"))
            .and_then(xxgk_model::Cell::as_count)
    };
    assert_eq!(
        get("三、本年度办理结果/（三）不予公开/5.属于三类内部事务信息"),
        Some(1)
    );
    assert_eq!(
        get("三、本年度办理结果/（三）不予公开/6.属于四类过程性信息"),
        Some(2)
    );
    assert_eq!(
        get("三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息"),
        Some(3)
    );
    assert_eq!(i.report.table(a3).unwrap().rows().count(), 23);
    assert!(i.unread_tables().is_empty(), "{:#?}", i.notes);
}

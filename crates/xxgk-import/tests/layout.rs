//! Text laid out with spaces (`pdftotext -layout`, a hand-aligned table): a blank
//! cell prints as nothing there, so a row may show fewer numbers than the table
//! has columns. Such a row's numbers are read only where their positions say
//! which columns they are under; otherwise the row is left out and a note names
//! it and quotes its numbers. A wrong value with a note is still a wrong value.

mod fixture_support;

use fixture_support::{count, fixture, summary};
use xxgk_import::Imported;
use xxgk_model::schema::TableId;

const A3: TableId = TableId::Applications;

fn notes<'a>(i: &'a Imported, code: &str) -> Vec<&'a str> {
    i.notes
        .iter()
        .filter(|n| n.code == code)
        .map(|n| n.message.as_str())
        .collect()
}

/// `pdftotext -layout` of a report whose table 三 leaves the five organisation
/// columns blank: every row prints two numbers (自然人, 总计) and no row prints
/// seven, so nothing shows where the columns are. No row of table 三 is read,
/// rather than its numbers being put under 自然人 and 商业企业.
#[test]
fn rows_with_blank_cells_and_no_full_row_are_not_read() {
    let i = fixture("layout-blank-columns-2024.txt");
    insta::assert_snapshot!(summary(&i));
    let t = i.report.table(A3).expect("table 三 is printed");
    assert_eq!(t.rows().count(), 0, "no row of table 三 is guessed");
    assert_eq!(
        count(&i, A3, "一、本年新收政府信息公开申请数量", "自然人"),
        None
    );
    assert_eq!(
        count(
            &i,
            A3,
            "一、本年新收政府信息公开申请数量",
            "法人或其他组织/商业企业"
        ),
        None
    );
    let unplaced = notes(&i, "values-unplaced");
    // Every official row of table 三 (25 in the 2021 format) is named.
    let rows = xxgk_model::FormatVersion::V2021.spec().table(A3).rows.len();
    let a3: Vec<&&str> = unplaced.iter().filter(|m| m.starts_with("表三")).collect();
    assert_eq!(a3.len(), rows, "{unplaced:#?}");
    assert!(
        a3.iter()
            .any(|m| m.contains("“一、本年新收政府信息公开申请数量”")
                && m.ends_with("未读入：“14”“14”")),
        "{a3:#?}"
    );
    assert!(notes(&i, "values-missing").is_empty());
    // Rows that print every column are read.
    assert_eq!(
        count(
            &i,
            TableId::Proactive,
            "第二十条第（六）项/行政处罚",
            "本年处理决定数量"
        ),
        Some(152)
    );
    assert_eq!(count(&i, TableId::Reviews, "行政复议", "总计"), Some(0));
}

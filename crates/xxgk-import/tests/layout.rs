//! Text laid out with spaces (`pdftotext -layout`, a hand-aligned table): a blank
//! cell prints as nothing there, so a row may show fewer numbers than the table
//! has columns. Such a row's numbers are read only where their positions say
//! which columns they are under; otherwise the row is left out and a note names
//! it and quotes its numbers. A wrong value with a note is still a wrong value.

mod fixture_support;

use fixture_support::{count, fixture, summary};
use xxgk_import::Imported;
use xxgk_import::NoteCode;
use xxgk_model::schema::TableId;
use xxgk_model::{Cell, CellKey};

const A3: TableId = TableId::Applications;

fn notes(i: &Imported, code: NoteCode) -> Vec<&str> {
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
    // The table is printed but not read: unread, not missing from the report.
    assert_eq!(i.unread_tables(), [A3]);
    let unplaced = notes(&i, NoteCode::ValuesUnplaced);
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
    assert!(notes(&i, NoteCode::ValuesMissing).is_empty());
    // Rows that print every column are read, and a short row of table 二 under
    // the columns its block's full row places.
    let rules = "第二十条第（一）项/行政规范性文件";
    assert_eq!(
        count(&i, TableId::Proactive, rules, "本年制发件数"),
        Some(3)
    );
    assert_eq!(
        count(&i, TableId::Proactive, rules, "本年废止件数"),
        Some(1)
    );
    assert_eq!(
        i.report
            .cell(&CellKey::new(TableId::Proactive, rules, "现行有效件数")),
        Some(&Cell::Blank)
    );
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

/// `pdftotext -layout` puts every character, ideographs too, one column wide, so
/// numbers line up by character count after labels of any length (display
/// columns, ideographs two wide, do not). Rows printing every column show where
/// the columns are; the other rows' numbers go under the columns they sit under,
/// across group labels printed on lines of their own, page by page (each page is
/// laid out on its own: page 2 sits three columns further right). Page 3 prints
/// no full row, so its rows are not read.
#[test]
fn rows_with_blank_cells_go_under_the_columns_their_page_places() {
    let i = fixture("layout-char-columns-2023.txt");
    insta::assert_snapshot!(summary(&i));
    let cell = |row: &str, col: &str| i.report.cell(&CellKey::new(A3, row, col)).cloned();
    let carried = "二、上年结转政府信息公开申请数量";
    assert_eq!(count(&i, A3, carried, "自然人"), Some(1));
    assert_eq!(cell(carried, "法人或其他组织/商业企业"), Some(Cell::Blank));
    assert_eq!(count(&i, A3, carried, "总计"), Some(1));
    let opened = "三、本年度办理结果/（一）予以公开";
    assert_eq!(count(&i, A3, opened, "法人或其他组织/商业企业"), Some(2));
    assert_eq!(
        count(&i, A3, opened, "法人或其他组织/法律服务机构"),
        Some(1)
    );
    assert_eq!(cell(opened, "法人或其他组织/科研机构"), Some(Cell::Blank));
    // Page 2.
    let query = "三、本年度办理结果/（三）不予公开/8.属于行政查询事项";
    assert_eq!(cell(query, "自然人"), Some(Cell::Blank));
    assert_eq!(count(&i, A3, query, "法人或其他组织/社会公益组织"), Some(1));
    let missing = "三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息";
    assert_eq!(
        count(&i, A3, missing, "法人或其他组织/法律服务机构"),
        Some(1)
    );
    // Page 3: left out, each row named.
    let t = i.report.table(A3).unwrap();
    assert!(
        t.row("三、本年度办理结果/（五）不予处理/2.重复申请")
            .is_none()
    );
    let unplaced = notes(&i, NoteCode::ValuesUnplaced);
    assert_eq!(unplaced.len(), 8, "{unplaced:#?}");
    assert!(
        unplaced
            .iter()
            .all(|m| m.contains("（五）") || m.contains("（六）"))
    );
    // Page 4 prints its own full row.
    assert_eq!(count(&i, A3, "四、结转下年度继续办理", "总计"), Some(1));
}

/// A PDF viewer's copy sets every field apart by one space whatever its place on
/// the page: positions say nothing there, and a short row is not read.
#[test]
fn single_spaced_rows_say_nothing_about_columns() {
    let text = "青禾县林业局2024年政府信息公开工作年度报告\n\
        三、收到和处理政府信息公开申请情况\n\
        自然人 法人或其他组织 总计\n\
        商业企业 科研机构 社会公益组织 法律服务机构 其他\n\
        一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5\n\
        二、上年结转政府信息公开申请数量 1 1\n";
    let i = xxgk_import::import(text.as_bytes(), &xxgk_import::ImportOptions::default()).unwrap();
    assert_eq!(
        count(&i, A3, "一、本年新收政府信息公开申请数量", "总计"),
        Some(5)
    );
    let t = i.report.table(A3).unwrap();
    assert!(t.row("二、上年结转政府信息公开申请数量").is_none());
    assert_eq!(
        notes(&i, NoteCode::ValuesUnplaced),
        [
            "表三“二、上年结转政府信息公开申请数量”行只印出 2 个数值，少于 7 列；此文本按空格对齐、不印空白单元格，又没有可对照的完整行，无法确定各数值所在的列，未读入：“1”“1”"
        ]
    );
}

/// `pdftotext -layout` of a 2019-format report whose narrow table 三 columns set
/// two numbers one space apart (`2 1`): two cells, not one cell `2 1` with the
/// rest shifted left. Table 二's label `其他对外管理服务事项`, centred in its cell,
/// is printed above and below its values.
#[test]
fn numbers_one_space_apart_in_a_laid_out_row_are_two_cells() {
    let i = fixture("layout-squeezed-2020.txt");
    let row = "一、本年新收政府信息公开申请数量";
    assert_eq!(count(&i, A3, row, "法人或其他组织/法律服务机构"), Some(2));
    assert_eq!(count(&i, A3, row, "法人或其他组织/其他"), Some(1));
    assert_eq!(count(&i, A3, row, "总计"), Some(7));
    assert_eq!(
        count(&i, A3, "二、上年结转政府信息公开申请数量", "总计"),
        Some(0)
    );
    assert!(
        notes(&i, NoteCode::CellUnreadable).is_empty(),
        "{:#?}",
        i.notes
    );
}

/// The label of table 二's `其他对外管理服务事项`, centred in its cell, comes out
/// as `其他对外管理服务事` above the values and `项` below them: one row, read
/// under its official label, and the block caption after it stays a caption.
#[test]
fn a_table_two_label_printed_around_its_values_is_one_row() {
    let i = fixture("layout-squeezed-2020.txt");
    let a2 = TableId::Proactive;
    let row = "第二十条第（五）项/其他对外管理服务事项";
    assert_eq!(count(&i, a2, row, "上一年项目数量"), Some(3));
    assert_eq!(count(&i, a2, row, "处理决定数量"), Some(12));
    assert_eq!(
        count(&i, a2, "第二十条第（六）项/行政处罚", "处理决定数量"),
        Some(8)
    );
    let t = i.report.table(a2).expect("table 二 is printed");
    assert_eq!(t.rows().count(), 8, "{:#?}", i.notes);
    for code in [
        NoteCode::ValuesMissing,
        NoteCode::RowUnlabelled,
        NoteCode::TableTextSkipped,
    ] {
        let found: Vec<_> = notes(&i, code)
            .into_iter()
            .filter(|m| m.starts_with("表二"))
            .collect();
        assert!(found.is_empty(), "{code}: {found:#?}");
    }
}

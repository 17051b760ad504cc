//! Table 四 as agencies print it besides the official three-level header: rows
//! of five named by their block, also with the block's group in front.

mod fixture_support;

use fixture_support::{count, fixture_text, import_named};
use xxgk_import::Imported;
use xxgk_import::NoteCode;
use xxgk_model::schema::TableId;

const A4: TableId = TableId::Reviews;

fn with_table_four(table: &str) -> Imported {
    let text = fixture_text("clean-2025.txt");
    let start = text.find("四、政府信息公开行政复议").unwrap();
    let start = start + text[start..].find('\n').unwrap() + 1;
    let end = text.find("五、存在的主要问题").unwrap();
    let text = format!("{}{table}{}", &text[..start], &text[end..]);
    import_named("reviews.txt", &text)
}

/// `行政诉讼（未经复议直接起诉）`, `行政诉讼—复议后起诉`: the block named with its
/// group in front is the block's row.
#[test]
fn rows_named_with_their_group_in_front_are_the_blocks() {
    for (direct, after) in [
        ("行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"),
        ("行政诉讼—未经复议直接起诉", "行政诉讼—复议后起诉"),
        ("其中：未经复议直接起诉", "其中：复议后起诉"),
    ] {
        let i = with_table_four(&format!(
            "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\
             行政复议\t3\t1\t0\t0\t4\n\
             {direct}\t2\t0\t1\t1\t4\n\
             {after}\t1\t0\t0\t0\t1\n"
        ));
        let got = |row: &str, col: &str| count(&i, A4, row, col);
        assert_eq!(got("行政复议", "结果维持"), Some(3), "{direct}");
        assert_eq!(
            got("行政诉讼/未经复议直接起诉", "尚未审结"),
            Some(1),
            "{direct}: {:#?}",
            i.notes
        );
        assert_eq!(got("行政诉讼/未经复议直接起诉", "总计"), Some(4));
        assert_eq!(got("行政诉讼/复议后起诉", "结果维持"), Some(1));
        assert!(i.unread_tables().is_empty(), "{:#?}", i.notes);
        assert!(
            i.notes
                .iter()
                .any(|n| n.code == NoteCode::LabelVariant && n.message.contains(direct)),
            "{direct}: {:#?}",
            i.notes
        );
    }
}

/// The fifteen official cells of table 四 as read: `None` when a cell is absent.
fn table_four_cells(i: &Imported) -> Vec<Option<xxgk_model::Cell>> {
    xxgk_model::official_keys(xxgk_model::FormatVersion::V2021)
        .iter()
        .filter(|k| k.table == A4)
        .map(|k| i.report.cell(k).cloned())
        .collect()
}

/// An HTML page with table 四 as the official layout prints it (three header rows),
/// and `data` as its data rows.
/// Cells `<td{attr}>text</td>` of the texts.
fn tds<T: std::fmt::Display>(texts: impl IntoIterator<Item = T>, attr: &str) -> String {
    use std::fmt::Write as _;
    texts.into_iter().fold(String::new(), |mut out, t| {
        let _ = write!(out, "<td{attr}>{t}</td>");
        out
    })
}

fn page_with_table_four(data: &str) -> Imported {
    let cells = |texts: &[&str]| tds(texts, "");
    let leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let html = format!(
        "<html><body><p>某某县水利局2025年政府信息公开工作年度报告</p>\
         <p>四、政府信息公开行政复议、行政诉讼情况</p><table>\
         <tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>\
         <tr>{}<td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr>\
         <tr>{}{}</tr>{data}</table>\
         <p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>",
        tds(leaves, " rowspan=\"2\""),
        cells(&leaves),
        cells(&leaves),
    );
    import_named("reviews.html", &html)
}

/// A table 四 printed and left blank, as the official template is issued, is a
/// table of fifteen blank cells (so the check says the cells are blank), not a
/// table that is missing.
#[test]
fn a_blank_printed_table_is_fifteen_blank_cells() {
    let i = page_with_table_four(&format!("<tr>{}</tr>", "<td></td>".repeat(15)));
    let cells = table_four_cells(&i);
    assert_eq!(cells.len(), 15);
    assert!(
        cells.iter().all(|c| c == &Some(xxgk_model::Cell::Blank)),
        "{cells:?}\n{:#?}",
        i.notes
    );
    assert!(
        !i.notes.iter().any(|n| n.code == NoteCode::TableEmpty),
        "{:#?}",
        i.notes
    );
}

/// A blank row does not take the cells of the row of values after it (an empty
/// row left in a Word table above the data).
#[test]
fn a_blank_row_before_the_values_leaves_them_to_the_values() {
    let values = tds(1..=15, "");
    let i = page_with_table_four(&format!(
        "<tr>{}</tr><tr>{values}</tr>",
        "<td></td>".repeat(15)
    ));
    assert_eq!(count(&i, A4, "行政复议", "结果维持"), Some(1));
    assert_eq!(count(&i, A4, "行政诉讼/复议后起诉", "总计"), Some(15));
    assert!(
        !i.notes.iter().any(|n| n.code == NoteCode::DuplicateCell),
        "{:#?}",
        i.notes
    );
}

/// Rows of five named by their block with no value in them (a Markdown table as
/// a converter writes a blank table) are rows of blank cells; a block that holds
/// values keeps them.
#[test]
fn blank_rows_of_five_are_blank_cells() {
    let i = import_named(
        "reviews.md",
        "某某县水利局2025年政府信息公开工作年度报告\n\n\
         ## 四、政府信息公开行政复议、行政诉讼情况\n\n\
         |  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n\
         | :--- | :---: | :---: | :---: | :---: | :---: |\n\
         | 行政复议 |  |  |  |  |  |\n\
         | 行政诉讼 |  |  |  |  |  |\n\
         | 　未经复议直接起诉 | 1 | 0 | 0 | 0 | 1 |\n\
         | 　复议后起诉 |  |  |  |  |  |\n\n\
         ## 五、存在的主要问题及改进情况\n\n无。\n",
    );
    let cells = table_four_cells(&i);
    let blank = cells
        .iter()
        .filter(|c| *c == &Some(xxgk_model::Cell::Blank))
        .count();
    assert_eq!(blank, 10, "{cells:?}\n{:#?}", i.notes);
    assert_eq!(count(&i, A4, "行政诉讼/未经复议直接起诉", "总计"), Some(1));
    assert!(
        !i.notes.iter().any(|n| n.code == NoteCode::TableEmpty),
        "{:#?}",
        i.notes
    );
}

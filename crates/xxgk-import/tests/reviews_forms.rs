//! Table 四 as agencies print it besides the official three-level header: rows
//! of five named by their block, also with the block's group in front.

mod fixture_support;

use fixture_support::{count, fixture_text, import_named};
use xxgk_import::Imported;
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
                .any(|n| n.code == "label-variant" && n.message.contains(direct)),
            "{direct}: {:#?}",
            i.notes
        );
    }
}

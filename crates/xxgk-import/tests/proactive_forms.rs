//! Table 二 as agencies print it besides the official layout: header cells
//! wrapped onto a second line (a PDF's narrow columns, a header printed over two
//! rows).

mod fixture_support;

use fixture_support::{count, fixture_text, import_named};
use xxgk_import::Imported;
use xxgk_import::NoteCode;
use xxgk_model::schema::TableId;

const A2: TableId = TableId::Proactive;

fn read(text: &str) -> Imported {
    import_named("report.txt", text)
}

fn clean() -> String {
    fixture_text("clean-2025.txt")
}

/// `本年制发` / `件数`: the second line completes the header's labels, at the same
/// fields (tabs) or in order (spaces), and is no row.
#[test]
fn header_labels_wrapped_onto_a_second_line_are_joined() {
    let text = clean();
    let one = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n";
    assert!(text.contains(one));
    let tabs = text.replacen(
        one,
        "信息内容\t本年制发\t本年废止\t现行有效\n\t件数\t件数\t件数\n",
        1,
    );
    let spaces = text.replacen(
        one,
        "信息内容      本年制发      本年废止      现行有效\n              件数          件数          件数\n",
        1,
    );
    let single = text.replacen(
        "信息内容\t本年处理决定数量\n行政许可",
        "信息内容\t本年处理决定\n\t数量\n行政许可",
        1,
    );
    let plain = read(&text);
    for (form, t) in [("tabs", tabs), ("spaces", spaces), ("one column", single)] {
        let i = read(&t);
        assert_eq!(
            xxgk_model::long::to_csv(&i.report),
            xxgk_model::long::to_csv(&plain.report),
            "{form}: {:#?}",
            i.notes
        );
        for code in [
            NoteCode::ColumnAdded,
            NoteCode::TableTextSkipped,
            NoteCode::RowUnlabelled,
        ] {
            assert!(
                i.notes.iter().all(|n| n.code != code),
                "{form}: {:#?}",
                i.notes
            );
        }
    }
    assert_eq!(
        count(
            &plain,
            A2,
            "第二十条第（五）项/行政许可",
            "本年处理决定数量"
        ),
        Some(128)
    );
}

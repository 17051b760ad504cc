//! The rougher forms agencies and crawlers produce (issue 13), one fictional
//! fixture a shape under `tests/fixtures/rough/`, each made from a clean
//! fixture of ours (`clean-2025.txt`, `printed-stacked-2020.txt`) in the shape
//! a PDF printed from a page, a crawler or a viewer gives. Each test asserts that
//! the shape is in the file and that every cell reads exactly as from the clean
//! form; cells run together (shape 8) are read where the table's arithmetic
//! admits one cut, and otherwise left unread with the number of cuts noted.

mod fixture_support;

use fixture_support::{count, fixture, fixture_text, import_named};
use xxgk_import::{Imported, NoteCode};
use xxgk_model::SectionId;
use xxgk_model::long::{LongRecord, long_records};
use xxgk_model::schema::TableId;

const A3: TableId = TableId::Applications;

/// Asserts that a fixture holds its shape: the text, spaces as printed.
fn holds(name: &str, shape: &str) {
    assert!(
        fixture_text(name).contains(shape),
        "{name} no longer holds its shape {shape:?}"
    );
}

/// Asserts that two imports read the same cells, value and unit, cell for cell.
fn same_cells(rough: &Imported, clean: &Imported) {
    let (r, c) = (long_records(&rough.report), long_records(&clean.report));
    assert_eq!(r.len(), c.len());
    for (r, c) in r.iter().zip(&c) {
        assert_eq!(r, c, "{}", r.key);
    }
}

fn codes(i: &Imported) -> Vec<NoteCode> {
    i.notes.iter().map(|n| n.code).collect()
}

/// Shape 1: a value one space after its label in `pdftotext -layout` output is
/// a value, not a piece of the label (no label typo, no value unplaced).
#[test]
fn shape_1_a_value_one_space_after_its_label() {
    let name = "rough/value-after-label-2025.txt";
    holds(name, "\n行政规范性文件 2         1         9\n");
    holds(name, "6.属于四类过程性信息 1   0");
    holds(name, "3.其他 0    0");
    let i = fixture(name);
    same_cells(&i, &fixture("clean-2025.txt"));
    let row = "三、本年度办理结果/（三）不予公开/6.属于四类过程性信息";
    assert_eq!(count(&i, A3, row, "自然人"), Some(1));
    // No value taken into its label: no note quotes a label with it.
    for swallowed in ["规范性文件 2", "过程性信息 1", "3.其他 0"] {
        assert!(
            i.notes.iter().all(|n| !n.message.contains(swallowed)),
            "{swallowed}: {:?}",
            i.notes
        );
    }
    for code in [NoteCode::ValuesUnplaced, NoteCode::RowAdded] {
        assert!(!codes(&i).contains(&code), "{code}: {:?}", i.notes);
    }
    // Table 二 of 2019, three values of a row: the first one space after its label.
    let text = fixture_text("space-aligned-2019.txt")
        .replace("其他对外管理服务事项        ４", "其他对外管理服务事项 ４");
    assert!(text.contains("其他对外管理服务事项 ４               ０"));
    let close = import_named("value-after-label-2019.txt", &text);
    same_cells(&close, &fixture("space-aligned-2019.txt"));
    let row = "第二十条第（五）项/其他对外管理服务事项";
    for (column, value) in [("上一年项目数量", 4), ("本年增/减", 0), ("处理决定数量", 6)]
    {
        assert_eq!(count(&close, TableId::Proactive, row, column), Some(value));
    }
}

/// Shape 2: a wrapped label whose item number stands alone on the middle line,
/// the first value beside the label's first line and the rest beside its last.
#[test]
fn shape_2_an_item_number_alone_between_a_labels_lines() {
    let name = "rough/number-alone-2025.txt";
    holds(
        name,
        "其他法律行政法规禁止公 0\n       2.\n       开              0    0",
    );
    let i = fixture(name);
    same_cells(&i, &fixture("clean-2025.txt"));
    // No row named `开`, no `2.` read as a value.
    assert_eq!(i.report.extra_cells().count(), 0);
    assert!(!codes(&i).contains(&NoteCode::RowAdded), "{:?}", i.notes);
    assert!(
        !codes(&i).contains(&NoteCode::CellUnreadable),
        "{:?}",
        i.notes
    );
}

/// Shape 3: the first value on the first line of a wrapped label, the others on
/// its second.
#[test]
fn shape_3_the_first_value_on_a_wrapped_labels_first_line() {
    let name = "rough/value-on-first-line-2025.txt";
    holds(
        name,
        "（二）部分公开（区分处理的，只计这一 2\n度办 情形，不计其他情形）            0    0",
    );
    let i = fixture(name);
    same_cells(&i, &fixture("clean-2025.txt"));
    let row = "三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    assert_eq!(count(&i, A3, row, "自然人"), Some(2));
    assert_eq!(count(&i, A3, row, "总计"), Some(2));
}

/// Shape 4: an amount and its unit printed on two lines, the unit beside the
/// row and the number under it, or the other way round: one cell, noted.
#[test]
fn shape_4_an_amount_and_its_unit_on_two_lines() {
    let name = "rough/unit-wrapped-2020.txt";
    holds(
        name,
        "政府集中采购          5               万元\n                                   86.4\n",
    );
    let clean = fixture("printed-stacked-2020.txt");
    let i = fixture(name);
    same_cells(&i, &clean);
    let amount = long_records(&i.report)
        .into_iter()
        .find(|r| r.key.row.ends_with("政府集中采购") && r.key.column == "采购总金额")
        .unwrap();
    assert_eq!(
        (amount.value.as_str(), amount.unit.as_str()),
        ("86.4", "万元")
    );
    assert!(codes(&i).contains(&NoteCode::UnitWrapped), "{:?}", i.notes);
    // The number beside the row, its unit under it.
    let text = fixture_text("printed-stacked-2020.txt").replace(
        "政府集中采购          5               86.4万元\n",
        "政府集中采购          5               86.4\n                                      万元\n",
    );
    let below = import_named("unit-below-2020.txt", &text);
    same_cells(&below, &clean);
    assert!(codes(&below).contains(&NoteCode::UnitWrapped));
}

/// Shape 5: the page's `来源：… 时间：…` line above a two-line title is the
/// page's, not a part of the agency's name.
#[test]
fn shape_5_a_pages_field_line_above_a_two_line_title() {
    let name = "rough/page-fields-above-title-2025.txt";
    holds(
        name,
        "来源：青禾县人民政府  时间：2026-01-20 09:30\n     青禾县交通运输局2025年\n",
    );
    let i = fixture(name);
    same_cells(&i, &fixture("clean-2025.txt"));
    assert_eq!(i.report.meta.agency, "青禾县交通运输局");
    assert_eq!(i.report.meta.year, 2025);
    assert_eq!(
        i.report.meta.title.as_deref(),
        Some("青禾县交通运输局2025年政府信息公开工作年度报告")
    );
}

/// Shape 6: pieces of labels wrapped in narrow cells (`计` of `总计`, `量`, `果`)
/// are label text, not a seal's debris dropped as stray text.
#[test]
fn shape_6_halves_of_wrapped_labels_are_no_stray_text() {
    let name = "rough/printed-narrow-2025.txt";
    holds(name, "\n                                           计\n");
    holds(name, "\n量\n");
    let i = fixture(name);
    same_cells(&i, &fixture("clean-2025.txt"));
    assert!(!codes(&i).contains(&NoteCode::StrayText), "{:?}", i.notes);
}

/// Shape 7: the whole body on one line after a crawler's metadata line: every
/// section, table and cell is found, and the stored path is no title.
#[test]
fn shape_7_the_whole_body_on_one_line() {
    let name = "rough/one-line-2025.txt";
    let text = fixture_text(name);
    assert_eq!(text.lines().count(), 2);
    assert!(text.starts_with("本地目录: D:\\采集\\"));
    let i = fixture(name);
    same_cells(&i, &fixture("clean-2025.txt"));
    assert_eq!(i.report.meta.agency, "青禾县交通运输局");
    assert_eq!(
        i.report.meta.title.as_deref(),
        Some("青禾县交通运输局2025年政府信息公开工作年度报告")
    );
    for id in SectionId::ALL {
        assert!(i.report.sections.get(id).is_some(), "{id:?}");
    }
    assert!(i.unfound_sections().is_empty());
    assert!(i.unread_tables().is_empty());
}

/// The clean report with table 三's rows `（三）4.`, `（七）总计` and `一、` changed
/// to those of the run-together fixtures (tab-separated, as the clean one).
fn clean_with(rows: &[(&str, &str)]) -> Imported {
    let mut text = fixture_text("clean-2025.txt");
    for (old, new) in rows {
        assert!(text.contains(old), "{old}");
        text = text.replace(old, new);
    }
    import_named("clean-changed-2025.txt", &text)
}

fn table(records: Vec<LongRecord>, numeral: &str) -> Vec<LongRecord> {
    records
        .into_iter()
        .filter(|r| r.key.table.numeral() == numeral)
        .collect()
}

/// Shape 8, one cut: every run of digits of tables 三 and 四 admits one cut by
/// the row's sums or, where a row's own sums leave several (`110000011`: 1 + 10
/// = 11 or 11 + 0 = 11; the `（七）总计` and `一、` rows), by table 三's identities
/// across rows (（七）总计 = the result rows; 一 + 二 = （七）总计 + 四): read
/// exactly, each noted. Table 二 has no sums, and a blank cell vanishes from a
/// run: its runs are not read (noted), never guessed.
#[test]
fn shape_8_runs_with_one_cut_are_read_exactly() {
    let name = "rough/runs-one-split-2025.txt";
    holds(name, "\n一、本年新收政府信息公开申请数量 1111000022\n");
    holds(name, "\n4.保护第三方合法权益 110000011\n");
    holds(name, "\n（七）总计 1211000023\n");
    let i = fixture(name);
    let clean = clean_with(&[
        (
            "数量\t10\t2\t0\t0\t0\t0\t12",
            "数量\t11\t11\t0\t0\t0\t0\t22",
        ),
        ("权益\t0\t1\t0\t0\t0\t0\t1", "权益\t1\t10\t0\t0\t0\t0\t11"),
        (
            "（七）总计\t11\t2\t0\t0\t0\t0\t13",
            "（七）总计\t12\t11\t0\t0\t0\t0\t23",
        ),
    ]);
    for numeral in ["三", "四"] {
        assert_eq!(
            table(long_records(&i.report), numeral),
            table(long_records(&clean.report), numeral),
            "table {numeral}"
        );
    }
    let row = "三、本年度办理结果/（三）不予公开/4.保护第三方合法权益";
    assert_eq!(count(&i, A3, row, "法人或其他组织/商业企业"), Some(10));
    let by_table: Vec<&str> = i
        .notes
        .iter()
        .filter(|n| n.code == NoteCode::ValuesSplitBySum && n.message.contains("勾稽关系"))
        .map(|n| n.message.as_str())
        .collect();
    assert_eq!(by_table.len(), 3, "{by_table:#?}");
    // Table 二: each cell exact or not read, and the unread ones noted.
    let clean_two = table(long_records(&clean.report), "二");
    for (r, c) in table(long_records(&i.report), "二").iter().zip(&clean_two) {
        assert!(r.value.is_empty() || r == c, "{}", r.key);
    }
    assert_eq!(i.unread_tables(), [TableId::Proactive]);
}

/// Shape 8, several cuts: two result rows printed `110000011` each, whose cuts
/// the identities cannot tell apart (1 + 11 = 11 + 1 in either order): both
/// rows, and the rows whose cuts depend on them, stay unread, each note saying
/// how many readings remain; no cell is guessed.
#[test]
fn shape_8_runs_with_several_cuts_stay_unread_with_the_count() {
    let name = "rough/runs-several-splits-2025.txt";
    holds(name, "\n4.保护第三方合法权益 110000011\n");
    holds(name, "\n5.属于三类内部事务信息 110000011\n");
    let i = fixture(name);
    let clean = clean_with(&[
        (
            "数量\t10\t2\t0\t0\t0\t0\t12",
            "数量\t22\t11\t0\t0\t0\t0\t33",
        ),
        ("权益\t0\t1\t0\t0\t0\t0\t1", "权益\t1\t10\t0\t0\t0\t0\t11"),
        (
            "事务信息\t0\t0\t0\t0\t0\t0\t0",
            "事务信息\t11\t0\t0\t0\t0\t0\t11",
        ),
        (
            "（七）总计\t11\t2\t0\t0\t0\t0\t13",
            "（七）总计\t23\t11\t0\t0\t0\t0\t34",
        ),
    ]);
    let unread = [
        ("一、本年新收政府信息公开申请数量", 3),
        ("三、本年度办理结果/（三）不予公开/4.保护第三方合法权益", 2),
        (
            "三、本年度办理结果/（三）不予公开/5.属于三类内部事务信息",
            2,
        ),
        ("三、本年度办理结果/（七）总计", 2),
    ];
    for (r, c) in long_records(&i.report)
        .iter()
        .zip(&long_records(&clean.report))
    {
        if r.key.table == A3 && unread.iter().any(|(row, _)| r.key.row == *row) {
            assert!(r.value.is_empty(), "{} read as {}", r.key, r.value);
        } else if r.key.table.numeral() != "二" {
            assert_eq!(r, c);
        }
    }
    for (row, n) in unread {
        let said = format!("有 {n} 种拆分");
        assert!(
            i.notes
                .iter()
                .any(|note| note.code == NoteCode::ValuesUnplaced
                    && note.message.contains(row.rsplit('/').next().unwrap())
                    && note.message.contains(&said)),
            "{row}: {said}"
        );
    }
    assert!(i.unread_tables().contains(&A3));
}

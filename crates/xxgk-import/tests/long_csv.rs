//! xxgk's own long-format CSV (what `xxgk export --csv` writes) reads back as a
//! report: the same cells, each at its line, one report at a time.

use proptest::prelude::*;
use xxgk_import::NoteCode;
use xxgk_import::{ImportError, ImportOptions, InputKind, import};
use xxgk_model::long::{to_csv, to_csv_with_source};
use xxgk_model::strategy;
use xxgk_model::{BodyKind, Cell, CellKey, FormatVersion, Report, SourcePos};

fn read(text: &str, name: &str) -> Result<xxgk_import::Imported, ImportError> {
    let options = ImportOptions::default().file_name(name.to_owned());
    import(text.as_bytes(), &options)
}

fn example(name: &str) -> Report {
    let path = format!("{}/tests/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The tables of a report (a CSV holds nothing else): every official cell of a
/// version any cell, and a few added rows and columns. Cheaper than
/// `strategy::report`, whose narrative the CSV does not carry.
fn tables() -> impl Strategy<Value = Report> {
    strategy::version().prop_flat_map(|version| {
        let n = xxgk_model::official_keys(version).len();
        (
            proptest::collection::vec(strategy::cell(), n),
            proptest::collection::vec(
                (0usize..3, "[甲乙丙]{1,3}", "[丁戊]{1,2}", strategy::cell()),
                0..4,
            ),
        )
            .prop_map(move |(cells, extra)| {
                let year = if version == FormatVersion::V2021 {
                    2025
                } else {
                    2020
                };
                let mut report = Report::blank("某某局", year, BodyKind::Other).unwrap();
                for (key, cell) in xxgk_model::official_keys(version).iter().zip(cells) {
                    *report.cell_mut(key).unwrap() = cell;
                }
                for (t, row, column, cell) in extra {
                    let id = xxgk_model::schema::TableId::ALL[t];
                    report
                        .table_entry(id)
                        .set(format!("本地{row}"), column, cell);
                }
                report
            })
    })
}

proptest! {
    /// Exporting a report and reading the CSV back gives the same CSV: every cell,
    /// official or added, in both versions.
    #[test]
    fn the_csv_reads_back_cell_for_cell(report in tables()) {
        let csv = to_csv(&report);
        let back = read(&csv, "cells.csv").unwrap();
        prop_assert_eq!(back.kind, InputKind::LongCsv);
        prop_assert_eq!(back.report.meta.format, report.meta.format);
        prop_assert_eq!(to_csv(&back.report), csv);
    }
}

#[test]
fn the_export_of_one_file_with_bom_and_source_reads_as_that_report() {
    let report = example("qinghe-water-2020.toml");
    let csv = format!(
        "\u{feff}{}",
        to_csv_with_source([("年报/qinghe-water-2020.toml", &report)])
    );
    let back = read(&csv, "cells.csv").unwrap();
    assert_eq!(back.kind, InputKind::LongCsv);
    assert_eq!(back.report.meta.format, FormatVersion::V2019);
    // The year from the report's source name, said in a note.
    assert_eq!(back.report.meta.year, 2020);
    assert!(
        back.notes
            .iter()
            .any(|n| n.code == NoteCode::YearInferred
                && n.message.contains("qinghe-water-2020.toml")),
        "{:#?}",
        back.notes
    );
    assert_eq!(to_csv(&back.report), to_csv(&report));
    // Each cell at its line: the header is line 1.
    let key = &xxgk_model::official_keys(FormatVersion::V2019)[0];
    assert_eq!(
        back.source.get(&key.json_pointer()),
        Some(SourcePos::Text { line: 2, column: 1 })
    );
    // Nothing but the tables.
    assert!(back.report.sections.overview.is_none());
    assert_eq!(back.report.meta.agency, "");
}

#[test]
fn what_the_caller_knows_fills_the_metadata() {
    let report = example("qinghe-gov-2025.toml");
    let options = ImportOptions::default().year(2025).agency("青禾县人民政府");
    let back = import(to_csv(&report).as_bytes(), &options).unwrap();
    assert_eq!(back.report.meta.year, 2025);
    assert_eq!(back.report.meta.kind, BodyKind::Government);
    assert!(back.notes.is_empty(), "{:#?}", back.notes);
}

#[test]
fn several_reports_in_one_csv_are_refused_naming_them() {
    let a = example("qinghe-gov-2025.toml");
    let b = example("qinghe-water-2020.toml");
    let csv = to_csv_with_source([("a.toml", &a), ("b.toml", &b)]);
    let Err(ImportError::InvalidModel(e)) = read(&csv, "two.csv") else {
        panic!("several reports read as one");
    };
    assert!(
        e.problem
            .contains("含 2 份报告（source 列：a.toml、b.toml）"),
        "{e}"
    );
    // The first line of the second report.
    let second = csv.lines().position(|l| l.starts_with("b.toml")).unwrap() + 1;
    assert_eq!(e.line, Some(u32::try_from(second).unwrap()));
    assert!(e.help.unwrap().contains("分别导出"));
}

#[test]
fn broken_lines_are_named() {
    let good = to_csv(&example("qinghe-gov-2025.toml"));
    for (from, to, problem) in [
        (
            "二,第二十条第（一）项/规章,本年制发件数,0,",
            "二,第二十条第（一）项/规章,本年制发件数,0",
            "应有 5 列",
        ),
        (
            "二,第二十条第（一）项/规章,本年制发件数,0,",
            "五,第二十条第（一）项/规章,本年制发件数,0,",
            "不是表二、三、四",
        ),
        (
            "二,第二十条第（一）项/规章,本年制发件数,0,",
            "二,第二十条第（一）项/规章,本年制发件数,999999999999999999999999999999999,",
            "数字超出可精确表示的范围",
        ),
    ] {
        assert!(good.contains(from));
        let csv = good.replacen(from, to, 1);
        let Err(ImportError::InvalidModel(e)) = read(&csv, "x.csv") else {
            panic!("{to} read");
        };
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.problem.contains(problem), "{e}");
    }
}

#[test]
fn a_duplicated_line_keeps_the_first_value_with_a_note() {
    let csv = "table,row,column,value,unit\n四,行政复议,结果维持,1,\n四,行政复议,结果维持,2,\n";
    let back = read(csv, "x.csv").unwrap();
    let key = CellKey::new(xxgk_model::schema::TableId::Reviews, "行政复议", "结果维持");
    assert_eq!(back.report.cell(&key), Some(&Cell::int(1)));
    assert!(back.notes.iter().any(|n| n.code == NoteCode::DuplicateCell));
}

#[test]
fn a_csv_of_other_columns_is_no_long_csv() {
    assert_eq!(
        xxgk_import::sniff("名称,数量\n甲,1\n".as_bytes()),
        InputKind::Text
    );
    assert_eq!(
        xxgk_import::sniff("\u{feff}source,table,row,column,value,unit\r\n".as_bytes()),
        InputKind::LongCsv
    );
}

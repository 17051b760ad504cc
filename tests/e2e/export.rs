//! `xxgk export --csv` writes the long-format CSV of docs/cells.md: one report plain,
//! several with a `source` column, a byte order mark when written to a file.

use std::path::PathBuf;
use xxgk_import::NoteCode;

use crate::{CORPUS, corpus, fixture, stem, xxgk};
use xxgk_model::long::{HEADER, HEADER_WITH_SOURCE, parse_csv};

#[test]
fn one_report_to_stdout_is_plain_csv() {
    let out = xxgk()
        .arg("export")
        .arg("--csv")
        .arg(fixture("clean-2025.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(HEADER), "no byte order mark on stdout");
    let rows = parse_csv(&text).unwrap();
    assert_eq!(rows.len(), 201);
    assert!(rows.iter().all(|r| r.len() == 5));
    assert!(rows.iter().any(|r| r
        == &[
            "二",
            "第二十条第（八）项/行政事业性收费",
            "本年收费金额（单位：万元）",
            "12.5",
            "万元"
        ]));
}

#[test]
fn several_reports_to_a_file_have_a_source_column_and_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cells.csv");
    let a = fixture("clean-2025.txt");
    let b = fixture("space-aligned-2019.txt");
    xxgk()
        .args(["export", "--csv", "-o"])
        .arg(&out)
        .arg(&a)
        .arg(&b)
        .assert()
        .success();
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "Excel needs the byte order mark"
    );
    let text = String::from_utf8(bytes).unwrap();
    let rows = parse_csv(&text).unwrap();
    assert_eq!(rows[0].join(","), HEADER_WITH_SOURCE);
    let from = |p: &PathBuf| {
        rows.iter()
            .filter(|r| r[0] == p.display().to_string())
            .count()
    };
    assert_eq!(from(&a), 200);
    assert_eq!(from(&b), 198);
    assert_eq!(rows.len(), 1 + 200 + 198);
    assert!(rows.iter().all(|r| r.len() == 6));
    // The file is not replaced without --force.
    xxgk()
        .args(["export", "--csv", "-o"])
        .arg(&out)
        .arg(&a)
        .assert()
        .code(2);
    xxgk()
        .args(["export", "--csv", "--force", "-o"])
        .arg(&out)
        .arg(&a)
        .assert()
        .success();
}

#[test]
fn export_needs_the_csv_flag_and_a_file() {
    xxgk()
        .args(["export"])
        .arg(fixture("clean-2025.txt"))
        .assert()
        .code(2);
    xxgk().args(["export", "--csv"]).assert().code(2);
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn all_corpus_reports_export_into_one_csv_with_their_expected_cells() {
    let dir = corpus();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("all.csv");
    let mut cmd = xxgk();
    cmd.args(["export", "--csv", "-o"]).arg(&out);
    for n in CORPUS {
        cmd.arg(dir.join(n));
    }
    cmd.assert().success();
    let text = std::fs::read_to_string(&out).unwrap();
    let rows = parse_csv(&text).unwrap();
    let mut total = 1;
    for n in CORPUS {
        let source = dir.join(n).display().to_string();
        let stem = stem(n);
        let expected =
            std::fs::read_to_string(dir.join("expected").join(format!("{stem}.csv"))).unwrap();
        let expected = parse_csv(&expected).unwrap();
        let got: Vec<Vec<String>> = rows
            .iter()
            .filter(|r| r[0] == source)
            .map(|r| r[1..].to_vec())
            .collect();
        assert_eq!(got, expected[1..], "{n}");
        total += got.len();
    }
    assert_eq!(rows.len(), total);
}

/// Issue 15: `xxgk check cells.csv` read the CSV's rows as headings and reported
/// six missing sections. The CSV export writes is read as the tables it holds:
/// the same table findings as the report, each at its line of the CSV, and no
/// finding about what a CSV cannot hold (sections, headings, text, dates).
#[test]
fn the_exported_csv_checks_as_the_tables_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(crate::root().join("examples/qinghe-gov-2025.toml")).unwrap();
    let mut report: xxgk_model::Report = toml::from_str(&text).unwrap();
    let key = xxgk_model::CellKey::new(xxgk_model::schema::TableId::Reviews, "行政复议", "总计");
    let total = report.cell(&key).unwrap().as_count().unwrap();
    *report.cell_mut(&key).unwrap() = xxgk_model::Cell::int(i64::try_from(total).unwrap() + 1);
    let model = dir.path().join("gov.toml");
    std::fs::write(&model, toml::to_string(&report).unwrap()).unwrap();
    let csv = dir.path().join("gov-2025.csv");
    xxgk()
        .args(["export", "--csv", "-o"])
        .arg(&csv)
        .arg(&model)
        .assert()
        .success();
    let line = std::fs::read_to_string(&csv)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("四,行政复议,总计,"))
        .unwrap()
        + 1;
    let out = xxgk()
        .current_dir(dir.path())
        .args(["check", "gov-2025.csv"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("错误[T401]"), "{stdout}");
    assert!(
        stdout.contains(&format!("--> gov-2025.csv:{line}:1")),
        "{stdout}"
    );
    assert!(stdout.contains("从 CSV 读入"), "{stdout}");
    for code in ["S001", "S003", "R00", "D00", "N00"] {
        assert!(!stdout.contains(&format!("[{code}")), "{code}: {stdout}");
    }
    // The year from the file name; said as an import note.
    assert!(stdout.contains("2025 年度报告（2021 年格式"), "{stdout}");
    assert!(stdout.contains(NoteCode::YearInferred.as_str()), "{stdout}");

    // Several reports in one CSV: refused, naming them, exit 2.
    let two = dir.path().join("two.csv");
    xxgk()
        .args(["export", "--csv", "-o"])
        .arg(&two)
        .arg(&model)
        .arg(crate::root().join("examples/qinghe-water-2020.toml"))
        .assert()
        .success();
    xxgk()
        .arg("check")
        .arg(&two)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("CSV 有误：这个 CSV 含 2 份报告"));
}
